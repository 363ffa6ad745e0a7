// Builds a provider from a stored remote config. Each provider type registers a factory
// (the table is in all.ts, one line per type); the config is validated first so a bad
// stored config is a clear INVALID_INPUT naming the field, never a crash inside a provider.
import { type Logger, SyncoxideError } from '@syncoxide/core';
import { PROVIDER_TYPES } from './all.js';
import { RemoteConfig, type RemoteType } from './config.js';
import type { Provider } from './types.js';

/** What a provider may be given besides its config; everything optional. */
export interface ProviderDeps {
  logger?: Logger;
  /** Folder for local scratch files (rclone config copies, ...); defaults to the OS temp dir. */
  tempDir?: string;
}

export type ProviderFactory<T extends RemoteType = RemoteType> = (
  config: Extract<RemoteConfig, { type: T }>,
  deps: ProviderDeps,
) => Provider | Promise<Provider>;

const factories = new Map<string, ProviderFactory>(
  Object.entries(PROVIDER_TYPES) as [string, ProviderFactory][],
);

/** Adds or replaces the factory of a provider type. */
export function registerProviderType<T extends RemoteType>(type: T, factory: ProviderFactory<T>): void {
  factories.set(type, factory as unknown as ProviderFactory);
}

export function registeredProviderTypes(): string[] {
  return [...factories.keys()].sort();
}

/** Validates a remote config (as stored, e.g. decrypted from the credential store). */
export function parseRemoteConfig(input: unknown): RemoteConfig {
  const result = RemoteConfig.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new SyncoxideError('INVALID_INPUT', `invalid remote config: ${problems.join('; ')}`);
  }
  return result.data;
}

export async function createProvider(input: unknown, deps: ProviderDeps = {}): Promise<Provider> {
  const config = parseRemoteConfig(input);
  const factory = factories.get(config.type);
  if (!factory) {
    throw new SyncoxideError('UNSUPPORTED', `no provider registered for type "${config.type}"`);
  }
  return factory(config as never, deps);
}
