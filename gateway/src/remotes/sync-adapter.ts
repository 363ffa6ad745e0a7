// Adapter over parts of @syncoxide/sync that its index.ts does not export yet: the provider
// registry (createProvider) and the encrypted credential store. Reported to the sync owner;
// when they are exported, this file becomes a plain re-export from '@syncoxide/sync'.
export {
  KeyRing,
  loadSecretKey,
  migrateCredentials,
  RemoteCredentialStore,
  redactRemoteConfig,
} from '../../../sync/src/providers/credentials.js';
export { createProvider, parseRemoteConfig } from '../../../sync/src/providers/registry.js';
