// Order safety through the engine itself: the newest revision wins whatever the order of
// arrival, and a deleted file never comes back from a replayed older event — also after the
// engine forgot deleted documents' versions (index.gc_deletes), which is why deletes are
// tombstones.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { bulkWrite } from '../src/bulk.js';
import { type IndexOp, opFromEvent } from '../src/document.js';
import { dropFilesIndexes, ensureFilesIndex } from '../src/indexes.js';
import { searchFiles } from '../src/search/search.js';
import { allDocs, diffEvent, searchClient, shuffled, uniqueNames } from './helpers.js';

const client = searchClient();
const prefixes: string[] = [];

async function freshIndex(indexSettings?: Record<string, unknown>) {
  const names = uniqueNames('ix-order');
  prefixes.push(names.indexPrefix);
  await ensureFilesIndex(client, names.indexPrefix, indexSettings ? { indexSettings } : {});
  return names;
}

const write = (alias: string, ops: IndexOp[]) =>
  bulkWrite(client, alias, ops, { requireAlias: true, refresh: true });

describe('order safety', () => {
  after(async () => {
    for (const prefix of prefixes) await dropFilesIndexes(client, prefix);
    await client.close();
  });

  test('events applied out of order and replayed: the newest revision wins', async () => {
    const names = await freshIndex();
    const events = [];
    for (let n = 0; n < 50; n++) {
      for (let r = 1; r <= 5; r++)
        events.push(diffEvent(`node-${n}`, r, { name: `node-${n} rev${r}.txt`, size: r }));
    }
    const ops = events.map(opFromEvent);
    // Every op twice, shuffled, each one in its own request so no batch-level dedupe helps.
    const arrivals = shuffled([...ops, ...ops], 42);
    let stale = 0;
    for (let i = 0; i < arrivals.length; i += 7)
      stale += (await write(names.alias, arrivals.slice(i, i + 7))).stale;
    assert.ok(stale > 0, 'some writes were refused as stale');
    const docs = await allDocs(client, names.indexPrefix);
    assert.equal(docs.size, 50);
    for (const [nodeId, { doc, version }] of docs) {
      assert.equal(version, 5, nodeId);
      assert.equal(doc.revision, 5);
      assert.equal(doc.name, `${nodeId} rev5.txt`);
    }
  });

  test('a delete then a replayed older create never resurrects the file', async () => {
    const names = await freshIndex();
    const created = diffEvent('gone', 1, { name: 'ghost report.txt' });
    const deleted = diffEvent('gone', 2, { name: 'ghost report.txt' }, 'deleted');
    await write(names.alias, [opFromEvent(created)]);
    await write(names.alias, [opFromEvent(deleted)]);
    const replay = await write(names.alias, [opFromEvent(created)]);
    assert.equal(replay.stale, 1);
    await client.indices.refresh({ index: names.alias });
    const found = await searchFiles(client, names.indexPrefix, { ownerId: 'u1', text: 'ghost' });
    assert.equal(found.total, 0);
    const docs = await allDocs(client, names.indexPrefix);
    assert.equal(docs.get('gone')?.doc.deleted, true);
    assert.equal(docs.get('gone')?.version, 2);
  });

  test('with gc_deletes at zero: an index delete forgets, a tombstone does not', async () => {
    const names = await freshIndex({ 'index.gc_deletes': '0ms' });
    const index = Object.keys((await client.indices.getAlias({ name: names.alias })).body)[0]!;
    const tomb = { created: diffEvent('tomb', 1), deleted: diffEvent('tomb', 2, {}, 'deleted') };
    const hard = { created: diffEvent('hard', 1) };
    await write(names.alias, [opFromEvent(tomb.created), opFromEvent(hard.created)]);
    await write(names.alias, [opFromEvent(tomb.deleted)]);
    // The design we rejected: a real delete with the revision as external version.
    await client.delete({ index, id: 'hard', version: 2, version_type: 'external', refresh: 'true' });
    // Let the engine prune deleted versions (pruned on refresh once older than gc_deletes).
    await sleep(200);
    await client.indices.refresh({ index });
    await client.index({ index, id: 'filler', body: { nodeId: 'filler' }, refresh: 'true' });
    await client.delete({ index, id: 'filler', refresh: 'true' });
    await sleep(200);
    await client.indices.refresh({ index });

    const replayTomb = await write(names.alias, [opFromEvent(tomb.created)]);
    assert.equal(replayTomb.stale, 1, 'the tombstone refuses the replayed create');
    const docs = await allDocs(client, names.indexPrefix);
    assert.equal(docs.get('tomb')?.doc.deleted, true);
    assert.equal(docs.get('tomb')?.version, 2);

    // The same replay after an index delete is accepted: the file would be back from the dead.
    const replayHard = await write(names.alias, [opFromEvent(hard.created)]);
    assert.equal(replayHard.applied, 1, 'the engine forgot the delete (this is why we keep tombstones)');
  });
});
