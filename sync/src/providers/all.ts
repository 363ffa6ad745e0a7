// The registration table: one line per provider type. Both provider teams edit this file;
// registry.ts reads it. Kept apart from registry.ts so there is no import cycle.
import type { RemoteType } from './config.js';
import { createLocalProvider } from './local/index.js';
import type { ProviderFactory } from './registry.js';

export const PROVIDER_TYPES: { [T in RemoteType]?: ProviderFactory<T> } = {
  local: (config) => createLocalProvider(config.root),
};
