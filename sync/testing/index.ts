// Real servers for tests, on loopback: what provider tests (here and in other packages) start.

export { ensureDebianPackage, findExecutable } from './debian.js';
export { freePort, waitForPort } from './net.js';
export { findRclone, rcloneConfigText, rcloneObscure, writeRcloneConfig } from './rclone.js';
export {
  ensureS3Proxy,
  S3PROXY_VERSION,
  type S3ServerOptions,
  type S3TestServer,
  sharedS3Server,
  startS3Server,
} from './s3-server.js';
export {
  fingerprintOf,
  type SftpServer,
  type SftpServerOptions,
  startRcloneSftpServer,
  startSftpServer,
} from './sftp-server.js';
export { startWebdavServer, type WebdavServer, type WebdavServerOptions } from './webdav-server.js';
