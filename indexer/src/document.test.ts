import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NodeState } from '@syncoxide/core';
import { newestPerNode, photoFieldsOf, toFileDocument } from './document.js';

const state: NodeState = {
  kind: 'file',
  ownerId: 'u1',
  remoteId: 'r1',
  path: 'docs/Quarterly Report.XLSX',
  name: 'Quarterly Report.XLSX',
  size: 10,
  mtime: 1_700_000_000_000,
  md5: null,
  sha1: null,
  mime: null,
  providerId: null,
  logicalId: null,
  starred: false,
  trashed: false,
  sharedWith: ['u2'],
  extra: {},
};

test('a file gets extension and category from its name', () => {
  const doc = toFileDocument('n1', 3, state, { at: '2024-01-01T00:00:00.000Z' });
  assert.equal(doc.extension, 'xlsx');
  assert.equal(doc.category, 'spreadsheet');
  assert.equal(doc.revision, 3);
  assert.equal(doc.deleted, false);
  assert.equal(doc.deletedAt, null);
  assert.deepEqual(doc.sharedWith, ['u2']);
  assert.equal(doc.photo, undefined);
});

test('ancestor folders are listed per remote, the node itself excluded', () => {
  const doc = toFileDocument('n3', 1, { ...state, remoteId: 'r1', path: 'a/b/c.txt', name: 'c.txt' });
  assert.deepEqual(doc.folders, ['r1|a', 'r1|a/b']);
  assert.deepEqual(toFileDocument('n4', 1, { ...state, remoteId: 'r1', path: 'top.txt' }).folders, []);
});

test('a folder has no extension or category', () => {
  const doc = toFileDocument('n2', 1, { ...state, kind: 'folder', name: 'v1.2', path: 'v1.2' });
  assert.equal(doc.extension, null);
  assert.equal(doc.category, null);
});

test('a deletion is a tombstone dated by the graph commit', () => {
  const doc = toFileDocument('n1', 4, state, { deleted: true, at: '2024-02-01T00:00:00.000Z' });
  assert.equal(doc.deleted, true);
  assert.equal(doc.deletedAt, '2024-02-01T00:00:00.000Z');
});

test('photo fields are taken one by one; bad ones are dropped', () => {
  const photo = photoFieldsOf({
    photo: {
      takenAt: '2023-07-01T10:00:00Z',
      camera: 'X100V',
      lens: '',
      width: 6000,
      height: -1,
      location: { lat: 48.1, lon: 11.5 },
    },
  });
  assert.deepEqual(photo, {
    takenAt: '2023-07-01T10:00:00Z',
    camera: 'X100V',
    width: 6000,
    location: { lat: 48.1, lon: 11.5 },
  });
  assert.equal(photoFieldsOf({ photo: { takenAt: 'yesterday', location: { lat: 200, lon: 0 } } }), undefined);
  assert.equal(photoFieldsOf({}), undefined);
});

test('newestPerNode keeps the highest revision of each node', () => {
  const ops = [
    { nodeId: 'a', revision: 2 },
    { nodeId: 'b', revision: 1 },
    { nodeId: 'a', revision: 5 },
    { nodeId: 'a', revision: 3 },
  ];
  assert.deepEqual(
    newestPerNode(ops).sort((x, y) => x.nodeId.localeCompare(y.nodeId)),
    [
      { nodeId: 'a', revision: 5 },
      { nodeId: 'b', revision: 1 },
    ],
  );
});
