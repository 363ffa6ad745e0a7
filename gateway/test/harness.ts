// Starts a real gateway on a free port against the real engines, in its own PostgreSQL schema,
// Redis key prefix and search index prefix, and gives a small GraphQL client that keeps cookies
// like a browser. `pipeline: true` also runs the outbox relay (per followed user) and the
// indexer consumer on unique topics, so tests see the whole path from a scan to search.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger, loadConfig, uniqueName } from '@syncoxide/core';
import { OutboxRelay } from '@syncoxide/graph';
import { createKafka, dropFilesIndexes, GraphDiffIndexer } from '@syncoxide/indexer';
import { checkEngines } from '@syncoxide/infra';
import type { RequestLimits } from '../src/context.js';
import { startGateway } from '../src/server.js';
import { buildServices, connect } from '../src/services.js';

/** GraphQL over HTTP's own media type: request errors get 4xx statuses instead of 200. */
export const GRAPHQL_RESPONSE = 'application/graphql-response+json';

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export class Client {
  cookie = '';
  token = '';
  userId = '';
  constructor(readonly base: string) {}

  headers(extra: Record<string, string> = {}): Record<string, string> {
    const h: Record<string, string> = { ...extra };
    if (this.cookie) h.cookie = this.cookie;
    if (this.token) h.authorization = `Bearer ${this.token}`;
    return h;
  }

  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GqlResult<T>> {
    const res = await fetch(`${this.base}/graphql`, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/json', accept: GRAPHQL_RESPONSE }),
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const body = (await res.json()) as Omit<GqlResult<T>, 'status' | 'headers'>;
    return { status: res.status, headers: res.headers, ...body };
  }

  /** Like gql, but fails the test on any error. */
  async ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const r = await this.gql<T>(query, variables);
    if (r.errors?.length || !r.data) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
    return r.data;
  }

  fetch(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.base}${path}`, {
      ...init,
      headers: this.headers((init.headers ?? {}) as Record<string, string>),
    });
  }
}

export interface TestGatewayOptions {
  pipeline?: boolean;
  /** The live sync (watchers + graph-diff consumer; implies `pipeline`). */
  liveSync?: boolean;
  limits?: RequestLimits;
  /** Share names with another instance (two gateway processes side by side). */
  names?: { pgSchema: string; indexPrefix: string };
}

export async function startTestGateway(options: TestGatewayOptions = {}) {
  const pgSchema = options.names?.pgSchema ?? uniqueName('gw').replace(/-/g, '_');
  const indexPrefix = options.names?.indexPrefix ?? pgSchema.replace(/_/g, '-');
  const topicPrefix = `${indexPrefix}.`;
  const config = loadConfig({}, { 'gateway.port': 0 });
  const conn = connect(config);
  const localRoot = await mkdtemp(join(tmpdir(), 'sox-gw-'));
  const logger = createLogger('gateway-test', {
    level: (process.env.SYNCOXIDE_TEST_LOG as 'silent') ?? 'silent',
  });
  const services = await buildServices(config, conn, {
    pgSchema,
    redisPrefix: `${pgSchema}:`,
    indexPrefix,
    localRoots: [localRoot],
    logger,
    ...(options.liveSync
      ? {
          liveSync: {
            topicPrefix,
            groupId: `${topicPrefix}live`,
            refreshMs: 1000,
            debounceMs: 300,
            partitions: 1,
          },
        }
      : {}),
  });
  const server: Server = await startGateway({
    config,
    logger,
    services,
    checkHealth: () => checkEngines(config, { timeoutMs: 5000 }),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const kafka = createKafka({ brokers: config.kafka.brokers, clientId: 'gateway-test', logger });
  const relays: OutboxRelay[] = [];
  const owners: string[] = [];
  let indexer: GraphDiffIndexer | null = null;
  if (options.pipeline || options.liveSync) {
    indexer = new GraphDiffIndexer({
      kafka,
      client: conn.search,
      topicPrefix,
      indexPrefix,
      logger,
      numPartitions: 1,
    });
    await indexer.start();
  }
  return {
    base,
    config,
    conn,
    services,
    localRoot,
    names: { pgSchema, indexPrefix },
    client: () => new Client(base),
    /** Signs a new user up on a fresh client; with the pipeline, relays their graph changes. */
    async user(label = 'user'): Promise<Client> {
      const c = new Client(base);
      const email = `${label}-${Math.random().toString(36).slice(2)}@example.test`;
      const r = await c.ok<{ signUp: { user: { id: string } } }>(
        'mutation($e: String!, $n: String!, $p: String!) { signUp(email: $e, name: $n, password: $p) { user { id } } }',
        { e: email, n: label, p: 'a long enough password' },
      );
      c.userId = r.signUp.user.id;
      owners.push(c.userId);
      if (options.pipeline || options.liveSync) {
        const relay = new OutboxRelay({
          driver: conn.neo4j,
          database: config.neo4j.database,
          kafka,
          topicPrefix,
          logger,
          partitions: 1,
          pollIntervalMs: 100,
          ownerIds: [c.userId],
        });
        relay.start();
        relays.push(relay);
      }
      return c;
    },
    async close() {
      await Promise.all(relays.map((r) => r.stop()));
      await indexer?.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await services.close();
      if (!options.names) {
        await conn.pool.query(`DROP SCHEMA IF EXISTS "${pgSchema}" CASCADE`);
        const keys = await conn.redis.keys(`${pgSchema}:*`);
        if (keys.length) await conn.redis.del(...keys);
        if (options.pipeline) await dropFilesIndexes(conn.search, indexPrefix).catch(() => {});
      }
      await cleanupGraph(conn.neo4j, config.neo4j.database, owners);
      await rm(localRoot, { recursive: true, force: true });
      await conn.close();
    },
  };
}

export type TestGateway = Awaited<ReturnType<typeof startTestGateway>>;

async function cleanupGraph(driver: import('neo4j-driver').Driver, database: string, ownerIds: string[]) {
  if (ownerIds.length === 0) return;
  const session = driver.session({ database });
  try {
    for (const label of ['Node', 'Version', 'Share', 'LogicalFile', 'Remote', 'Device', 'Outbox', 'User']) {
      await session.run(
        `MATCH (x:${label}) WHERE x.ownerId IN $ownerIds OR (x:User AND x.id IN $ownerIds)
         CALL (x) { DETACH DELETE x } IN TRANSACTIONS OF 5000 ROWS`,
        { ownerIds },
      );
    }
  } finally {
    await session.close();
  }
}

/** Polls until `check` returns a value that is not undefined/false, or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting${last ? `: ${String(last)}` : ''}`);
    await sleep(200);
  }
}

/** Opens a GraphQL subscription over SSE and collects its `next` payloads until closed. */
export function subscribe(c: Client, query: string) {
  const controller = new AbortController();
  const events: Record<string, unknown>[] = [];
  let ready!: () => void;
  const opened = new Promise<void>((r) => {
    ready = r;
  });
  const done = (async () => {
    const res = await fetch(`${c.base}/graphql`, {
      method: 'POST',
      headers: c.headers({ 'content-type': 'application/json', accept: 'text/event-stream' }),
      body: JSON.stringify({ query }),
      signal: controller.signal,
    });
    assert.equal(res.status, 200);
    ready();
    const reader = res.body!.getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += Buffer.from(value!).toString('utf8');
      let cut = buffer.indexOf('\n\n');
      while (cut >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = block.split('\n').find((l) => l.startsWith('data:'));
        if (block.includes('event: next') && data) events.push(JSON.parse(data.slice(5)));
        cut = buffer.indexOf('\n\n');
      }
    }
  })();
  return {
    events,
    opened,
    async waitFor(n: number, ms = 15_000) {
      const deadline = Date.now() + ms;
      while (events.length < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      return events;
    },
    async close() {
      controller.abort();
      await done.catch(() => {});
    },
  };
}
