import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { KEPT, MATCHED, SeenSet } from './seen-set.js';

test('remembers flags per id across growth', () => {
  const set = new SeenSet(4);
  const ids = Array.from({ length: 50_000 }, () => randomUUID());
  for (const [i, id] of ids.entries()) set.add(id, i % 2 ? MATCHED : KEPT);
  assert.equal(set.size, ids.length);
  for (const [i, id] of ids.entries()) assert.equal(set.get(id), i % 2 ? MATCHED : KEPT);
  set.add(ids[0]!, MATCHED);
  assert.equal(set.get(ids[0]!), MATCHED | KEPT);
  assert.equal(set.size, ids.length);
});

test('unknown ids are not seen', () => {
  const set = new SeenSet();
  set.add('a', MATCHED);
  assert.equal(set.has('b'), false);
  assert.equal(set.has('a', KEPT), false);
  assert.equal(set.has('a', MATCHED), true);
});
