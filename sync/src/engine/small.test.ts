import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conflictName, isConflictName, splitExt } from './conflict-name.js';
import { pathFilter } from './filters.js';
import { isText, mergeText } from './merge.js';
import { keepWinner } from './plan-conflict.js';
import { parseRule } from './rule.js';

const entry = (size: number, mtime: number) => ({
  path: 'x',
  kind: 'file' as const,
  size,
  mtime,
  hashes: {},
  providerId: null,
  etag: null,
});

describe('conflict names', () => {
  it('keep the extension last and carry side and UTC time', () => {
    const now = new Date('2024-01-31T15:45:00Z');
    assert.equal(
      conflictName('d/report.pdf', 'path2', now, () => false),
      'd/report.conflict-path2-20240131-154500.pdf',
    );
    assert.equal(
      conflictName('.bashrc', 'path1', now, () => false),
      '.bashrc.conflict-path1-20240131-154500',
    );
    const taken = new Set(['a.conflict-path1-20240131-154500.txt']);
    assert.equal(
      conflictName('a.txt', 'path1', now, (p) => taken.has(p)),
      'a.conflict-path1-20240131-154500-2.txt',
    );
    assert.deepEqual(splitExt('a.tar.gz'), ['a.tar', '.gz']);
    assert.ok(isConflictName('x/a.conflict-path2-20240131-154500.txt'));
    assert.ok(!isConflictName('a.txt'));
  });
});

describe('keep modes', () => {
  it('pick the winner, ties to the newer then path1', () => {
    const small = entry(1, 200);
    const big = entry(9, 100);
    assert.equal(keepWinner('newer', small, big), 'path1');
    assert.equal(keepWinner('older', small, big), 'path2');
    assert.equal(keepWinner('larger', small, big), 'path2');
    assert.equal(keepWinner('smaller', small, big), 'path1');
    assert.equal(keepWinner('path2', small, big), 'path2');
    assert.equal(keepWinner('larger', entry(1, 100), entry(1, 200)), 'path2');
    assert.equal(keepWinner('newer', entry(1, 100), entry(1, 100)), 'path1');
  });
});

describe('merge', () => {
  it('joins disjoint line edits, keeps exact line endings, refuses overlaps and binary', () => {
    const base = Buffer.from('a\nb\nc\nd\ne\n');
    const r = mergeText(base, Buffer.from('A\nb\nc\nd\ne\n'), Buffer.from('a\nb\nc\nd\nE\n'));
    assert.ok(r.ok && r.merged.toString() === 'A\nb\nc\nd\nE\n');
    // A last line without a newline survives; edits on adjacent lines count as overlapping.
    const noEol = mergeText(Buffer.from('x\nm\ny'), Buffer.from('X\nm\ny'), Buffer.from('x\nm\ny\nz'));
    assert.ok(noEol.ok && noEol.merged.toString() === 'X\nm\ny\nz');
    assert.equal(mergeText(base, Buffer.from('a\nB1\nc\nd\ne\n'), Buffer.from('a\nB2\nc\nd\ne\n')).ok, false);
    assert.equal(isText(Buffer.from([0x61, 0x00])), false);
    assert.equal(isText(Buffer.from([0xff, 0xfe, 0x41])), false);
  });
});

describe('filters', () => {
  it('exclude names at any depth and whole folders; include applies to files', () => {
    const f = pathFilter({ include: [], exclude: ['*.tmp', 'cache/**', 'build'] });
    assert.equal(f.accepts('a.tmp', 'file'), false);
    assert.equal(f.accepts('deep/x/a.tmp', 'file'), false);
    assert.equal(f.accepts('cache/x', 'file'), false);
    assert.equal(f.accepts('build/out/x.js', 'file'), false);
    assert.equal(f.accepts('src/a.ts', 'file'), true);
    const g = pathFilter({ include: ['*.md'], exclude: [] });
    assert.equal(g.accepts('docs/x.md', 'file'), true);
    assert.equal(g.accepts('docs/x.pdf', 'file'), false);
    assert.equal(g.accepts('docs', 'folder'), true);
  });
});

describe('rules', () => {
  it('validate with clear errors and defaults', () => {
    const r = parseRule({
      id: 'r',
      ownerId: 'o',
      path1: { remote: 'a' },
      path2: { remote: 'b', path: '/x//y/' },
      mode: 'two-way',
    });
    assert.deepEqual(r.compare, ['size', 'modtime']);
    assert.equal(r.keep, 'newer');
    assert.equal(r.autoMerge, false);
    assert.equal(r.path2.path, 'x/y');
    assert.deepEqual(r.maxDelete, { percent: 50 });
    assert.throws(
      () =>
        parseRule({ id: 'r', ownerId: 'o', path1: { remote: 'a' }, path2: { remote: 'b' }, mode: 'sync' }),
      /mode/,
    );
    assert.throws(
      () =>
        parseRule({
          id: 'r',
          ownerId: 'o',
          path1: { remote: 'a', path: 'x' },
          path2: { remote: 'a', path: 'x/y' },
          mode: 'copy',
        }),
      /overlap/,
    );
    assert.throws(
      () =>
        parseRule({
          id: 'r',
          ownerId: 'o',
          path1: { remote: 'a', path: '../etc' },
          path2: { remote: 'b' },
          mode: 'copy',
        }),
      /\.\./,
    );
  });
});
