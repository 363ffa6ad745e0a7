// The rclone provider's factory, registered in ../all.ts.
import type { RemoteConfig } from '../config.js';
import type { ProviderDeps } from '../registry.js';
import { RcloneDaemon } from './daemon.js';
import { joinFs } from './item.js';
import { RcloneProvider } from './provider.js';

export { RcloneProvider } from './provider.js';

/**
 * Starts the provider's `rclone rcd` and reads the remote's capabilities; a remote that cannot
 * be reached now leaves conservative capabilities and is no error yet.
 */
export async function createRcloneProvider(
  config: Extract<RemoteConfig, { type: 'rclone' }>,
  deps: ProviderDeps = {},
): Promise<RcloneProvider> {
  const daemon = new RcloneDaemon({
    config: config.rcloneConfig,
    tempDir: deps.tempDir,
    logger: deps.logger,
  });
  const provider = new RcloneProvider(
    daemon,
    joinFs(config.remote, config.root),
    () => daemon.configFile(),
    deps.logger,
  );
  await provider.detect().catch((error: unknown) => {
    deps.logger?.warn({ err: error }, 'rclone: cannot read the remote’s features yet; assuming few');
  });
  return provider;
}
