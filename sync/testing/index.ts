// Real servers for tests, on loopback: what provider tests (here and in other packages) start.
export {
  ensureS3Proxy,
  S3PROXY_VERSION,
  type S3TestServer,
  sharedS3Server,
  startS3Server,
} from './s3-server.js';
