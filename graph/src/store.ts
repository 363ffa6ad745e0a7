// The graph store: one object wiring the services over a driver. Create it once per process;
// pass `onEvents` (e.g. relay.notify) to wake a relay as soon as a commit wrote events.
import { type Config, createLogger, type Logger } from '@syncoxide/core';
import neo4j, { type Driver } from 'neo4j-driver';
import { accountsService } from './accounts/accounts.service.js';
import { actionsService } from './actions/actions.service.js';
import { trashService } from './actions/trash.service.js';
import type { GraphContext } from './context.js';
import { readTx } from './db.js';
import { changesService } from './ingest/changes.service.js';
import { ingestService } from './ingest/ingest.service.js';
import { countEntries } from './outbox/outbox.repository.js';
import { migrate } from './schema/migrate.js';
import { type NodeStateRecord, viewsService } from './views/views.service.js';

export interface GraphStoreOptions {
  driver: Driver;
  /** Neo4j database name (default 'neo4j'). */
  database?: string;
  logger?: Logger;
  /** Called after each commit that wrote outbox events, with their count. */
  onEvents?: (count: number) => void;
  /**
   * Outbox lane for this store's events (default '', the main lane). A relay publishes one
   * lane: tests and benchmarks use their own, so a running worker's relay leaves them alone.
   */
  outboxLane?: string;
  /** Milliseconds since the epoch (tests may pin it). */
  clock?: () => number;
}

export function createGraphStore(options: GraphStoreOptions) {
  const ctx: GraphContext = {
    db: { driver: options.driver, database: options.database ?? 'neo4j' },
    logger: options.logger ?? createLogger('graph'),
    clock: options.clock ?? Date.now,
    onEvents: options.onEvents ?? (() => {}),
    lane: options.outboxLane ?? '',
  };
  const accounts = accountsService(ctx);
  const actions = actionsService(ctx);
  const trash = trashService(ctx);
  const views = viewsService(ctx);
  return {
    migrate: () => migrate(ctx.db.driver, { database: ctx.db.database, logger: ctx.logger }),
    ...accounts,
    ...ingestService(ctx),
    ...changesService(ctx),
    star: (ownerId: string, nodeId: string) => actions.setStarred(ownerId, nodeId, true),
    unstar: (ownerId: string, nodeId: string) => actions.setStarred(ownerId, nodeId, false),
    createFolder: actions.createFolder,
    linkFiles: actions.linkFiles,
    createShare: actions.createShare,
    deleteShare: actions.deleteShare,
    linkCopies: actions.linkCopies,
    setExtra: actions.setExtra,
    trash: trash.trash.bind(trash),
    restore: trash.restore.bind(trash),
    purge: trash.purge.bind(trash),
    emptyTrash: trash.emptyTrash.bind(trash),
    ...views,
    /** Outbox entries not yet published (one owner's, or all). */
    outboxSize: (ownerId?: string) => readTx(ctx.db, (tx) => countEntries(tx, ownerId)),
  };
}

export type GraphStore = ReturnType<typeof createGraphStore>;

/** A driver for the configured Neo4j (auth only when a password is set). */
export function createGraphDriver(config: Config): Driver {
  const auth = config.neo4j.password ? neo4j.auth.basic(config.neo4j.user, config.neo4j.password) : undefined;
  return neo4j.driver(config.neo4j.url, auth, { maxConnectionPoolSize: 50, disableLosslessIntegers: false });
}

/**
 * Every current node as `{ nodeId, revision, state }`, in batches (the indexer's reindex).
 * A standalone function so consumers need no store.
 */
export function iterateNodeStates(
  db: { driver: Driver; database?: string },
  options: { ownerId?: string | null; batchSize?: number } = {},
): AsyncGenerator<NodeStateRecord> {
  const store = createGraphStore({ driver: db.driver, database: db.database ?? 'neo4j' });
  return store.iterateNodeStates(options.ownerId ?? null, options.batchSize ?? 1000);
}
