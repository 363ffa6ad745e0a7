// Wires the analytics and cleanup services (one place, called by services.ts).
import { TransfersRepository } from '@syncoxide/analytics';
import type { Config } from '@syncoxide/core';
import type { GraphStore } from '@syncoxide/graph';
import { createKafka } from '@syncoxide/indexer';
import type { Sql } from '../db/sql.js';
import type { FileOpsService } from '../files/ops.service.js';
import type { PhotosService } from '../photos/photos.service.js';
import type { ProviderPool } from '../remotes/providers.js';
import type { RemotesService } from '../remotes/remotes.service.js';
import type { RulesService } from '../rules/rules.service.js';
import type { Connections } from '../services.js';
import { AnalyticsService } from './analytics.service.js';
import { CleanupService } from './cleanup.service.js';
import { indexerLagReader } from './indexer-lag.js';
import { migrateReports, ReportsRepository } from './reports.repository.js';

export interface AnalyticsBuildDeps {
  config: Config;
  conn: Connections;
  sql: Sql;
  pgSchema: string;
  indexPrefix: string;
  graph: GraphStore;
  ops: FileOpsService;
  providers: ProviderPool;
  remotes: RemotesService;
  rules: RulesService;
  /** Near-duplicate photo groups for the similar-photos report. */
  photos: Pick<PhotosService, 'duplicates'>;
}

export async function buildAnalytics(d: AnalyticsBuildDeps) {
  await migrateReports(d.sql);
  const kafka = createKafka({
    brokers: d.config.kafka.brokers,
    clientId: `${d.config.kafka.clientId}-analytics`,
  });
  const analytics = new AnalyticsService({
    search: d.conn.search,
    indexPrefix: d.indexPrefix,
    transfers: new TransfersRepository(d.conn.pool, d.pgSchema),
    remotes: d.remotes,
    rules: d.rules,
    indexerLag: indexerLagReader(kafka, d.config.kafka.topicPrefix),
  });
  const cleanup = new CleanupService({
    search: d.conn.search,
    indexPrefix: d.indexPrefix,
    repo: new ReportsRepository(d.sql),
    graph: d.graph,
    ops: d.ops,
    providers: d.providers,
    remotes: d.remotes,
    photos: d.photos,
  });
  return { analytics, cleanup };
}
