// Builds the gateway's services from live engine connections. One place that knows the wiring,
// so main.ts and the tests assemble the same thing (tests with their own schema/prefix).

import type { Config } from '@syncoxide/core';
import { Redis } from 'ioredis';
import pg from 'pg';
import { migrateAccounts } from './accounts/accounts.migrations.js';
import { AccountsRepository } from './accounts/accounts.repository.js';
import { AccountsService } from './accounts/accounts.service.js';
import { RateLimiter } from './accounts/rate-limiter.js';
import { SessionsRepository } from './accounts/sessions.repository.js';
import type { GatewayServices } from './context.js';
import { sqlFor } from './db/sql.js';

export interface Connections {
  pool: pg.Pool;
  redis: Redis;
  close(): Promise<void>;
}

export function connect(config: Config): Connections {
  const pool = new pg.Pool({ connectionString: config.postgres.url, max: 10 });
  const redis = new Redis(config.redis.url, { lazyConnect: false, maxRetriesPerRequest: 2 });
  return {
    pool,
    redis,
    close: async () => {
      await pool.end();
      redis.disconnect();
    },
  };
}

export async function buildServices(
  config: Config,
  conn: Connections,
  options: { pgSchema?: string; redisPrefix?: string } = {},
): Promise<GatewayServices> {
  const sql = sqlFor(conn.pool, options.pgSchema ?? 'syncoxide');
  await migrateAccounts(sql);
  const prefix = options.redisPrefix ?? config.redis.keyPrefix;
  const limiter = new RateLimiter(conn.redis, prefix);
  const accounts = new AccountsService(
    new AccountsRepository(sql),
    new SessionsRepository(conn.redis, prefix),
    limiter,
  );
  return { accounts, limiter };
}
