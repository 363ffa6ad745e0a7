// Starts a real gateway on a free port against the real engines, in its own PostgreSQL schema
// and Redis key prefix, and gives a small GraphQL client that keeps cookies like a browser.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger, loadConfig, uniqueName } from '@syncoxide/core';
import { checkEngines } from '@syncoxide/infra';
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
  constructor(private readonly base: string) {}

  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GqlResult<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: GRAPHQL_RESPONSE };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const res = await fetch(`${this.base}/graphql`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const body = (await res.json()) as Omit<GqlResult<T>, 'status' | 'headers'>;
    return { status: res.status, headers: res.headers, ...body };
  }
}

export async function startTestGateway() {
  const pgSchema = uniqueName('gw').replace(/-/g, '_');
  const config = loadConfig({}, { 'gateway.port': 0 });
  const conn = connect(config);
  const services = await buildServices(config, conn, { pgSchema, redisPrefix: `${pgSchema}:` });
  const logger = createLogger('gateway-test', { level: 'silent' });
  const server: Server = await startGateway({
    config,
    logger,
    services,
    checkHealth: () => checkEngines(config, { timeoutMs: 5000 }),
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    config,
    conn,
    client: () => new Client(base),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await conn.pool.query(`DROP SCHEMA IF EXISTS "${pgSchema}" CASCADE`);
      const keys = await conn.redis.keys(`${pgSchema}:*`);
      if (keys.length) await conn.redis.del(...keys);
      await conn.close();
    },
  };
}
