import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSyncoxideError } from '@syncoxide/core';
import { orderTimeline } from '../timeline.js';
import { decodeCursor, encodeCursor, isAfter } from './cursor.js';

const items = [
  { id: 'a', takenAt: '2024-05-01T10:00:00+02:00', mtime: null },
  { id: 'b', takenAt: '2024-05-01T08:00:00Z', mtime: null },
  { id: 'c', takenAt: null, mtime: Date.UTC(2021, 5, 1) },
  { id: 'd', takenAt: null, mtime: null },
  { id: 'e', takenAt: null, mtime: null },
];

test('pages cut at any cursor continue the same order, also past a deleted item', () => {
  for (const order of ['desc', 'asc'] as const) {
    const sign = order === 'asc' ? 1 : -1;
    const all = orderTimeline(items, { order });
    for (let i = 0; i < all.length; i++) {
      const cursor = decodeCursor(encodeCursor(all[i]!.at, all[i]!.item.id));
      // The cursor's own item may be gone meanwhile: the rest follows all the same.
      const rest = orderTimeline(
        items.filter((x) => x.id !== all[i]!.item.id),
        { order },
      ).filter((p) => isAfter(p.at, p.item.id, cursor, sign));
      assert.deepEqual(
        rest.map((p) => p.item.id),
        all.slice(i + 1).map((p) => p.item.id),
        `${order} after ${all[i]!.item.id}`,
      );
    }
  }
});

test('a cursor that is not ours is INVALID_INPUT', () => {
  for (const bad of [
    'garbage',
    Buffer.from('[1]').toString('base64url'),
    Buffer.from('{"a":1}').toString('base64url'),
  ]) {
    assert.throws(
      () => decodeCursor(bad),
      (err) => isSyncoxideError(err) && err.code === 'INVALID_INPUT',
    );
  }
});
