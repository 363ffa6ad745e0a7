// Our own scenario table, after rclone bisync's test cases, in the format of
// shared/sync-scenarios.json (plus `expectBytes`: bytes the run may transfer, e.g. 0 for a
// rename). Per mode: new / changed / deleted / renamed on either side, both changed under each
// keep mode, auto-merge success and failure, delete against change, type changes, empty
// folders, filters, and the guards.
import type { Scenario } from './scenario.js';
import type { Tree } from './trees.js';

export type TableScenario = Scenario & { expectBytes?: number };

const T = 1_700_000_000;
const f = (content: string, mtime = T) => ({ content, mtime });
const dir = { dir: true } as const;
const base: Tree = { 'a.txt': f('alpha\n'), 'b.txt': f('bravo\n'), 'big.bin': f('B'.repeat(4096)) };
const rule = (
  mode: Scenario['rule']['mode'],
  extra: Partial<TableScenario['rule']> = {},
): TableScenario['rule'] => ({
  mode,
  compare: ['size', 'modtime'],
  keep: 'newer',
  autoMerge: false,
  ...extra,
});
const without = (t: Tree, ...paths: string[]): Tree =>
  Object.fromEntries(Object.entries(t).filter(([p]) => !paths.includes(p)));
const both = (t: Tree) => ({ path1: t, path2: t });
const conflictPair = (
  path1: string,
  path2: string,
  keep: Scenario['rule']['keep'],
  winner: string,
  loser: string,
): TableScenario => ({
  name: `two-way: both changed, keep ${keep}`,
  rule: rule('two-way', { keep }),
  base,
  path1: { ...base, 'a.txt': f(path1, T + 100) },
  path2: { ...base, 'a.txt': f(path2, T + 200) },
  expect: both({
    ...base,
    'a.txt': f(winner, winner === path1 ? T + 100 : T + 200),
    'a.conflict-*.txt': { content: loser, mtime: '*' },
  }),
});

export const TABLE: TableScenario[] = [
  // ---- two-way -------------------------------------------------------------------------
  {
    name: 'two-way: new file on path2 flows to path1',
    rule: rule('two-way'),
    base,
    path1: base,
    path2: { ...base, 'n.txt': f('new\n', T + 5) },
    expect: both({ ...base, 'n.txt': f('new\n', T + 5) }),
  },
  {
    name: 'two-way: delete on path1 flows to path2',
    rule: rule('two-way'),
    base,
    path1: without(base, 'b.txt'),
    path2: base,
    expect: both(without(base, 'b.txt')),
    expectBytes: 0,
  },
  {
    name: 'two-way: rename on path1 is a rename on path2 (no bytes sent)',
    rule: rule('two-way'),
    base,
    path1: { ...without(base, 'big.bin'), 'renamed.bin': base['big.bin']! },
    path2: base,
    expect: both({ ...without(base, 'big.bin'), 'renamed.bin': base['big.bin']! }),
    expectBytes: 0,
  },
  {
    name: 'two-way: move into a new folder on path2 is a move on path1',
    rule: rule('two-way'),
    base,
    path1: base,
    path2: { ...without(base, 'big.bin'), archive: dir, 'archive/big.bin': base['big.bin']! },
    expect: both({ ...without(base, 'big.bin'), archive: dir, 'archive/big.bin': base['big.bin']! }),
    expectBytes: 0,
  },
  {
    name: 'two-way: rename on one side, edit on the other: both versions kept',
    rule: rule('two-way'),
    base,
    path1: { ...without(base, 'a.txt'), 'a2.txt': f('alpha\n') },
    path2: { ...base, 'a.txt': f('alpha edited\n', T + 9) },
    expect: both({ ...base, 'a.txt': f('alpha edited\n', T + 9), 'a2.txt': f('alpha\n') }),
  },
  conflictPair('one\n', 'two, longer\n', 'smaller', 'one\n', 'two, longer\n'),
  conflictPair('one\n', 'two\n', 'path1', 'one\n', 'two\n'),
  {
    name: 'two-way: first run, same path, different content: both kept, newer wins',
    rule: rule('two-way'),
    base: null,
    path1: { 'a.txt': f('mine\n', T + 1) },
    path2: { 'a.txt': f('theirs\n', T + 2) },
    expect: both({ 'a.txt': f('theirs\n', T + 2), 'a.conflict-*.txt': { content: 'mine\n', mtime: '*' } }),
  },
  {
    name: 'two-way: delete on path1 against change on path2: the change comes back',
    rule: rule('two-way'),
    base,
    path1: without(base, 'a.txt'),
    path2: { ...base, 'a.txt': f('alpha 2\n', T + 3) },
    expect: both({ ...base, 'a.txt': f('alpha 2\n', T + 3) }),
  },
  {
    name: 'two-way: auto-merge of edits far apart',
    rule: rule('two-way', { autoMerge: true }),
    base: { 'n.md': f('1\n2\n3\n4\n5\n6\n') },
    path1: { 'n.md': f('one\n2\n3\n4\n5\n6\n', T + 1) },
    path2: { 'n.md': f('1\n2\n3\n4\n5\nsix\n', T + 2) },
    expect: both({ 'n.md': { content: 'one\n2\n3\n4\n5\nsix\n', mtime: '*' } }),
  },
  {
    name: 'two-way: auto-merge refuses binary content and keeps both',
    rule: rule('two-way', { autoMerge: true }),
    base: { 'x.bin': f('a\u0000\nb\n') },
    path1: { 'x.bin': f('A\u0000\nb\n', T + 1) },
    path2: { 'x.bin': f('a\u0000\nB\n', T + 2) },
    expect: both({
      'x.bin': f('a\u0000\nB\n', T + 2),
      'x.conflict-*.bin': { content: 'A\u0000\nb\n', mtime: '*' },
    }),
  },
  {
    name: 'two-way: a file replaced by a folder on path1',
    rule: rule('two-way'),
    base,
    path1: { ...without(base, 'a.txt'), 'a.txt': dir, 'a.txt/inside.md': f('in\n', T + 1) },
    path2: base,
    expect: both({ ...without(base, 'a.txt'), 'a.txt': dir, 'a.txt/inside.md': f('in\n', T + 1) }),
  },
  {
    name: 'two-way: an agreed folder replaced by a file on path2',
    rule: rule('two-way'),
    base: { ...base, d: dir, 'd/x.txt': f('x\n') },
    path1: { ...base, d: dir, 'd/x.txt': f('x\n') },
    path2: { ...base, d: f('now a file\n', T + 4) },
    expect: both({ ...base, d: f('now a file\n', T + 4) }),
  },
  {
    name: 'two-way: empty folder deleted on path2 goes on path1; nested new empty folders appear',
    rule: rule('two-way'),
    base: { ...base, old: dir },
    path1: { ...base, old: dir },
    path2: { ...base, n1: dir, 'n1/n2': dir },
    expect: both({ ...base, n1: dir, 'n1/n2': dir }),
  },
  {
    name: 'two-way: excluded folder is neither synced nor deleted',
    rule: rule('two-way', { exclude: ['build/**', '*.log'] }),
    base,
    path1: { ...base, build: dir, 'build/out.js': f('js'), 'x.log': f('log') },
    path2: base,
    expect: { path1: { ...base, build: dir, 'build/out.js': f('js'), 'x.log': f('log') }, path2: base },
  },
  {
    name: 'two-way: include filter syncs only matching files',
    rule: rule('two-way', { include: ['*.md'] }),
    base: null,
    path1: { 'a.md': f('md'), 'b.txt': f('txt') },
    path2: {},
    expect: { path1: { 'a.md': f('md'), 'b.txt': f('txt') }, path2: { 'a.md': f('md') } },
  },
  {
    name: 'two-way: max-delete by count aborts and changes nothing',
    rule: rule('two-way', { maxDeleteCount: 1, expectAbort: true }),
    base,
    path1: { 'a.txt': f('alpha\n') },
    path2: { ...base, 'n.txt': f('new') },
    expect: { path1: { 'a.txt': f('alpha\n') }, path2: { ...base, 'n.txt': f('new') } },
  },
  {
    name: 'two-way: a side that lists empty never turns into mass deletes',
    rule: rule('two-way', { maxDeletePercent: 100, expectAbort: true }),
    base,
    path1: {},
    path2: base,
    expect: { path1: {}, path2: base },
  },
  // ---- copy ----------------------------------------------------------------------------
  {
    name: 'copy: a new folder tree reaches the destination',
    rule: rule('copy'),
    base,
    path1: { ...base, d: dir, 'd/e': dir, 'd/e/x.md': f('x', T + 1) },
    path2: base,
    expect: both({ ...base, d: dir, 'd/e': dir, 'd/e/x.md': f('x', T + 1) }),
  },
  {
    name: 'copy: both changed, newer source wins, destination version kept beside it',
    rule: rule('copy'),
    base,
    path1: { ...base, 'a.txt': f('src\n', T + 300) },
    path2: { ...base, 'a.txt': f('dst\n', T + 200) },
    expect: {
      path1: { ...base, 'a.txt': f('src\n', T + 300) },
      path2: { ...base, 'a.txt': f('src\n', T + 300), 'a.conflict-*.txt': { content: 'dst\n', mtime: '*' } },
    },
  },
  {
    name: 'copy: deleted at the destination, unchanged at the source: left alone',
    rule: rule('copy'),
    base,
    path1: base,
    path2: without(base, 'a.txt'),
    expect: { path1: base, path2: without(base, 'a.txt') },
  },
  // ---- one-way -------------------------------------------------------------------------
  {
    name: 'one-way: a rename into a folder is a rename at the destination',
    rule: rule('one-way'),
    base,
    path1: { ...without(base, 'big.bin'), keep: dir, 'keep/big.bin': base['big.bin']! },
    path2: base,
    expect: both({ ...without(base, 'big.bin'), keep: dir, 'keep/big.bin': base['big.bin']! }),
    expectBytes: 0,
  },
  {
    name: 'one-way: a folder deleted at the source goes at the destination',
    rule: rule('one-way'),
    base: { ...base, d: dir, 'd/x.txt': f('x\n') },
    path1: base,
    path2: { ...base, d: dir, 'd/x.txt': f('x\n') },
    expect: both(base),
  },
  {
    name: 'one-way: changed at the source overwrites an unchanged destination',
    rule: rule('one-way'),
    base,
    path1: { ...base, 'b.txt': f('bravo 2\n', T + 1) },
    path2: base,
    expect: both({ ...base, 'b.txt': f('bravo 2\n', T + 1) }),
  },
  {
    name: 'one-way: a source file replaced by a folder replaces the destination file',
    rule: rule('one-way'),
    base,
    path1: { ...without(base, 'b.txt'), 'b.txt': dir, 'b.txt/in': f('in', T + 1) },
    path2: base,
    expect: both({ ...without(base, 'b.txt'), 'b.txt': dir, 'b.txt/in': f('in', T + 1) }),
  },
  // ---- move ----------------------------------------------------------------------------
  {
    name: 'move: a nested tree moves, the source keeps its folders',
    rule: rule('move'),
    base: {},
    path1: { d: dir, 'd/e': dir, 'd/e/1.txt': f('1'), 'd/2.txt': f('2') },
    path2: {},
    expect: {
      path1: { d: dir, 'd/e': dir },
      path2: { d: dir, 'd/e': dir, 'd/e/1.txt': f('1'), 'd/2.txt': f('2') },
    },
  },
  {
    name: 'move: the same bytes already at the destination: the source copy just goes',
    rule: rule('move'),
    base: {},
    path1: { 'r.pdf': f('%PDF\n', T + 1) },
    path2: { 'r.pdf': f('%PDF\n', T + 2) },
    expect: { path1: {}, path2: { 'r.pdf': f('%PDF\n', T + 2) } },
    expectBytes: 0,
  },
];
