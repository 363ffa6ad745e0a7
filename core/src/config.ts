// Configuration: defaults that point at the local engines, overridden by an optional
// JSON config file (SYNCOXIDE_CONFIG), overridden by environment variables. Validated with zod.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { SyncoxideError } from './errors.js';

// 0 asks the OS for a free port (tests).
const port = z.coerce.number().int().min(0).max(65535);

export const ConfigSchema = z.object({
  env: z.enum(['development', 'test', 'production']).default('development'),
  /** Root of everything syncoxide keeps on this machine: engine artifacts, engine data, caches. */
  home: z.string().min(1).default(join(homedir(), '.syncoxide')),
  logLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
  neo4j: z
    .object({
      url: z.string().default('bolt://127.0.0.1:7687'),
      user: z.string().default('neo4j'),
      /** Empty: the local engine runs without auth on loopback. */
      password: z.string().default(''),
      database: z.string().default('neo4j'),
    })
    .default({}),
  kafka: z
    .object({
      brokers: z
        .union([z.string(), z.array(z.string())])
        .transform((v) => (Array.isArray(v) ? v : v.split(',').map((s) => s.trim())))
        .default('127.0.0.1:9092'),
      clientId: z.string().default('syncoxide'),
      /** Prefix of every topic name, so several installations (or tests) can share a broker. */
      topicPrefix: z.string().default('syncoxide.'),
    })
    .default({}),
  opensearch: z
    .object({
      url: z.string().url().default('http://127.0.0.1:9200'),
      /** Prefix of every index and alias name. */
      indexPrefix: z.string().default('syncoxide'),
    })
    .default({}),
  postgres: z
    .object({
      url: z.string().default('postgres://postgres@127.0.0.1:5432/syncoxide'),
    })
    .default({}),
  redis: z
    .object({
      url: z.string().default('redis://127.0.0.1:6379'),
      keyPrefix: z.string().default('syncoxide:'),
    })
    .default({}),
  gateway: z
    .object({
      host: z.string().default('127.0.0.1'),
      port: port.default(4000),
      publicUrl: z.string().default('http://localhost:4000'),
    })
    .default({}),
  web: z
    .object({
      port: port.default(3000),
      publicUrl: z.string().default('http://localhost:3000'),
    })
    .default({}),
  /**
   * Key (base64, 32 bytes) that encrypts provider credentials at rest. Empty: a key is
   * generated once into <home>/secret.key (fine for one machine, not for a cluster).
   */
  secretKey: z.string().default(''),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Environment variables and the config path they set. */
export const ENV_VARS: Record<string, string> = {
  SYNCOXIDE_ENV: 'env',
  SYNCOXIDE_HOME: 'home',
  SYNCOXIDE_LOG_LEVEL: 'logLevel',
  SYNCOXIDE_NEO4J_URL: 'neo4j.url',
  SYNCOXIDE_NEO4J_USER: 'neo4j.user',
  SYNCOXIDE_NEO4J_PASSWORD: 'neo4j.password',
  SYNCOXIDE_NEO4J_DATABASE: 'neo4j.database',
  SYNCOXIDE_KAFKA_BROKERS: 'kafka.brokers',
  SYNCOXIDE_KAFKA_CLIENT_ID: 'kafka.clientId',
  SYNCOXIDE_KAFKA_TOPIC_PREFIX: 'kafka.topicPrefix',
  SYNCOXIDE_OPENSEARCH_URL: 'opensearch.url',
  SYNCOXIDE_OPENSEARCH_INDEX_PREFIX: 'opensearch.indexPrefix',
  SYNCOXIDE_POSTGRES_URL: 'postgres.url',
  SYNCOXIDE_REDIS_URL: 'redis.url',
  SYNCOXIDE_REDIS_KEY_PREFIX: 'redis.keyPrefix',
  SYNCOXIDE_GATEWAY_HOST: 'gateway.host',
  SYNCOXIDE_GATEWAY_PORT: 'gateway.port',
  SYNCOXIDE_GATEWAY_PUBLIC_URL: 'gateway.publicUrl',
  SYNCOXIDE_WEB_PORT: 'web.port',
  SYNCOXIDE_WEB_PUBLIC_URL: 'web.publicUrl',
  SYNCOXIDE_SECRET_KEY: 'secretKey',
};

type Json = Record<string, unknown>;

function setPath(target: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
    node = node[key] as Json;
  }
  node[keys[keys.length - 1]!] = value;
}

function readConfigFile(path: string): Json {
  if (!existsSync(path)) {
    throw new SyncoxideError('INVALID_INPUT', 'config file does not exist', { path });
  }
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error('top level must be a JSON object');
    }
    return parsed as Json;
  } catch (cause) {
    throw new SyncoxideError('INVALID_INPUT', `config file is not valid JSON (${(cause as Error).message})`, {
      path,
      cause,
    });
  }
}

/**
 * Builds the configuration. Precedence: environment > config file > defaults.
 * Throws INVALID_INPUT naming every bad setting at once.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Json = {}): Config {
  const raw: Json = env.SYNCOXIDE_CONFIG ? readConfigFile(env.SYNCOXIDE_CONFIG) : {};
  for (const [name, path] of Object.entries(ENV_VARS)) {
    const value = env[name];
    if (value !== undefined && value !== '') setPath(raw, path, value);
  }
  for (const [path, value] of Object.entries(overrides)) setPath(raw, path, value);
  const result = ConfigSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new SyncoxideError('INVALID_INPUT', `invalid configuration: ${problems.join('; ')}`);
  }
  return result.data;
}
