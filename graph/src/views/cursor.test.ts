import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSyncoxideError } from '@syncoxide/core';
import { decodeCursor, encodeCursor, pageSize, type Sort } from './cursor.js';

const sort: Sort = { field: 'name', direction: 'asc' };

test('a cursor round-trips in its own view', () => {
  const c = encodeCursor('folder:f1', 'u1', sort, { r: 0, v: 'abc', id: 'n1' });
  assert.deepEqual(decodeCursor(c, 'folder:f1', 'u1', sort), { r: 0, v: 'abc', id: 'n1' });
});

test('a cursor is refused by another caller, view, or sort, and garbage is refused', () => {
  const c = encodeCursor('folder:f1', 'u1', sort, { r: 0, v: 'abc', id: 'n1' });
  const refused = (fn: () => unknown) =>
    assert.throws(fn, (e: unknown) => isSyncoxideError(e, 'INVALID_INPUT'));
  refused(() => decodeCursor(c, 'folder:f1', 'u2', sort));
  refused(() => decodeCursor(c, 'folder:f2', 'u1', sort));
  refused(() => decodeCursor(c, 'folder:f1', 'u1', { field: 'size', direction: 'asc' }));
  refused(() => decodeCursor('not-a-cursor', 'folder:f1', 'u1', sort));
});

test('page sizes are bounded', () => {
  assert.equal(pageSize(undefined), 50);
  assert.throws(() => pageSize(0));
  assert.throws(() => pageSize(501));
});
