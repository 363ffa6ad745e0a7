// Where each engine listens and keeps its files, derived from the core config so that the
// launcher and every client agree. Port variables override the port of the matching URL.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { type Config, SyncoxideError } from '@syncoxide/core';

export const ENGINES = ['neo4j', 'kafka', 'opensearch', 'postgres', 'redis'] as const;
export type EngineName = (typeof ENGINES)[number];
/** The engines this package downloads and runs itself (PostgreSQL and Redis come from Debian). */
export const JVM_ENGINES = ['neo4j', 'kafka', 'opensearch'] as const;
export type JvmEngineName = (typeof JVM_ENGINES)[number];

export interface EngineSettings {
  home: string;
  neo4j: { port: number; url: string; user: string; password: string };
  kafka: { port: number; controllerPort: number; brokers: string[] };
  opensearch: { port: number; transportPort: number; url: string };
  postgres: { port: number; url: string; database: string };
  redis: { port: number; url: string };
}

/** Port variables and the default each takes from the config's URL. */
export const PORT_VARS = {
  SYNCOXIDE_NEO4J_BOLT_PORT: 'neo4j Bolt (default: the port of SYNCOXIDE_NEO4J_URL, 7687)',
  SYNCOXIDE_KAFKA_PORT: 'Kafka clients (default: the port of the first SYNCOXIDE_KAFKA_BROKERS, 9092)',
  SYNCOXIDE_KAFKA_CONTROLLER_PORT: 'Kafka KRaft controller (default 9093)',
  SYNCOXIDE_OPENSEARCH_PORT: 'OpenSearch HTTP (default: the port of SYNCOXIDE_OPENSEARCH_URL, 9200)',
  SYNCOXIDE_OPENSEARCH_TRANSPORT_PORT: 'OpenSearch transport (default 9300)',
} as const;

function portOf(url: string, fallback: number): number {
  const withScheme = url.includes('://') ? url : `tcp://${url}`;
  try {
    const port = new URL(withScheme).port;
    return port ? Number(port) : fallback;
  } catch {
    throw new SyncoxideError('INVALID_INPUT', `not a URL or host:port: ${url}`);
  }
}

function envPort(env: NodeJS.ProcessEnv, name: keyof typeof PORT_VARS, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new SyncoxideError('INVALID_INPUT', `${name} must be a port number, got ${raw}`);
  }
  return port;
}

function withPort(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.port = String(port);
  return parsed.toString().replace(/\/$/, '');
}

export function resolveSettings(config: Config, env: NodeJS.ProcessEnv = process.env): EngineSettings {
  const home = config.home.startsWith('~') ? join(homedir(), config.home.slice(1)) : config.home;
  const neo4jPort = envPort(env, 'SYNCOXIDE_NEO4J_BOLT_PORT', portOf(config.neo4j.url, 7687));
  const firstBroker = config.kafka.brokers[0] ?? '127.0.0.1:9092';
  const kafkaPort = envPort(env, 'SYNCOXIDE_KAFKA_PORT', portOf(firstBroker, 9092));
  const opensearchPort = envPort(env, 'SYNCOXIDE_OPENSEARCH_PORT', portOf(config.opensearch.url, 9200));
  const pgUrl = new URL(config.postgres.url);
  return {
    home,
    neo4j: {
      port: neo4jPort,
      url: withPort(config.neo4j.url, neo4jPort),
      user: config.neo4j.user,
      password: config.neo4j.password,
    },
    kafka: {
      port: kafkaPort,
      controllerPort: envPort(env, 'SYNCOXIDE_KAFKA_CONTROLLER_PORT', 9093),
      brokers: env.SYNCOXIDE_KAFKA_PORT ? [`127.0.0.1:${kafkaPort}`] : config.kafka.brokers,
    },
    opensearch: {
      port: opensearchPort,
      transportPort: envPort(env, 'SYNCOXIDE_OPENSEARCH_TRANSPORT_PORT', 9300),
      url: withPort(config.opensearch.url, opensearchPort),
    },
    postgres: {
      port: Number(pgUrl.port || 5432),
      url: config.postgres.url,
      database: decodeURIComponent(pgUrl.pathname.replace(/^\//, '')) || 'postgres',
    },
    redis: { port: portOf(config.redis.url, 6379), url: config.redis.url },
  };
}

/** Files of one engine under home: artifacts by version, data and log by name. */
export function enginePaths(home: string, engine: string, version: string) {
  return {
    engineDir: join(home, 'engines', `${engine}-${version}`),
    dataDir: join(home, 'data', engine),
    logFile: join(home, 'logs', `${engine}.log`),
    pidFile: join(home, 'run', `${engine}.pid`),
    lockFile: join(home, 'run', `${engine}.lock`),
  };
}
