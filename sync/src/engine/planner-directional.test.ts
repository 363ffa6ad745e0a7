import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ops, plan } from './plan-fixtures.js';
import { DIVERGED } from './state.js';

const base = { 'a.txt': 'alpha\n', 'b.txt': 'bravo\n' };
const copy = { mode: 'copy' as const };
const oneWay = { mode: 'one-way' as const };
const move = { mode: 'move' as const };

describe('copy and one-way planning', () => {
  it('only path1 changes flow; destination-only changes and new files stay', () => {
    for (const rule of [copy, oneWay]) {
      const p = plan({
        rule,
        base,
        path1: { ...base, 'c.txt': 'charlie' },
        path2: { 'a.txt': { c: 'dest edit', t: 9 }, 'b.txt': 'bravo\n', 'mine.txt': 'mine' },
      });
      assert.deepEqual(ops(p), ['copy path1:c.txt → path2:c.txt'], rule.mode);
    }
  });

  it('copy never deletes; one-way deletes an unchanged destination, never a changed one', () => {
    const path1 = { 'b.txt': 'bravo\n' };
    assert.deepEqual(ops(plan({ rule: copy, base, path1, path2: base })), []);
    assert.deepEqual(ops(plan({ rule: oneWay, base, path1, path2: base })), ['delete path2:a.txt']);
    const changed = { 'a.txt': { c: 'dest edit', t: 9 }, 'b.txt': 'bravo\n' };
    const p = plan({ rule: oneWay, base, path1, path2: changed });
    assert.deepEqual(ops(p), []);
    assert.deepEqual(p.drop, ['a.txt'], 'the survivor is the destination’s own file from now on');
  });

  it('rename at the source: one-way renames; copy makes a server-side copy and keeps the old name', () => {
    const path1 = { 'a2.txt': 'alpha\n', 'b.txt': 'bravo\n' };
    assert.deepEqual(ops(plan({ rule: oneWay, base, path1, path2: base })), ['rename path2:a.txt → a2.txt']);
    assert.deepEqual(ops(plan({ rule: copy, base, path1, path2: base })), [
      'copy path2:a.txt → path2:a2.txt',
    ]);
  });

  it('both changed in copy mode: a newer destination keeps the name and is marked diverged', () => {
    const p = plan({
      rule: copy,
      base,
      path1: { ...base, 'a.txt': { c: 'src', t: 1_700_000_100_000 } },
      path2: { ...base, 'a.txt': { c: 'dst', t: 1_700_000_200_000 } },
    });
    assert.deepEqual(ops(p), ['copy path1:a.txt → path2:a.conflict-path1-20240131-154500.txt']);
    const set = p.ops[0]!.baseline.set!;
    assert.deepEqual(set.path2, { state: DIVERGED });
  });

  it('both changed in copy mode: a newer source moves the destination version aside first', () => {
    const p = plan({
      rule: copy,
      base,
      path1: { ...base, 'a.txt': { c: 'src', t: 1_700_000_300_000 } },
      path2: { ...base, 'a.txt': { c: 'dst', t: 1_700_000_200_000 } },
    });
    assert.deepEqual(ops(p), [
      'copy path1:a.txt → path2:a.txt',
      'rename path2:a.txt → a.conflict-path2-20240131-154500.txt',
    ]);
  });

  it('folders: new source folders are created; one-way removes folders deleted at the source', () => {
    const b = { d: 'dir' as const };
    assert.deepEqual(ops(plan({ rule: oneWay, base: {}, path1: { e: 'dir' }, path2: {} })), [
      'mkdir path2:e',
    ]);
    assert.deepEqual(ops(plan({ rule: oneWay, base: b, path1: {}, path2: b })), ['delete path2:d']);
    assert.deepEqual(ops(plan({ rule: copy, base: b, path1: {}, path2: b })), []);
    assert.deepEqual(ops(plan({ rule: oneWay, base: b, path1: {}, path2: { d: 'dir', 'd/mine': 'm' } })), []);
  });
});

describe('move planning', () => {
  it('moves every source file, keeps source folders, skips the transfer when the bytes are there', () => {
    const p = plan({
      rule: move,
      path1: { in: 'dir', 'in/r.pdf': 'pdf', 'same.txt': 's' },
      path2: { 'same.txt': 's' },
    });
    assert.deepEqual(ops(p), [
      'copy path1:in/r.pdf → path2:in/r.pdf (move)',
      'delete path1:same.txt',
      'mkdir path2:in',
    ]);
    assert.ok(
      p.ops.every((o) => !o.baseline.set),
      'move mode keeps no baseline',
    );
  });

  it('a name taken at the destination: the newer keeps it, both are kept', () => {
    const p = plan({
      rule: move,
      path1: { 'r.pdf': { c: 'new', t: 2 } },
      path2: { 'r.pdf': { c: 'old', t: 1 } },
    });
    assert.deepEqual(ops(p), [
      'copy path1:r.pdf → path2:r.pdf (move)',
      'rename path2:r.pdf → r.conflict-path2-20240131-154500.pdf',
    ]);
    const q = plan({
      rule: move,
      path1: { 'r.pdf': { c: 'older', t: 1 } },
      path2: { 'r.pdf': { c: 'newer', t: 2 } },
    });
    assert.deepEqual(ops(q), ['copy path1:r.pdf → path2:r.conflict-path1-20240131-154500.pdf (move)']);
  });

  it('is not held back by max-delete (removing the source is the point)', () => {
    const many = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`f${i}`, `c${i}`]));
    assert.equal(plan({ rule: { ...move, maxDelete: { percent: 1 } }, path1: many, path2: {} }).abort, null);
  });
});
