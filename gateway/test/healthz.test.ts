// GET /healthz and the `health` query against the real engines (started by the test command).
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { Server } from 'node:http';
import { createLogger, loadConfig } from '@syncoxide/core';
import { checkEngines } from '@syncoxide/infra';
import { startGateway } from '../src/server.js';

let server: Server;
let base: string;

before(async () => {
  const config = loadConfig({}, { 'gateway.port': 0 });
  const logger = createLogger('gateway-test', { level: 'silent' });
  server = await startGateway({ config, logger, checkHealth: () => checkEngines(config) });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('GET /healthz reports every engine with its version', async () => {
  const res = await fetch(`${base}/healthz`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  const body = (await res.json()) as { status: string; engines: Record<string, { ok: boolean; version?: string }> };
  assert.equal(body.status, 'ok');
  for (const name of ['neo4j', 'kafka', 'opensearch', 'postgres', 'redis']) {
    assert.equal(body.engines[name]?.ok, true, `${name} should be reachable`);
    assert.ok(body.engines[name]?.version, `${name} should report a version`);
  }
});

test('the health query answers over GraphQL', async () => {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ health { status engines { name ok version } } }' }),
  });
  assert.equal(res.status, 200);
  const body = (await res.json()) as { data: { health: { status: string; engines: { name: string }[] } } };
  assert.equal(body.data.health.status, 'ok');
  assert.deepEqual(body.data.health.engines.map((e) => e.name).sort(), ['kafka', 'neo4j', 'opensearch', 'postgres', 'redis']);
});

test('a malformed GraphQL request gets a clear 400 without internals', async () => {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"query": "{ health { nope } }"}',
  });
  assert.equal(res.status, 400);
  const text = await res.text();
  assert.match(text, /nope/);
  assert.doesNotMatch(text, /at .*\.ts:\d+/);
});
