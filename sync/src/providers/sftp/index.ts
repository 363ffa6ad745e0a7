// The SFTP provider's factory, registered in ../all.ts.
import type { RemoteConfig } from '../config.js';

type SftpRemoteConfig = Extract<RemoteConfig, { type: 'sftp' }>;

import type { ProviderDeps } from '../registry.js';
import { SftpProvider } from './provider.js';

export { hostKeyMatches, sha256Fingerprint } from './connection.js';
export { SftpProvider } from './provider.js';

/** Builds the provider; it connects on first use, so a server that is down now is no error yet. */
export function createSftpProvider(config: SftpRemoteConfig, deps: ProviderDeps = {}): SftpProvider {
  return new SftpProvider(config, deps.logger);
}
