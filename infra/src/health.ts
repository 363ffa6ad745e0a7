// One fast probe per engine, for the gateway's /healthz and `status`.
import type { Config } from '@syncoxide/core';
import { probeKafka } from './engines/kafka.js';
import { probeNeo4j } from './engines/neo4j.js';
import { probeOpenSearch } from './engines/opensearch.js';
import { probePostgres } from './engines/postgres.js';
import { probeRedis } from './engines/redis.js';
import type { ProbeResult } from './engines/types.js';
import type { EngineName } from './settings.js';

export interface HealthReport {
  /** ok: every engine answers; down: none does; degraded: some do. */
  status: 'ok' | 'degraded' | 'down';
  engines: Record<EngineName, ProbeResult>;
}

/**
 * Probes all five engines at the URLs of the config, in parallel, each bounded by timeoutMs
 * (2 s by default), so the whole check takes about that long at worst. Never throws.
 */
export async function checkEngines(
  config: Config,
  options: { timeoutMs?: number } = {},
): Promise<HealthReport> {
  const timeoutMs = options.timeoutMs ?? 2000;
  const [neo4j, kafka, opensearch, postgres, redis] = await Promise.all([
    probeNeo4j(config.neo4j.url, timeoutMs, { user: config.neo4j.user, password: config.neo4j.password }),
    probeKafka(config.kafka.brokers, timeoutMs),
    probeOpenSearch(config.opensearch.url, timeoutMs),
    probePostgres(config.postgres.url, timeoutMs),
    probeRedis(config.redis.url, timeoutMs),
  ]);
  const engines = { neo4j, kafka, opensearch, postgres, redis };
  const up = Object.values(engines).filter((e) => e.ok).length;
  const status = up === 5 ? 'ok' : up === 0 ? 'down' : 'degraded';
  return { status, engines };
}
