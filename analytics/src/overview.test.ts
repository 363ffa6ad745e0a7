import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ageRanges, overviewRequest } from './overview.js';

test('age ranges tile time without gaps, newest first', () => {
  const now = 1_700_000_000_000;
  const r = ageRanges(now);
  assert.equal(r[0]!.to, undefined, 'future mtimes count as newest');
  for (let i = 1; i < r.length; i++) assert.equal(r[i]!.to, r[i - 1]!.from);
  assert.equal(r[r.length - 1]!.from, undefined);
});

test('every overview query is scoped to the owner and skips tombstones', () => {
  const q = overviewRequest({ ownerId: 'u1', remoteId: 'r1' }, 0) as {
    query: { bool: { filter: unknown[] } };
  };
  assert.deepEqual(q.query.bool.filter, [
    { term: { ownerId: 'u1' } },
    { term: { deleted: false } },
    { term: { remoteId: 'r1' } },
  ]);
  assert.throws(() => overviewRequest({ ownerId: '' }, 0), /owner/);
});
