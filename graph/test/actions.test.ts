import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { file, folder, newOwner, newStore, outboxEvents } from './helpers.js';

const store = await newStore();

async function tree() {
  const owner = await newOwner(store);
  await store.ingestListing({
    ...owner,
    entries: [folder('photos'), file('photos/a.jpg'), file('photos/2024/b.jpg'), file('notes.txt')],
    complete: true,
  });
  const root = await store.myDrive(owner.ownerId, { remoteId: owner.remoteId });
  const byName = (name: string) => root.items.find((n) => n.name === name)!;
  return { ...owner, photos: byName('photos'), notes: byName('notes.txt') };
}

describe('user actions', () => {
  test('star and unstar emit metadata events; starring twice changes nothing', async () => {
    const { ownerId, notes } = await tree();
    await store.star(ownerId, notes.id);
    await store.star(ownerId, notes.id);
    await store.unstar(ownerId, notes.id);
    const events = (await outboxEvents(ownerId)).filter((e) => e.nodeId === notes.id);
    assert.deepEqual(
      events.map((e) => [e.kind, e.revision, e.state.starred]),
      [
        ['created', 1, false],
        ['metadata', 2, true],
        ['metadata', 3, false],
      ],
    );
  });

  test('trash takes the subtree along and restore brings it back', async () => {
    const { ownerId, remoteId, photos } = await tree();
    await store.trash(ownerId, photos.id);
    assert.deepEqual(
      (await store.myDrive(ownerId, { remoteId })).items.map((n) => n.name),
      ['notes.txt'],
    );
    const trash = await store.listTrash(ownerId);
    assert.deepEqual(
      trash.items.map((n) => [n.id, n.trashedPath]),
      [[photos.id, 'photos']],
    );
    const trashedEvents = (await outboxEvents(ownerId)).filter(
      (e) => e.kind === 'metadata' && e.state.trashed,
    );
    assert.equal(trashedEvents.length, 4); // photos, a.jpg, 2024, b.jpg
    const inside = (await store.folder(ownerId, photos.id)).items;
    await assert.rejects(store.restore(ownerId, inside[0]!.id), { code: 'CONFLICT' });
    const restored = await store.restore(ownerId, photos.id);
    assert.equal(restored.trashed, false);
    assert.equal(restored.path, 'photos');
    assert.equal((await store.listTrash(ownerId)).items.length, 0);
    assert.equal((await store.myDrive(ownerId, { remoteId })).items.length, 2);
  });

  test('restore is a CONFLICT when something else took the original place', async () => {
    const { ownerId, remoteId, photos } = await tree();
    await store.trash(ownerId, photos.id);
    const other = await store.createFolder({ ownerId, remoteId, name: 'photos' });
    await assert.rejects(
      store.restore(ownerId, photos.id),
      (err: { code?: string; details?: { occupantId?: string } }) => {
        return err.code === 'CONFLICT' && err.details?.occupantId === other.id;
      },
    );
  });

  test('purge deletes a trashed subtree for good; a live node cannot be purged', async () => {
    const { ownerId, photos, notes } = await tree();
    await assert.rejects(store.purge(ownerId, notes.id), { code: 'NOT_FOUND' });
    await store.trash(ownerId, photos.id);
    assert.equal(await store.purge(ownerId, photos.id), 4);
    await assert.rejects(store.node(ownerId, photos.id), { code: 'NOT_FOUND' });
    const deleted = (await outboxEvents(ownerId)).filter((e) => e.kind === 'deleted');
    assert.equal(deleted.length, 4);
  });

  test('create folder, with clear errors for bad names and taken places', async () => {
    const { ownerId, remoteId, photos } = await tree();
    const made = await store.createFolder({ ownerId, remoteId, parentId: photos.id, name: 'Summer' });
    assert.equal(made.path, 'photos/Summer');
    await assert.rejects(store.createFolder({ ownerId, remoteId, parentId: photos.id, name: 'Summer' }), {
      code: 'ALREADY_EXISTS',
    });
    await assert.rejects(store.createFolder({ ownerId, remoteId, name: 'a/b' }), { code: 'INVALID_INPUT' });
    const created = (await outboxEvents(ownerId)).find((e) => e.nodeId === made.id);
    assert.equal(created.kind, 'created');
  });

  test('shares reach sharedWith of the whole subtree; links and copies show in details', async () => {
    const { ownerId, remoteId, photos, notes } = await tree();
    const friend = await newOwner(store);
    const share = await store.createShare({
      ownerId,
      nodeId: photos.id,
      type: 'user',
      granteeId: friend.ownerId,
    });
    const shared = (await outboxEvents(ownerId)).filter((e) => e.state.sharedWith.includes(friend.ownerId));
    assert.equal(shared.length, 4);
    await store.linkFiles(ownerId, notes.id, photos.id, 'see also');
    const second = await store.upsertRemote({ ownerId, type: 's3', name: 'Backup' });
    await store.ingestListing({ ownerId, remoteId: second.id, entries: [file('notes.txt')], complete: true });
    const copy = (await store.myDrive(ownerId, { remoteId: second.id })).items[0]!;
    const logicalId = await store.linkCopies(ownerId, [notes.id, copy.id]);
    const d = await store.details(ownerId, notes.id);
    assert.deepEqual(
      d.links.outgoing.map((l) => [l.toId, l.note]),
      [[photos.id, 'see also']],
    );
    assert.deepEqual(
      d.copies.map((c) => [c.node.id, c.remoteName]),
      [[copy.id, 'Backup']],
    );
    assert.equal(d.node.logicalId, logicalId);
    assert.equal(d.ancestors[0]?.id, remoteId);
    const photoDetails = await store.details(ownerId, photos.id);
    assert.deepEqual(
      photoDetails.shares.map((s) => s.id),
      [share.id],
    );
    await store.deleteShare(ownerId, share.id);
    assert.equal((await store.sharedWithMe(friend.ownerId)).items.length, 0);
  });

  test('another owner’s ids behave as missing ids', async () => {
    const { photos } = await tree();
    const stranger = await newOwner(store);
    await assert.rejects(store.star(stranger.ownerId, photos.id), { code: 'NOT_FOUND' });
    await assert.rejects(store.trash(stranger.ownerId, photos.id), { code: 'NOT_FOUND' });
    await assert.rejects(store.details(stranger.ownerId, photos.id), { code: 'NOT_FOUND' });
    await assert.rejects(store.folder(stranger.ownerId, photos.id), { code: 'NOT_FOUND' });
    await assert.rejects(
      store.createFolder({ ownerId: stranger.ownerId, remoteId: photos.remoteId, name: 'x' }),
      {
        code: 'NOT_FOUND',
      },
    );
    await assert.rejects(
      store.upsertRemote({ ownerId: stranger.ownerId, id: photos.remoteId, type: 'x', name: 'y' }),
      {
        code: 'NOT_FOUND',
      },
    );
  });
});
