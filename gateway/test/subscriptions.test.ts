// Subscriptions over SSE, fanned out through Redis: two gateway processes side by side (same
// database schema and Redis prefix); an event caused on one reaches a subscriber on the other,
// and never a subscriber of another user.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { connectLocal } from './fixtures.js';
import { type Client, startTestGateway, subscribe, type TestGateway } from './harness.js';

let gwA: TestGateway;
let gwB: TestGateway;

before(async () => {
  gwA = await startTestGateway();
  gwB = await startTestGateway({ names: gwA.names });
});
after(async () => {
  await gwB.close();
  await gwA.close();
});

test('an event published on one gateway reaches a subscriber on the other', async () => {
  const alice = await gwA.user('alice');
  const onB = new (alice.constructor as typeof Client)(gwB.base);
  onB.cookie = alice.cookie; // sessions live in Redis: the same cookie works on both processes
  const bob = await gwA.user('bob');
  const bobOnB = new (alice.constructor as typeof Client)(gwB.base);
  bobOnB.cookie = bob.cookie;

  const notes = subscribe(onB, 'subscription { notifications { kind message } }');
  const files = subscribe(onB, 'subscription { fileChanges { change path fileId remoteId } }');
  const bobs = subscribe(bobOnB, 'subscription { notifications { kind } }');
  await Promise.all([notes.opened, files.opened, bobs.opened]);
  await new Promise((r) => setTimeout(r, 500)); // the Redis SUBSCRIBE lands after the response starts

  const remote = await connectLocal(gwA, alice, 'Disk', { 'a.txt': 'a' });
  await alice.ok('mutation($p: ID!) { createFolder(parent: $p, name: "made-on-a") { id } }', {
    p: remote.remoteId,
  });

  const got = (await notes.waitFor(1)) as { data: { notifications: { kind: string } } }[];
  assert.equal(got[0]?.data.notifications.kind, 'remote.connected');
  const changes = (await files.waitFor(2)) as { data: { fileChanges: { change: string; path: string } } }[];
  assert.ok(
    changes.some((e) => e.data.fileChanges.change === 'created' && e.data.fileChanges.path === 'made-on-a'),
    JSON.stringify(changes),
  );
  assert.deepEqual(bobs.events, [], "bob hears nothing of alice's");
  await Promise.all([notes.close(), files.close(), bobs.close()]);
});

test('anonymous subscriptions are refused', async () => {
  const res = await fetch(`${gwB.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: 'subscription { fileChanges { path } }' }),
  });
  const text = await res.text();
  assert.match(text, /UNAUTHENTICATED/);
});
