// The WebDAV provider's factory, registered in ../all.ts.
import type { RemoteConfig } from '../config.js';
import type { ProviderDeps } from '../registry.js';
import { WebdavProvider } from './provider.js';

export { WebdavProvider } from './provider.js';

/**
 * Builds the provider and asks the server what it can beyond plain WebDAV; a server that is
 * down now leaves the plain-WebDAV capabilities and is no error yet.
 */
export async function createWebdavProvider(
  config: Extract<RemoteConfig, { type: 'webdav' }>,
  deps: ProviderDeps = {},
): Promise<WebdavProvider> {
  const provider = new WebdavProvider(config, deps.logger);
  await provider.detect().catch((error: unknown) => {
    deps.logger?.warn({ err: error }, 'webdav: capability detection failed; assuming plain WebDAV');
  });
  return provider;
}
