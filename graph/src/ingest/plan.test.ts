import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StoredNode } from '../model.js';
import { diffNode } from './diff.js';
import { type ListedEntry, toListed } from './entry.js';
import { StoredIndex } from './ingest.repository.js';
import { type PlanContext, planBatch } from './plan.js';

let counter = 0;
const ctx = (over: Partial<PlanContext> = {}): PlanContext => ({
  ownerId: 'u',
  remoteId: 'r',
  now: 1000,
  idsAuthoritative: false,
  isMatched: () => false,
  newId: () => `new-${++counter}`,
  ...over,
});

function entry(path: string, over: Partial<ListedEntry> = {}): ListedEntry {
  return {
    ...toListed({
      path,
      kind: 'file',
      size: 3,
      mtime: 5,
      hashes: { md5: 'aa' },
      providerId: null,
      etag: null,
    }),
    ...over,
  };
}

function stored(id: string, e: ListedEntry, parentId: string, over: Partial<StoredNode> = {}): StoredNode {
  return {
    id,
    ownerId: 'u',
    remoteId: 'r',
    parentId,
    path: e.path,
    name: e.name,
    kind: e.kind,
    size: e.size,
    mtime: e.mtime,
    md5: e.md5,
    sha1: e.sha1,
    mime: e.mime,
    providerId: e.providerId,
    etag: e.etag,
    revision: 1,
    createdAt: 1,
    updatedAt: 1,
    starred: false,
    trashed: false,
    trashedAt: null,
    trashRootId: null,
    trashedPath: null,
    logicalId: null,
    extra: {},
    ...over,
  };
}

const folder = (path: string, over: Partial<ListedEntry> = {}) =>
  entry(path, { kind: 'folder', size: 0, md5: null, mime: 'inode/directory', ...over });

test('new entries are created with implicit parent folders, parents first', () => {
  const plan = planBatch([entry('a/b/c.txt')], new StoredIndex(), ctx());
  assert.deepEqual(
    plan.creates.map((n) => [n.path, n.kind]),
    [
      ['a', 'folder'],
      ['a/b', 'folder'],
      ['a/b/c.txt', 'file'],
    ],
  );
  assert.equal(plan.creates[0]!.parentId, 'r');
  assert.equal(plan.creates[2]!.parentId, plan.creates[1]!.id);
  assert.deepEqual(
    plan.hashCreates.map((e) => e.path),
    ['a/b/c.txt'],
  );
});

test('an unchanged entry plans nothing and keeps its folder', () => {
  const f = stored('f', folder('a'), 'r');
  const x = stored('x', entry('a/x'), 'f');
  const plan = planBatch([entry('a/x')], new StoredIndex().add([f, x]), ctx());
  assert.equal(plan.unchanged, 1);
  assert.deepEqual(plan.creates, []);
  assert.deepEqual(plan.updates, []);
  assert.deepEqual(plan.matched, ['x']);
  assert.deepEqual(plan.kept, ['f']);
});

test('size, mtime or hash changes are modifications with a new version', () => {
  const x = stored('x', entry('x'), 'r');
  for (const over of [{ size: 4 }, { mtime: 6 }, { md5: 'bb' }]) {
    const [u] = planBatch([entry('x', over)], new StoredIndex().add([x]), ctx()).updates;
    assert.equal(u?.kind, 'modified');
    assert.equal(u?.version, 'new');
  }
  const learned = diffNode(stored('y', entry('y', { md5: null }), 'r'), entry('y', { sha1: 'cc' }), 'r');
  assert.equal(learned?.kind, 'metadata');
  assert.equal(learned?.version, 'refresh');
});

test('a provider id found at another path is a move; a new id at the same path is the same file', () => {
  const x = stored('x', entry('old.txt', { providerId: 'p1' }), 'r');
  const moved = planBatch([entry('new.txt', { providerId: 'p1' })], new StoredIndex().add([x]), ctx());
  assert.equal(moved.updates[0]?.kind, 'moved');
  assert.equal(moved.updates[0]?.previousPath, 'old.txt');
  assert.equal(moved.updates[0]?.patch.path, 'new.txt');
  // An atomic save: a new inode (id) at the same path.
  const saved = planBatch(
    [entry('old.txt', { providerId: 'p2' })],
    new StoredIndex().add([x]),
    ctx({ idsAuthoritative: true }),
  );
  assert.equal(saved.updates[0]?.kind, 'metadata');
  assert.equal(saved.updates[0]?.patch.providerId, 'p2');
});

test('two files swapping names: ids decide when authoritative, paths otherwise', () => {
  const a = stored('a', entry('a.txt', { providerId: 'pa', md5: 'a1' }), 'r');
  const b = stored('b', entry('b.txt', { providerId: 'pb', md5: 'b1' }), 'r');
  const listing = [
    entry('a.txt', { providerId: 'pb', md5: 'b1' }),
    entry('b.txt', { providerId: 'pa', md5: 'a1' }),
  ];
  const byIds = planBatch(listing, new StoredIndex().add([a, b]), ctx({ idsAuthoritative: true }));
  assert.deepEqual(
    byIds.updates.map((u) => [u.before.id, u.kind, u.patch.path]),
    [
      ['b', 'moved', 'a.txt'],
      ['a', 'moved', 'b.txt'],
    ],
  );
  const byPaths = planBatch(listing, new StoredIndex().add([a, b]), ctx());
  assert.deepEqual(
    byPaths.updates.map((u) => [u.before.id, u.kind]),
    [
      ['a', 'modified'],
      ['b', 'modified'],
    ],
  );
});

test('a path already matched by an earlier batch is a duplicate', () => {
  const x = stored('x', entry('x'), 'r');
  const plan = planBatch([entry('x')], new StoredIndex().add([x]), ctx({ isMatched: (id) => id === 'x' }));
  assert.equal(plan.duplicates, 1);
  assert.deepEqual(plan.creates, []);
});

test('children of a folder moved in the same batch are found under its old path', () => {
  const f = stored('f', folder('old', { providerId: 'pf' }), 'r');
  const c = stored('c', entry('old/c.txt'), 'f');
  const index = new StoredIndex().add([f, c]);
  const entries = [folder('new', { providerId: 'pf' }), entry('new/c.txt')];
  const plan = planBatch(entries, index, ctx({ carried: new Map([['new', 'old']]) }));
  assert.deepEqual(plan.creates, []);
  assert.deepEqual(plan.folderMoves, [{ nodeId: 'f', from: 'old', to: 'new' }]);
  const child = plan.updates.find((u) => u.before.id === 'c');
  assert.equal(child?.patch.path, 'new/c.txt');
  assert.equal(child?.patch.parentId, undefined);
});

test('deferred and forced entries', () => {
  const x = stored('x', entry('a.txt'), 'r');
  const deferred = planBatch(
    [entry('b.txt')],
    new StoredIndex().add([x]),
    ctx({ defer: new Set(['b.txt']) }),
  );
  assert.deepEqual(
    deferred.deferred.map((e) => e.path),
    ['b.txt'],
  );
  assert.deepEqual(deferred.creates, []);
  const forced = planBatch([entry('b.txt')], new StoredIndex(), ctx({ forced: new Map([['b.txt', x]]) }));
  assert.equal(forced.updates[0]?.kind, 'moved');
  assert.equal(forced.updates[0]?.previousPath, 'a.txt');
});

test('a folder listed after its content is matched, not duplicated', () => {
  const first = planBatch([entry('d/x.txt')], new StoredIndex(), ctx());
  const implicit = first.creates[0]!;
  const second = planBatch([folder('d', { mtime: 9 })], new StoredIndex().add([implicit]), ctx());
  assert.deepEqual(second.creates, []);
  assert.equal(second.updates[0]?.kind, 'metadata');
  assert.equal(second.updates[0]?.patch.mtime, 9);
});
