// The registration table: one line per provider type. Both provider teams edit this file;
// registry.ts reads it. Kept apart from registry.ts so there is no import cycle.
import type { RemoteType } from './config.js';
import { createLocalProvider } from './local/index.js';
import { createRcloneProvider } from './rclone/index.js';
import type { ProviderFactory } from './registry.js';
import { createS3Provider } from './s3/index.js';
import { createSftpProvider } from './sftp/index.js';
import { createWebdavProvider } from './webdav/index.js';

export const PROVIDER_TYPES: { [T in RemoteType]?: ProviderFactory<T> } = {
  local: (config) => createLocalProvider(config.root),
  s3: (config) => createS3Provider(config),
  sftp: (config, deps) => createSftpProvider(config, deps),
  webdav: (config, deps) => createWebdavProvider(config, deps),
  rclone: (config, deps) => createRcloneProvider(config, deps),
};
