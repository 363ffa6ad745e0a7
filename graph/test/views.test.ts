import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { GraphStore, Page, PageRequest, StoredNode } from '../src/index.js';
import { file, folder, newOwner, newStore } from './helpers.js';

const store = await newStore();

/** Walks every page; checks each but the last has a cursor. */
async function all(
  fetch: (req: PageRequest) => Promise<Page<StoredNode>>,
  first: number,
  sort?: PageRequest['sort'],
) {
  const out: StoredNode[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const page: Page<StoredNode> = await fetch({ first, after, ...(sort ? { sort } : {}) });
    assert.ok(page.items.length <= first);
    out.push(...page.items);
    if (!page.nextCursor) return out;
    assert.equal(page.items.length, first);
    after = page.nextCursor;
  }
  throw new Error('too many pages');
}

async function populated(s: GraphStore) {
  const owner = await newOwner(s);
  const entries = [
    folder('Zeta'),
    folder('alpha'),
    ...['b.txt', 'C.md', 'a.pdf', 'e.jpg', 'd.txt'].map((name, i) =>
      file(name, 'x'.repeat(10 * (i + 1)), { mtime: 1_700_000_000_000 + ((i * 7) % 5) * 1000 }),
    ),
    file('alpha/inner.txt'),
  ];
  await s.ingestListing({ ...owner, entries, complete: true });
  return owner;
}

describe('views', () => {
  test('My Drive pages folders first then names, stable and complete, in every sort', async () => {
    const { ownerId, remoteId } = await populated(store);
    const names = (await all((r) => store.myDrive(ownerId, { ...r, remoteId }), 2)).map((n) => n.name);
    assert.deepEqual(names, ['alpha', 'Zeta', 'a.pdf', 'b.txt', 'C.md', 'd.txt', 'e.jpg']);
    const bySize = await all((r) => store.myDrive(ownerId, { ...r, remoteId }), 3, {
      field: 'size',
      direction: 'desc',
    });
    assert.deepEqual(
      bySize.slice(2).map((n) => n.size),
      [50, 40, 30, 20, 10],
    );
    const byMtime = await all((r) => store.myDrive(ownerId, { ...r, remoteId }), 1, {
      field: 'mtime',
      direction: 'asc',
    });
    const times = byMtime.slice(2).map((n) => n.mtime!);
    assert.deepEqual(times, [...times].sort());
    assert.equal(byMtime.length, 7);
    // One page holding everything has no cursor; so does an exact fit.
    assert.equal((await store.myDrive(ownerId, { remoteId, first: 500 })).nextCursor, null);
    assert.equal((await store.myDrive(ownerId, { remoteId, first: 7 })).nextCursor, null);
  });

  test('global My Drive spans every remote of the owner; folder listing by id', async () => {
    const { ownerId, remoteId } = await populated(store);
    const other = await store.upsertRemote({ ownerId, type: 's3', name: 'Bucket' });
    await store.ingestListing({ ownerId, remoteId: other.id, entries: [file('zz.bin')], complete: true });
    const everything = await all((r) => store.myDrive(ownerId, r), 4);
    assert.equal(everything.length, 8);
    assert.deepEqual(new Set(everything.map((n) => n.remoteId)), new Set([remoteId, other.id]));
    const alpha = everything.find((n) => n.name === 'alpha')!;
    assert.deepEqual(
      (await store.folder(ownerId, alpha.id)).items.map((n) => n.path),
      ['alpha/inner.txt'],
    );
  });

  test('empty views and cursors from another owner or view are refused', async () => {
    const { ownerId, remoteId } = await populated(store);
    const stranger = await newOwner(store);
    assert.deepEqual(await store.starred(ownerId), { items: [], nextCursor: null });
    assert.deepEqual(await store.listTrash(ownerId), { items: [], nextCursor: null });
    assert.deepEqual(await store.sharedWithMe(ownerId), { items: [], nextCursor: null });
    const first = await store.myDrive(ownerId, { remoteId, first: 2 });
    assert.ok(first.nextCursor);
    await assert.rejects(
      store.myDrive(stranger.ownerId, { remoteId: stranger.remoteId, after: first.nextCursor }),
      {
        code: 'INVALID_INPUT',
      },
    );
    await assert.rejects(store.recents(ownerId, { after: first.nextCursor }), { code: 'INVALID_INPUT' });
    await assert.rejects(
      store.myDrive(ownerId, {
        remoteId,
        after: first.nextCursor,
        sort: { field: 'size', direction: 'asc' },
      }),
      {
        code: 'INVALID_INPUT',
      },
    );
    await assert.rejects(store.myDrive(stranger.ownerId, { remoteId }), { code: 'NOT_FOUND' });
    assert.deepEqual(await store.myDrive(stranger.ownerId), { items: [], nextCursor: null });
    assert.deepEqual(await store.recents(stranger.ownerId), { items: [], nextCursor: null });
  });

  test('recents, starred, trash, shared by me and with me', async () => {
    const { ownerId, remoteId } = await populated(store);
    const friend = await newOwner(store);
    const recents = await all((r) => store.recents(ownerId, r), 2);
    assert.equal(recents.length, 6);
    assert.ok(recents.every((n) => n.kind === 'file'));
    const mtimes = recents.map((n) => n.mtime!);
    assert.deepEqual(
      mtimes,
      [...mtimes].sort((a, b) => b - a),
    );
    const root = (await store.myDrive(ownerId, { remoteId })).items;
    const [alpha, zeta, pdf, txt] = root;
    await store.star(ownerId, pdf!.id);
    await store.star(ownerId, alpha!.id);
    assert.deepEqual(
      (await all((r) => store.starred(ownerId, r), 1)).map((n) => n.name),
      ['alpha', 'a.pdf'],
    );
    await store.trash(ownerId, zeta!.id);
    await store.trash(ownerId, txt!.id);
    assert.deepEqual(
      new Set((await all((r) => store.listTrash(ownerId, r), 1)).map((n) => n.name)),
      new Set(['Zeta', 'b.txt']),
    );
    await store.createShare({ ownerId, nodeId: alpha!.id, type: 'user', granteeId: friend.ownerId });
    await store.createShare({ ownerId, nodeId: pdf!.id, type: 'link', linkRef: 'pg:1' });
    assert.deepEqual(
      (await all((r) => store.sharedByMe(ownerId, r), 1)).map((n) => n.name),
      ['alpha', 'a.pdf'],
    );
    const withFriend = await store.sharedWithMe(friend.ownerId);
    assert.deepEqual(
      withFriend.items.map((n) => n.id),
      [alpha!.id],
    );
    // The grantee can open the shared folder, and nothing else of the owner's.
    assert.deepEqual(
      (await store.folder(friend.ownerId, alpha!.id)).items.map((n) => n.name),
      ['inner.txt'],
    );
    await assert.rejects(store.folder(friend.ownerId, zeta!.id), { code: 'NOT_FOUND' });
  });

  test('computers list devices with their remotes, paginated', async () => {
    const { ownerId } = await newOwner(store);
    const laptop = await store.upsertDevice({ ownerId, name: 'Laptop', hostname: 'lap', platform: 'linux' });
    const desk = await store.upsertDevice({ ownerId, name: 'desktop' });
    await store.upsertRemote({ ownerId, type: 'local', name: 'Home', root: '/home/me', deviceId: laptop.id });
    await store.upsertRemote({ ownerId, type: 'local', name: 'Data', root: '/data', deviceId: laptop.id });
    const first = await store.computers(ownerId, { first: 1 });
    assert.deepEqual(
      first.items.map((c) => c.device.id),
      [desk.id],
    );
    assert.deepEqual(first.items[0]!.remotes, []);
    const second = await store.computers(ownerId, { first: 1, after: first.nextCursor });
    assert.deepEqual(
      second.items[0]!.remotes.map((r) => r.name),
      ['Data', 'Home'],
    );
    assert.equal(second.nextCursor, null);
    const stranger = await newOwner(store);
    assert.deepEqual(await store.computers(stranger.ownerId), { items: [], nextCursor: null });
    await assert.rejects(store.computers(stranger.ownerId, { after: first.nextCursor }), {
      code: 'INVALID_INPUT',
    });
  });

  test('iterateNodeStates streams every node of the owner with its revision and state', async () => {
    const { ownerId } = await populated(store);
    const states = [];
    for await (const s of store.iterateNodeStates(ownerId, 3)) states.push(s);
    assert.equal(states.length, 8);
    assert.ok(states.every((s) => s.revision === 1 && s.state.ownerId === ownerId));
    assert.deepEqual(
      states.map((s) => s.nodeId),
      [...states.map((s) => s.nodeId)].sort(),
    );
  });
});
