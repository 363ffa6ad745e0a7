import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { file, folder, newOwner, newStore, outboxEvents } from './helpers.js';

const store = await newStore();

describe('change feed batches', () => {
  test('upserts and deletes of a few paths; a deleted folder takes its subtree', async () => {
    const { ownerId, remoteId } = await newOwner(store);
    await store.ingestListing({
      ownerId,
      remoteId,
      entries: [file('a.txt'), file('d/x.txt'), file('d/e/y.txt')],
      complete: true,
    });
    const stats = await store.applyChanges({
      ownerId,
      remoteId,
      changes: [
        { type: 'upsert', path: 'a.txt', entry: file('a.txt', 'changed') },
        { type: 'upsert', path: 'n/new.txt', entry: file('n/new.txt') },
        { type: 'delete', path: 'd', entry: null },
      ],
    });
    assert.equal(stats.modified, 1);
    assert.equal(stats.created, 2);
    assert.equal(stats.deleted, 4);
    const paths = (await store.myDrive(ownerId, { remoteId })).items.map((n) => n.path);
    assert.deepEqual(paths, ['n', 'a.txt']);
  });

  test('a watcher rename (delete old + upsert new, same content, no ids) is a move', async () => {
    const { ownerId, remoteId } = await newOwner(store);
    await store.ingestListing({
      ownerId,
      remoteId,
      entries: [file('report.pdf', 'pdf bytes')],
      complete: true,
    });
    const stats = await store.applyChanges({
      ownerId,
      remoteId,
      changes: [
        { type: 'delete', path: 'report.pdf', entry: null },
        { type: 'upsert', path: 'final.pdf', entry: file('final.pdf', 'pdf bytes') },
      ],
    });
    assert.equal(stats.moved, 1);
    assert.equal(stats.deleted + stats.created, 0);
  });

  test('a folder renamed on a change feed carries descendants the feed did not report', async () => {
    const { ownerId, remoteId } = await newOwner(store);
    await store.ingestListing({
      ownerId,
      remoteId,
      entries: [folder('old', { providerId: 'ino-1' }), file('old/a.txt'), file('old/sub/b.txt')],
      complete: true,
    });
    const stats = await store.applyChanges({
      ownerId,
      remoteId,
      changes: [
        { type: 'delete', path: 'old', entry: null },
        { type: 'upsert', path: 'new', entry: folder('new', { providerId: 'ino-1' }) },
      ],
    });
    assert.equal(stats.moved, 4); // new, new/a.txt, new/sub, new/sub/b.txt
    assert.equal(stats.deleted, 0);
    const moved = (await outboxEvents(ownerId)).filter((e) => e.kind === 'moved');
    assert.deepEqual(moved.map((e) => e.state.path).sort(), ['new', 'new/a.txt', 'new/sub', 'new/sub/b.txt']);
    assert.ok(moved.every((e) => e.revision === 2 && e.previousPath.startsWith('old')));
  });

  test('bad paths are refused with INVALID_INPUT and another owner’s remote is missing', async () => {
    const { ownerId, remoteId } = await newOwner(store);
    const other = await newOwner(store);
    await assert.rejects(
      store.applyChanges({
        ownerId,
        remoteId,
        changes: [{ type: 'upsert', path: '../etc', entry: file('../etc') }],
      }),
      { code: 'INVALID_INPUT' },
    );
    await assert.rejects(store.applyChanges({ ownerId: other.ownerId, remoteId, changes: [] }), {
      code: 'NOT_FOUND',
    });
    await assert.rejects(store.ingestListing({ ownerId: other.ownerId, remoteId, entries: [] }), {
      code: 'NOT_FOUND',
    });
  });
});
