// GET /healthz and the `health` query against the real engines (started by the test command).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { GRAPHQL_RESPONSE, startTestGateway } from './harness.js';

let gw: Awaited<ReturnType<typeof startTestGateway>>;
before(async () => {
  gw = await startTestGateway();
});
after(() => gw.close());

test('GET /healthz reports every engine with its version', async () => {
  const res = await fetch(`${gw.base}/healthz`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  const body = (await res.json()) as {
    status: string;
    engines: Record<string, { ok: boolean; version?: string }>;
  };
  assert.equal(body.status, 'ok');
  for (const name of ['neo4j', 'kafka', 'opensearch', 'postgres', 'redis']) {
    assert.equal(body.engines[name]?.ok, true, `${name} should be reachable`);
    assert.ok(body.engines[name]?.version, `${name} should report a version`);
  }
});

test('the health query answers over GraphQL', async () => {
  const res = await gw
    .client()
    .gql<{ health: { status: string; engines: { name: string }[] } }>(
      '{ health { status engines { name ok version } } }',
    );
  assert.equal(res.status, 200);
  assert.equal(res.data?.health.status, 'ok');
  assert.deepEqual(res.data?.health.engines.map((e) => e.name).sort(), [
    'kafka',
    'neo4j',
    'opensearch',
    'postgres',
    'redis',
  ]);
});

test('a malformed GraphQL request gets a clear 400 without internals', async () => {
  const res = await fetch(`${gw.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: GRAPHQL_RESPONSE },
    body: '{"query": "{ health { nope } }"}',
  });
  assert.equal(res.status, 400);
  const text = await res.text();
  assert.match(text, /nope/);
  assert.doesNotMatch(text, /at .*\.ts:\d+/);
});
