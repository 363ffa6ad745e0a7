// @syncoxide/graph: the file metadata graph in Neo4j, the ingest of provider listings and
// change feeds, user actions, views, and the transactional outbox with its Kafka relay.

export type { UpsertDeviceInput, UpsertRemoteInput, UpsertUserInput } from './accounts/accounts.service.js';
export type { CreateFolderInput, CreateShareInput } from './actions/actions.service.js';
export type { ApplyChangesInput, ProviderChange } from './ingest/changes.service.js';
export type { ProviderEntry } from './ingest/entry.js';
export type { IngestListingInput, IngestStats } from './ingest/ingest.service.js';
export type {
  Cause,
  DeviceRecord,
  LinkRecord,
  NodeKind,
  ProviderVersion,
  RemoteCapabilities,
  RemoteRecord,
  ShareRecord,
  ShareType,
  StoredNode,
  UserRecord,
} from './model.js';
export type { OutboxEntry } from './outbox/outbox.repository.js';
export { OutboxRelay, type OutboxRelayOptions, type RelayHooks } from './outbox/relay.js';
export { type MigrateOptions, migrate } from './schema/migrate.js';
export { MIGRATIONS, type Migration } from './schema/migrations.js';
export {
  createGraphDriver,
  createGraphStore,
  type GraphStore,
  type GraphStoreOptions,
  iterateNodeStates,
} from './store.js';
export type { Page, PageRequest, Sort, SortDirection, SortField } from './views/cursor.js';
export type { Computer } from './views/states.repository.js';
export type { FileDetails, NodeStateRecord } from './views/views.service.js';
