// Tombstone purge: only old tombstones of nodes the graph no longer has are removed.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { bulkWrite } from '../src/bulk.js';
import { opFromEvent } from '../src/document.js';
import { dropFilesIndexes, ensureFilesIndex } from '../src/indexes.js';
import { dropOwnerDocuments } from '../src/owner.js';
import { purgeTombstones } from '../src/purge.js';
import { allDocs, diffEvent, quiet, searchClient, uniqueNames } from './helpers.js';

const client = searchClient();
const names = uniqueNames('ix-purge');
const DAY = 86_400_000;

after(async () => {
  await dropFilesIndexes(client, names.indexPrefix);
  await client.close();
});

test('purges old tombstones the graph confirms gone, keeps the rest', async () => {
  await ensureFilesIndex(client, names.indexPrefix);
  const old = (nodeId: string) => ({
    ...diffEvent(nodeId, 2, {}, 'deleted'),
    at: '2024-01-01T00:00:00.000Z',
  });
  const events = [
    old('gone-1'),
    old('gone-2'),
    old('still-in-graph'),
    { ...diffEvent('recent', 2, {}, 'deleted'), at: new Date().toISOString() },
    diffEvent('alive', 1),
  ];
  await bulkWrite(client, names.alias, events.map(opFromEvent), { requireAlias: true, refresh: true });
  const asked: string[] = [];
  const result = await purgeTombstones({
    client,
    indexPrefix: names.indexPrefix,
    olderThanMs: 30 * DAY,
    exists: async (nodeId, ownerId) => {
      assert.equal(ownerId, 'u1');
      asked.push(nodeId);
      return nodeId === 'still-in-graph';
    },
    batchSize: 2,
    logger: quiet,
  });
  assert.deepEqual(result, { checked: 3, purged: 2, kept: 1, changed: 0 });
  assert.deepEqual(asked.sort(), ['gone-1', 'gone-2', 'still-in-graph']);
  const docs = await allDocs(client, names.indexPrefix);
  assert.deepEqual([...docs.keys()].sort(), ['alive', 'recent', 'still-in-graph']);
});

test('an owner removed from the graph is removed from the index', async () => {
  await ensureFilesIndex(client, names.indexPrefix);
  const events = [
    diffEvent('mine-1', 1, { ownerId: 'gone-user' }),
    diffEvent('mine-2', 3, { ownerId: 'gone-user' }, 'deleted'),
  ];
  await bulkWrite(
    client,
    names.alias,
    [...events, diffEvent('theirs', 1, { ownerId: 'other' })].map(opFromEvent),
    {
      requireAlias: true,
      refresh: true,
    },
  );
  assert.equal(await dropOwnerDocuments(client, names.indexPrefix, 'gone-user'), 2);
  const docs = await allDocs(client, names.indexPrefix);
  assert.ok(docs.has('theirs'));
  assert.ok(!docs.has('mine-1') && !docs.has('mine-2'));
});
