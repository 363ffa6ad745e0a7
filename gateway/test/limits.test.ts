// Rate limits on every request, per user and per client IP, counted in Redis (shared by all
// gateway processes): a clear 429 with Retry-After, GraphQL and REST alike.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestGateway, type TestGateway } from './harness.js';

let gw: TestGateway;
before(async () => {
  gw = await startTestGateway({ limits: { perIpPerMinute: 40, perUserPerMinute: 6 } });
});
after(() => gw.close());

test('a user over their limit gets 429 RATE_LIMITED; another user is not affected', async () => {
  const a = await gw.user('a');
  const b = await gw.user('b');
  const statuses: number[] = [];
  for (let i = 0; i < 7; i++) statuses.push((await a.gql('{ me { id } }')).status);
  assert.deepEqual(statuses.slice(0, 6), [200, 200, 200, 200, 200, 200]);
  const limited = await a.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ me { id } }' }),
  });
  assert.equal(limited.status, 429);
  assert.ok(Number(limited.headers.get('retry-after')) > 0);
  assert.equal(((await limited.json()) as { error: { code: string } }).error.code, 'RATE_LIMITED');
  const rest = await a.fetch('/files/x/content');
  assert.equal(rest.status, 429, 'REST counts too');
  assert.equal((await b.gql('{ me { id } }')).status, 200);
});

test('one IP over its limit gets 429, signed in or not; health checks are never limited', async () => {
  let last = 0;
  for (let i = 0; i < 45 && last !== 429; i++) {
    last = (await fetch(`${gw.base}/graphql?query=${encodeURIComponent('{ scopes }')}`)).status;
  }
  assert.equal(last, 429);
  assert.equal((await fetch(`${gw.base}/healthz`)).status, 200);
});
