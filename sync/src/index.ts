export * from './engine/index.js';
export * from './journal/index.js';
export * from './providers/config.js';
export {
  KeyRing,
  loadSecretKey,
  migrateCredentials,
  RemoteCredentialStore,
  redactRemoteConfig,
} from './providers/credentials.js';
export { createLocalProvider, LOCAL_CAPABILITIES, LocalProvider } from './providers/local/index.js';
export { createRcloneProvider, RcloneProvider } from './providers/rclone/index.js';
export {
  createProvider,
  type ProviderDeps,
  type ProviderFactory,
  parseRemoteConfig,
  registeredProviderTypes,
  registerProviderType,
} from './providers/registry.js';
export { createS3Provider, S3_CAPABILITIES, S3Provider } from './providers/s3/index.js';
export { createSftpProvider, SftpProvider } from './providers/sftp/index.js';
export * from './providers/types.js';
export { createWebdavProvider, WebdavProvider } from './providers/webdav/index.js';
