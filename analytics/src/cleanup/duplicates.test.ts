import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupDuplicates } from './duplicates.js';
import type { ItemDoc } from './items.js';

const doc = (
  nodeId: string,
  remoteId: string,
  path: string,
  md5: string,
  size: number,
  mtime: number | null,
) =>
  ({ nodeId, remoteId, kind: 'file', path, name: path, size, mtime, md5, revision: 1 }) as ItemDoc & {
    md5: string;
  };

const docs = [
  doc('1', 'r1', 'a.jpg', 'aa', 100, 3000),
  doc('2', 'r2', 'copy/a.jpg', 'aa', 100, 1000),
  doc('3', 'r1', 'b.jpg', 'aa', 100, 2000),
  doc('4', 'r1', 'c.txt', 'cc', 10, 5),
  doc('5', 'r2', 'c.txt', 'cc', 10, 5),
  doc('6', 'r1', 'alone.txt', 'zz', 7, 1),
  // Same hash, another size: not the same content.
  doc('7', 'r1', 'odd.bin', 'cc', 11, 1),
];

test('groups by hash and size, keeps the oldest copy, largest savings first', () => {
  const groups = groupDuplicates(docs);
  assert.equal(groups.length, 2);
  assert.deepEqual(
    groups.map((g) => g.map((i) => [i.nodeId, i.keep, i.reclaimableBytes])),
    [
      [
        ['2', true, 0],
        ['3', false, 100],
        ['1', false, 100],
      ],
      [
        ['4', true, 0],
        ['5', false, 10],
      ],
    ],
  );
  assert.equal(groups[0]![0]!.group, 'aa:100');
});

test('keeps the newest, or a copy on the preferred remote', () => {
  assert.equal(groupDuplicates(docs, { newest: true })[0]![0]!.nodeId, '1');
  const preferred = groupDuplicates(docs, { preferRemoteId: 'r2' });
  assert.deepEqual(
    preferred.map((g) => g[0]!.nodeId),
    ['2', '5'],
  );
});
