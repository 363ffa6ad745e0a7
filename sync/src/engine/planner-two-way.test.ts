import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ops, plan } from './plan-fixtures.js';

const two = { mode: 'two-way' as const };
const base = { 'a.txt': 'alpha\n', 'b.txt': 'bravo\n' };
const C = 'conflict-path2-20240131-154500';

describe('two-way planning', () => {
  it('does nothing when neither side changed', () => {
    const p = plan({ rule: two, base, path1: base, path2: base });
    assert.deepEqual(ops(p), []);
    assert.equal(p.abort, null);
  });

  it('propagates a change, a new file and a delete from either side', () => {
    const p = plan({
      rule: two,
      base,
      path1: { 'a.txt': { c: 'alpha 2\n', t: 1_700_000_100_000 }, 'b.txt': 'bravo\n', 'n1.txt': 'new' },
      path2: { 'a.txt': 'alpha\n', 'n2.txt': 'new two' },
    });
    assert.deepEqual(ops(p), [
      'copy path1:a.txt → path2:a.txt',
      'copy path1:n1.txt → path2:n1.txt',
      'copy path2:n2.txt → path1:n2.txt',
      'delete path1:b.txt',
    ]);
  });

  it('both changed to the same content: no conflict, the baseline records the agreement', () => {
    const p = plan({
      rule: two,
      base,
      path1: { ...base, 'a.txt': { c: 'same', t: 1 } },
      path2: { ...base, 'a.txt': 'same' },
    });
    assert.deepEqual(ops(p), []);
    assert.deepEqual(
      p.agree.map((e) => e.path),
      ['a.txt'],
    );
    assert.ok(p.fetched > 0, 'hashes were fetched to prove equality');
  });

  it('both changed differently: loser renamed, winner copied, conflict copy on both sides', () => {
    const p = plan({
      rule: { ...two, keep: 'newer' },
      base,
      path1: { ...base, 'a.txt': { c: 'one', t: 1_700_000_200_000 } },
      path2: { ...base, 'a.txt': { c: 'two', t: 1_700_000_100_000 } },
    });
    assert.deepEqual(ops(p), [
      `copy path1:a.txt → path2:a.txt`,
      `copy path2:a.${C}.txt → path1:a.${C}.txt`,
      `rename path2:a.txt → a.${C}.txt`,
    ]);
    const phases = p.ops.map((o) => `${o.kind}:${o.phase}`).sort();
    assert.deepEqual(phases, ['copy:3', 'copy:3', 'move:1']);
  });

  it('change beats delete', () => {
    const p = plan({
      rule: two,
      base,
      path1: { 'a.txt': { c: 'alpha 2', t: 5 }, 'b.txt': 'bravo\n' },
      path2: { 'b.txt': 'bravo\n' },
    });
    assert.deepEqual(ops(p), ['copy path1:a.txt → path2:a.txt']);
    assert.equal(p.ops[0]!.kind === 'copy' && 'absent' in p.ops[0]!.expect, true);
  });

  it('deleted on both sides: forgotten', () => {
    const p = plan({ rule: two, base, path1: { 'a.txt': 'alpha\n' }, path2: { 'a.txt': 'alpha\n' } });
    assert.deepEqual(ops(p), []);
    assert.deepEqual(p.drop, ['b.txt']);
  });

  it('recognises a rename by provider id and renames on the other side', () => {
    const b = { 'big.bin': { c: 'x'.repeat(100), id: 'ino-1' } };
    const p = plan({
      rule: two,
      base: b,
      path1: { 'moved/big.bin': { c: 'x'.repeat(100), id: 'ino-1' } },
      path2: b,
    });
    assert.deepEqual(ops(p), ['rename path2:big.bin → moved/big.bin']);
    assert.equal(p.fetched, 0, 'no hashing needed');
  });

  it('recognises a rename by size and hash when ids differ', () => {
    const p = plan({ rule: two, base, path1: { 'a2.txt': 'alpha\n', 'b.txt': 'bravo\n' }, path2: base });
    assert.deepEqual(ops(p), ['rename path2:a.txt → a2.txt']);
  });

  it('a rename against a change on the other side is a copy both ways (nothing lost)', () => {
    const p = plan({
      rule: two,
      base,
      path1: { 'a2.txt': 'alpha\n', 'b.txt': 'bravo\n' },
      path2: { 'a.txt': { c: 'alpha changed', t: 9 }, 'b.txt': 'bravo\n' },
    });
    assert.deepEqual(ops(p), ['copy path1:a2.txt → path2:a2.txt', 'copy path2:a.txt → path1:a.txt']);
  });

  it('a folder deleted on one side goes on the other unless something new lives in it', () => {
    const b = { d: 'dir' as const, 'd/x': 'x', e: 'dir' as const, 'e/y': 'y' };
    const p = plan({ rule: two, base: b, path1: { e: 'dir', 'e/y': 'y', 'e/new': 'n' }, path2: b });
    assert.deepEqual(ops(p), ['copy path1:e/new → path2:e/new', 'delete path2:d', 'delete path2:d/x']);
    const q = plan({ rule: two, base: b, path1: { e: 'dir', 'e/y': 'y' }, path2: { ...b, 'd/z': 'new' } });
    assert.deepEqual(ops(q), ['copy path2:d/z → path1:d/z', 'delete path2:d/x', 'mkdir path1:d']);
  });

  it('type change: a file replaced by a folder; the old file goes (unchanged) or is kept (changed)', () => {
    const b = { t: 'file' };
    const p = plan({ rule: two, base: b, path1: { t: 'dir', 't/in': 'in' }, path2: b });
    assert.deepEqual(ops(p), ['copy path1:t/in → path2:t/in', 'delete path2:t', 'mkdir path2:t']);
    const q = plan({
      rule: two,
      base: b,
      path1: { t: 'dir', 't/in': 'in' },
      path2: { t: { c: 'file edited', t: 7 } },
    });
    assert.deepEqual(ops(q), [
      'copy path1:t/in → path2:t/in',
      `copy path2:t.${C} → path1:t.${C}`,
      'mkdir path2:t',
      `rename path2:t → t.${C}`,
    ]);
  });

  it('type change: an agreed folder replaced by a file is deleted, then the file takes its place', () => {
    const b = { t: 'dir' as const, 't/in': 'in' };
    const p = plan({ rule: two, base: b, path1: { t: 'the file' }, path2: b });
    assert.deepEqual(ops(p), ['copy path1:t → path2:t', 'delete path2:t', 'delete path2:t/in']);
    const phases = Object.fromEntries(
      p.ops.map((o) => [`${o.kind}:${o.kind === 'delete' ? o.at.path : ''}`, o.phase]),
    );
    assert.deepEqual(phases, { 'copy:': 6, 'delete:t': 5, 'delete:t/in': 4 });
  });

  it('an empty side with a remembered baseline refuses to delete', () => {
    const p = plan({ rule: two, base, path1: {}, path2: base });
    assert.match(p.abort?.reason ?? '', /path1 lists empty/);
    assert.equal(plan({ rule: two, base, path1: {}, path2: base, force: true }).abort, null);
  });

  it('max-delete by percent and by count', () => {
    const many = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}`, `c${i}`]));
    const some = Object.fromEntries(Object.entries(many).slice(0, 4));
    assert.match(
      plan({ rule: { ...two, maxDelete: { percent: 50 } }, base: many, path1: some, path2: many }).abort!
        .reason,
      /6 of 10/,
    );
    assert.equal(
      plan({ rule: { ...two, maxDelete: { percent: 60 } }, base: many, path1: some, path2: many }).abort,
      null,
    );
    assert.match(
      plan({ rule: { ...two, maxDelete: { count: 5 } }, base: many, path1: some, path2: many }).abort!.reason,
      /max-delete 5/,
    );
  });

  it('auto-merge: disjoint edits merge into one operation, overlapping edits fall back to a conflict', () => {
    const b = { 'n.md': 'one\ntwo\nthree\nfour\n' };
    const p = plan({
      rule: { ...two, autoMerge: true },
      base: b,
      path1: { 'n.md': { c: 'ONE\ntwo\nthree\nfour\n', t: 2 } },
      path2: { 'n.md': { c: 'one\ntwo\nthree\nFOUR\n', t: 3 } },
    });
    assert.deepEqual(ops(p), ['merge n.md: "ONE\\ntwo\\nthree\\nFOUR\\n"']);
    const q = plan({
      rule: { ...two, autoMerge: true },
      base: b,
      path1: { 'n.md': { c: 'one\nLEFT\nthree\nfour\n', t: 2 } },
      path2: { 'n.md': { c: 'one\nRIGHT\nthree\nfour\n', t: 3 } },
    });
    assert.equal(
      ops(q).filter((o) => o.startsWith('rename path1:n.md')).length,
      1,
      'path2 is newer and wins',
    );
    assert.ok(q.notes.some((n) => n.includes('auto-merge refused')));
  });

  it('auto-merge never merges binary content', () => {
    const p = plan({
      rule: { ...two, autoMerge: true },
      base: { 'x.bin': 'a\u0000b\n' },
      path1: { 'x.bin': { c: 'A\u0000b\n', t: 2 } },
      path2: { 'x.bin': { c: 'a\u0000B\n', t: 3 } },
    });
    assert.ok(ops(p).some((o) => o.startsWith('rename path1:x.bin')));
  });

  it('compare=checksum hashes same-size files; compare=size does not look further', () => {
    const edited = { 'a.txt': 'ALPHA\n', 'b.txt': 'bravo\n' };
    assert.deepEqual(
      ops(plan({ rule: { ...two, compare: ['checksum'] }, base, path1: edited, path2: base })),
      ['copy path1:a.txt → path2:a.txt'],
    );
    const bySize = plan({ rule: { ...two, compare: ['size'] }, base, path1: edited, path2: base });
    assert.deepEqual(ops(bySize), []);
    assert.equal(bySize.fetched, 0);
  });

  it('a side without modification times falls back to checksums and says so', () => {
    const p = plan({
      rule: two,
      base,
      path1: { 'a.txt': { c: 'ALPHA\n', t: 1 }, 'b.txt': 'bravo\n' },
      path2: base,
      caps: { path1: { modtime: { supported: false, settable: false, precisionMs: 1000 } } },
    });
    assert.deepEqual(ops(p), ['copy path1:a.txt → path2:a.txt']);
    assert.ok(p.notes.some((n) => n.includes('path1 has no modification times')));
  });
});
