export { createS3Provider, S3_CAPABILITIES, S3Provider } from './provider.js';
