// Builds the gateway's services from live engine connections. One place that knows the wiring,
// so main.ts and the tests assemble the same thing (tests with their own schema/prefix).

import { join } from 'node:path';
import type { Client } from '@opensearch-project/opensearch';
import type { Config, Logger } from '@syncoxide/core';
import { createGraphDriver, createGraphStore, type GraphStore } from '@syncoxide/graph';
import { kafkaFromConfig, searchClientFromConfig } from '@syncoxide/indexer';
import { FolderStore, PhotoLibrary, photosCacheDir, type RenditionStore } from '@syncoxide/photos';
import { createJournal, migrateJournal } from '@syncoxide/sync';
import { Redis } from 'ioredis';
import type { Driver } from 'neo4j-driver';
import pg from 'pg';
import { migrateAccounts } from './accounts/accounts.migrations.js';
import { AccountsRepository } from './accounts/accounts.repository.js';
import { AccountsService } from './accounts/accounts.service.js';
import { RateLimiter } from './accounts/rate-limiter.js';
import { SessionsRepository } from './accounts/sessions.repository.js';
import { buildAnalytics } from './analytics/build.js';
import type { GatewayServices } from './context.js';
import { sqlFor } from './db/sql.js';
import { EventsService } from './events/events.service.js';
import { FileOpsJournal } from './files/ops.journal.js';
import { FileOpsService } from './files/ops.service.js';
import { ViewsService } from './files/views.service.js';
import { buildLinkServices } from './links/index.js';
import { LiveSync } from './live/live-sync.js';
import { RuleRunner } from './live/rule-runner.js';
import { buildNotifications, type SmtpOptions, smtpFromEnv } from './notifications/index.js';
import { PhotosService } from './photos/photos.service.js';
import { ProviderPool } from './remotes/providers.js';
import { RemotesService } from './remotes/remotes.service.js';
import { KeyRing, loadSecretKey, migrateCredentials, RemoteCredentialStore } from './remotes/sync-adapter.js';
import { UploadsService } from './rest/uploads.service.js';
import { migrateRules, RulesRepository } from './rules/rules.repository.js';
import { RulesService } from './rules/rules.service.js';
import { SearchService } from './search/search.service.js';
import { buildSharing } from './sharing/index.js';

export interface Connections {
  pool: pg.Pool;
  redis: Redis;
  /** Subscriptions need a connection of their own (a subscribed Redis client can do nothing else). */
  subscriber: Redis;
  neo4j: Driver;
  search: Client;
  close(): Promise<void>;
}

export function connect(config: Config): Connections {
  const pool = new pg.Pool({ connectionString: config.postgres.url, max: 10 });
  const redis = new Redis(config.redis.url, { lazyConnect: false, maxRetriesPerRequest: 2 });
  const subscriber = new Redis(config.redis.url, { lazyConnect: false });
  const neo4j = createGraphDriver(config);
  const search = searchClientFromConfig(config);
  return {
    pool,
    redis,
    subscriber,
    neo4j,
    search,
    close: async () => {
      await pool.end();
      redis.disconnect();
      subscriber.disconnect();
      await neo4j.close();
      await search.close();
    },
  };
}

export interface BuildOptions {
  pgSchema?: string;
  redisPrefix?: string;
  indexPrefix?: string;
  /** Folders users may connect as local remotes (default: `<home>/local`). */
  localRoots?: string[];
  /** Where photo renditions are (default: the folder the photos worker writes, `<home>/cache/photos`). */
  photosStore?: RenditionStore;
  logger?: Logger;
  /** SMTP for email notifications (default: SYNCOXIDE_SMTP_URL / SYNCOXIDE_SMTP_FROM; null: no email). */
  smtp?: SmtpOptions | null;
  /** Periodic reconcile of shares kept in sync, in seconds (default 300; 0: none). */
  shareReconcileSeconds?: number;
  /**
   * Real-time and scheduled rules, and shares following edits made straight on providers:
   * watchers + the graph-diff consumer (needs Kafka). Off unless given (the gateway process
   * turns it on; tests that want it pass their topic prefix and a consumer group of their own).
   */
  liveSync?: {
    topicPrefix?: string;
    groupId?: string;
    refreshMs?: number;
    debounceMs?: number;
    partitions?: number;
    /** Wait until it runs (tests); otherwise it starts in the background, retried while Kafka is away. */
    wait?: boolean;
  };
}

export async function buildServices(
  config: Config,
  conn: Connections,
  options: BuildOptions = {},
): Promise<GatewayServices & { graph: GraphStore; liveSync: LiveSync | null; close(): Promise<void> }> {
  const pgSchema = options.pgSchema ?? 'syncoxide';
  const sql = sqlFor(conn.pool, pgSchema);
  await migrateAccounts(sql);
  await migrateRules(sql);
  await migrateCredentials(conn.pool, pgSchema);
  await migrateJournal(conn.pool, pgSchema);
  const prefix = options.redisPrefix ?? config.redis.keyPrefix;
  const limiter = new RateLimiter(conn.redis, prefix);
  const accounts = new AccountsService(
    new AccountsRepository(sql),
    new SessionsRepository(conn.redis, prefix),
    limiter,
  );
  const graph = createGraphStore({
    driver: conn.neo4j,
    database: config.neo4j.database,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  await graph.migrate();
  const keys = new KeyRing(await loadSecretKey(config));
  const credentials = new RemoteCredentialStore(conn.pool, keys, { schema: pgSchema });
  const providers = new ProviderPool(credentials);
  const events = new EventsService(conn.redis, conn.subscriber, prefix);
  const remotes = new RemotesService({
    graph,
    credentials,
    providers,
    events,
    localRoots: options.localRoots ?? [join(config.home, 'local')],
  });
  const fileOps = new FileOpsJournal(conn.pool, pgSchema);
  await fileOps.migrate();
  const ops = new FileOpsService(graph, providers, remotes, events, fileOps);
  const journal = createJournal(conn.pool, pgSchema);
  const uploads = new UploadsService(sql, graph, providers, ops, events);
  await uploads.migrate();
  const links = await buildLinkServices({
    sql,
    redis: conn.redis,
    redisPrefix: prefix,
    limiter,
    graph,
    providers,
    ops,
    events,
    webOrigin: config.web.publicUrl,
  });
  const runner = new RuleRunner({
    journal,
    providers,
    graph,
    events,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const rulesRepo = new RulesRepository(sql);
  const rules = new RulesService(rulesRepo, journal, runner, remotes);
  const accountsRepo = new AccountsRepository(sql);
  const notices = await buildNotifications({
    sql,
    accounts: accountsRepo,
    events,
    smtp: options.smtp === undefined ? smtpFromEnv() : options.smtp,
    webOrigin: config.web.publicUrl,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const sharing = await buildSharing({
    sql,
    accounts: accountsRepo,
    graph,
    remotes,
    providers,
    events,
    notifications: notices.notifications,
    journal,
    webOrigin: config.web.publicUrl,
    sealingKey: keys.current.key,
    ...(options.shareReconcileSeconds !== undefined
      ? { reconcileSeconds: options.shareReconcileSeconds }
      : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  let live: LiveSync | null = null;
  if (options.liveSync) {
    const topicPrefix = options.liveSync.topicPrefix ?? config.kafka.topicPrefix;
    live = new LiveSync({
      kafka: kafkaFromConfig(config, options.logger),
      topicPrefix,
      groupId: options.liveSync.groupId ?? `${topicPrefix}live-sync`,
      runner,
      rules: rulesRepo,
      graph,
      providers,
      shares: sharing.sync,
      ...(options.liveSync.refreshMs ? { refreshMs: options.liveSync.refreshMs } : {}),
      ...(options.liveSync.debounceMs ? { debounceMs: options.liveSync.debounceMs } : {}),
      ...(options.liveSync.partitions ? { partitions: options.liveSync.partitions } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
    const started = live;
    rules.onChanged = () => void started.refresh().catch(() => {});
    const begin = (): Promise<void> =>
      started.start().catch((err) => {
        options.logger?.warn({ err }, 'live sync not running yet (Kafka?); retrying in 30 s');
        setTimeout(() => void begin(), 30_000).unref();
      });
    if (options.liveSync.wait) await started.start();
    else void begin();
  }
  const views = new ViewsService(graph);
  const photos = new PhotosService(
    new PhotoLibrary({ driver: conn.neo4j, database: config.neo4j.database }),
    options.photosStore ?? new FolderStore(photosCacheDir(config)),
    graph,
    views,
    providers,
    events,
    ops,
  );
  return {
    accounts,
    limiter,
    graph,
    views,
    ops,
    remotes,
    search: new SearchService(conn.search, options.indexPrefix ?? config.opensearch.indexPrefix),
    rules,
    events,
    uploads,
    providers,
    links,
    photos,
    notifications: notices.notifications,
    shares: sharing.shares,
    ...(await buildAnalytics({
      config,
      conn,
      sql,
      pgSchema,
      indexPrefix: options.indexPrefix ?? config.opensearch.indexPrefix,
      graph,
      ops,
      providers,
      remotes,
      rules,
      photos,
    })),
    liveSync: live,
    close: async () => {
      await live?.close();
      runner.close();
      await sharing.close();
      notices.close();
      await providers.closeAll();
    },
  };
}
