// The parts of @syncoxide/sync the remotes service builds on: the provider registry and the
// encrypted credential store. One import point, so a change of their home touches one file.
export {
  createProvider,
  KeyRing,
  loadSecretKey,
  migrateCredentials,
  parseRemoteConfig,
  RemoteCredentialStore,
  redactRemoteConfig,
} from '@syncoxide/sync';
