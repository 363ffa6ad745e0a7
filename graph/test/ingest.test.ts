import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { file, folder, newOwner, newStore, outboxEvents, slowly } from './helpers.js';

const store = await newStore();

describe('ingest of a listing', () => {
  test('creates folders and files, each with a created event at revision 1', async () => {
    const { ownerId, remoteId } = await newOwner(store);
    const stats = await store.ingestListing({
      ownerId,
      remoteId,
      entries: slowly([folder('docs'), file('docs/a.txt'), file('docs/deep/b.txt'), file('c.txt')]),
      complete: true,
    });
    assert.equal(stats.created, 5); // docs, docs/deep (implicit), 3 files
    const events = await outboxEvents(ownerId);
    assert.equal(events.length, 5);
    assert.ok(events.every((e) => e.kind === 'created' && e.revision === 1 && e.state.ownerId === ownerId));
    const b = events.find((e) => e.state.path === 'docs/deep/b.txt');
    assert.equal(b.state.name, 'b.txt');
    assert.equal(b.state.mime, 'text/plain');
  });

  test('re-ingesting an unchanged listing writes nothing and emits nothing', async () => {
    const { ownerId, remoteId } = await newOwner(store);
    const listing = () => slowly([folder('a'), file('a/1.txt'), file('a/2.txt'), file('b/3.txt')]);
    await store.ingestListing({ ownerId, remoteId, entries: listing(), complete: true, batchSize: 2 });
    const before = await store.outboxSize(ownerId);
    const again = await store.ingestListing({
      ownerId,
      remoteId,
      entries: listing(),
      complete: true,
      batchSize: 2,
    });
    assert.equal(again.writes, 0);
    assert.equal(again.events, 0);
    assert.equal(again.deleted, 0);
    assert.equal(again.unchanged, 4);
    assert.equal(await store.outboxSize(ownerId), before);
  });

  test('size, mtime and hash changes are modifications that bump the revision and add a version', async () => {
    const { ownerId, remoteId } = await newOwner(store);
    await store.ingestListing({ ownerId, remoteId, entries: [file('x.txt', 'one')], complete: true });
    const changed = await store.ingestListing({
      ownerId,
      remoteId,
      entries: [file('x.txt', 'two!')],
      complete: true,
    });
    assert.equal(changed.modified, 1);
    const touched = await store.ingestListing({
      ownerId,
      remoteId,
      entries: [file('x.txt', 'two!', { mtime: 1_800_000_000_000 })],
      complete: true,
    });
    assert.equal(touched.modified, 1);
    const events = (await outboxEvents(ownerId)).filter((e) => e.state.path === 'x.txt');
    assert.deepEqual(
      events.map((e) => [e.kind, e.revision]),
      [
        ['created', 1],
        ['modified', 2],
        ['modified', 3],
      ],
    );
    const details = await store.details(ownerId, events[0].nodeId);
    assert.equal(details.versions.length, 3);
    assert.equal(details.versions.filter((v) => v.current).length, 1);
    assert.equal(details.versions[0]?.size, 4);
  });

  test('a rename is a move by provider id, keeping the node', async () => {
    const { ownerId, remoteId } = await newOwner(store, { stableIds: true });
    await store.ingestListing({
      ownerId,
      remoteId,
      entries: [file('old.txt', 'x', { providerId: 'p-1' })],
      complete: true,
    });
    const stats = await store.ingestListing({
      ownerId,
      remoteId,
      entries: [file('dir/new.txt', 'x', { providerId: 'p-1' })],
      complete: true,
    });
    assert.equal(stats.moved, 1);
    assert.equal(stats.deleted, 0);
    const events = await outboxEvents(ownerId);
    const moved = events.find((e) => e.kind === 'moved');
    assert.equal(moved.previousPath, 'old.txt');
    assert.equal(moved.state.path, 'dir/new.txt');
    assert.equal(moved.revision, 2);
    assert.equal(moved.nodeId, events[0].nodeId);
  });

  test('without provider ids, a rename is a move by hash and size', async () => {
    const { ownerId, remoteId } = await newOwner(store);
    await store.ingestListing({
      ownerId,
      remoteId,
      entries: [file('a/photo.jpg', 'pixels'), file('keep.txt')],
      complete: true,
    });
    const stats = await store.ingestListing({
      ownerId,
      remoteId,
      // The new path comes first: the move is only certain once the listing is complete.
      entries: slowly([file('b/photo.jpg', 'pixels'), file('keep.txt')]),
      complete: true,
      batchSize: 1,
    });
    assert.equal(stats.moved, 1);
    assert.equal(stats.created, 1); // folder b
    assert.equal(stats.deleted, 1); // folder a, now empty and unlisted
    const moved = (await outboxEvents(ownerId)).find((e) => e.kind === 'moved');
    assert.equal(moved?.previousPath, 'a/photo.jpg');
    assert.equal(moved?.state.path, 'b/photo.jpg');
  });

  test('a complete listing deletes what it no longer lists; a partial or failed one never does', async () => {
    const { ownerId, remoteId } = await newOwner(store);
    await store.ingestListing({
      ownerId,
      remoteId,
      entries: [file('a.txt'), file('b.txt'), file('d/c.txt')],
      complete: true,
    });
    const partial = await store.ingestListing({ ownerId, remoteId, entries: [file('a.txt')] });
    assert.equal(partial.deleted, 0);
    async function* failing() {
      yield file('a.txt');
      throw new Error('provider went away');
    }
    await assert.rejects(
      store.ingestListing({ ownerId, remoteId, entries: failing(), complete: true }),
      /went away/,
    );
    assert.equal((await store.myDrive(ownerId, { remoteId })).items.length, 3);
    const full = await store.ingestListing({ ownerId, remoteId, entries: [file('a.txt')], complete: true });
    assert.equal(full.deleted, 3); // b.txt, d, d/c.txt
    const deleted = (await outboxEvents(ownerId)).filter((e) => e.kind === 'deleted');
    assert.deepEqual(deleted.map((e) => e.state.path).sort(), ['b.txt', 'd', 'd/c.txt']);
    assert.ok(deleted.every((e) => e.revision === 2));
  });

  test('a moved folder carries its subtree (full listing with ids, children listed before the folder)', async () => {
    const { ownerId, remoteId } = await newOwner(store, { stableIds: true });
    const ids = (p: string) => ({ providerId: `id-${p}` });
    await store.ingestListing({
      ownerId,
      remoteId,
      entries: [
        folder('src', ids('src')),
        folder('src/lib', ids('lib')),
        file('src/lib/x.ts', 'x', ids('x')),
        file('src/y.ts', 'y', ids('y')),
      ],
      complete: true,
    });
    const stats = await store.ingestListing({
      ownerId,
      remoteId,
      entries: slowly([
        file('app/y.ts', 'y', ids('y')),
        folder('app', ids('src')),
        folder('app/lib', ids('lib')),
        file('app/lib/x.ts', 'x', ids('x')),
      ]),
      complete: true,
      batchSize: 1,
    });
    assert.equal(stats.moved, 4);
    // y.ts came first: an implicit 'app' was made for it, then merged into the moved folder.
    assert.equal(stats.created, 1);
    assert.equal(stats.deleted, 1);
    const root = await store.myDrive(ownerId, { remoteId });
    assert.deepEqual(
      root.items.map((n) => n.path),
      ['app'],
    );
    const lib = (await store.folder(ownerId, root.items[0]!.id)).items.find((n) => n.name === 'lib');
    assert.deepEqual(
      (await store.folder(ownerId, lib!.id)).items.map((n) => n.path),
      ['app/lib/x.ts'],
    );
  });
});
