// Abuse protection: oversized, deep, alias-heavy and token-heavy queries are refused with a
// clear 4xx before execution; responses carry security headers.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LIMITS } from '../src/server.js';
import { GRAPHQL_RESPONSE, startTestGateway } from './harness.js';

let gw: Awaited<ReturnType<typeof startTestGateway>>;
before(async () => {
  gw = await startTestGateway();
});
after(() => gw.close());

async function post(body: string) {
  const res = await fetch(`${gw.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: GRAPHQL_RESPONSE },
    body,
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

test('a body over the size limit is refused with 413', async () => {
  const res = await post(
    JSON.stringify({ query: `{ health { status } } # ${'x'.repeat(LIMITS.bodyBytes)}` }),
  );
  assert.equal(res.status, 413);
  assert.match(res.text, /request body over/);
});

test('too many aliases are refused, each alias counted', async () => {
  const aliases = Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `h${i}: health { status }`).join(' ');
  const res = await post(JSON.stringify({ query: `{ ${aliases} }` }));
  assert.equal(res.status, 400);
  assert.match(res.text, /aliases/i);
});

test('deep nesting is refused', async () => {
  const query = `query { ${'me { '.repeat(LIMITS.depth + 2)}id${' }'.repeat(LIMITS.depth + 2)} }`;
  const res = await post(JSON.stringify({ query }));
  assert.equal(res.status, 400);
  assert.match(res.text, /depth/i);
  assert.doesNotMatch(res.text, /at .*\.ts:\d+/);
});

test('a query with too many tokens is refused', async () => {
  const query = `{ health { ${'status '.repeat(LIMITS.tokens)} } }`;
  const res = await post(JSON.stringify({ query }));
  assert.equal(res.status, 400);
  assert.match(res.text, /token/i);
});

test('responses carry security headers', async () => {
  const res = await post(JSON.stringify({ query: '{ health { status } }' }));
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('x-frame-options'), 'DENY');
});

test('invalid JSON gets a 400 naming the problem, not a crash', async () => {
  const res = await post('{ "query": ');
  assert.equal(res.status, 400);
  assert.doesNotMatch(res.text, /at .*\.ts:\d+/);
});
