// Public links: share links and file requests. Wiring for services.ts.

import type { GraphStore } from '@syncoxide/graph';
import type { Redis } from 'ioredis';
import type { RateLimiter } from '../accounts/rate-limiter.js';
import type { Sql } from '../db/sql.js';
import type { EventsService } from '../events/events.service.js';
import type { FileOpsService } from '../files/ops.service.js';
import type { ProviderPool } from '../remotes/providers.js';
import { migrateLinks } from './links.migrations.js';
import { RequestsRepository } from './requests.repository.js';
import { RequestsService } from './requests.service.js';
import type { LinkServices } from './routes.js';
import { LinkGrants } from './secrets.js';
import { ShareLinksRepository } from './share-links.repository.js';
import { ShareLinksService } from './share-links.service.js';
import { Tracker } from './tracker.js';

export type { LinkServices } from './routes.js';
export { createLinkRoutes } from './routes.js';

export async function buildLinkServices(d: {
  sql: Sql;
  redis: Redis;
  redisPrefix: string;
  limiter: RateLimiter;
  graph: GraphStore;
  providers: ProviderPool;
  ops: FileOpsService;
  events: EventsService;
  webOrigin: string;
}): Promise<LinkServices> {
  await migrateLinks(d.sql);
  const grants = new LinkGrants(d.redis, d.redisPrefix, d.limiter);
  return {
    shareLinks: new ShareLinksService(new ShareLinksRepository(d.sql), d.graph, grants),
    requests: new RequestsService(
      new RequestsRepository(d.sql),
      d.graph,
      d.providers,
      d.ops,
      d.events,
      grants,
    ),
    tracker: new Tracker(d.redis, d.redisPrefix),
    webOrigin: d.webOrigin,
  };
}
