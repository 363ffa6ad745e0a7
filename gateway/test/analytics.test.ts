// Analytics and cleanup through the real pipeline (two local remotes → graph → relay → Kafka →
// indexer and the events recorder → OpenSearch), on a generated library whose every figure is
// known: each statistic and report is checked against counts and bytes computed from the spec.
import assert from 'node:assert/strict';
import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { eventsIndex, GraphEventsRecorder } from '@syncoxide/analytics';
import { createKafka } from '@syncoxide/indexer';
import { CONNECT } from './fixtures.js';
import { type Client, eventually, startTestGateway, type TestGateway } from './harness.js';

const DAY = 86_400_000;
/** Waits for the pipeline (relay → Kafka → indexer) on a loaded machine: a ceiling, not a timing. */
const settle = <T>(check: () => Promise<T | undefined | false>) => eventually(check, 90_000);
const NOW = Date.now();

interface Spec {
  bytes: number;
  /** Content seed: equal seeds give equal content (duplicates). */
  seed: string;
  ageDays: number;
  category: string;
  extension: string;
}
const f = (bytes: number, seed: string, ageDays: number, category: string, extension: string): Spec => ({
  bytes,
  seed,
  ageDays,
  category,
  extension,
});

// Remote A ("Laptop") and B ("Backup"). D1: three copies (two on A, one on B); X1: two (A, B).
const A: Record<string, Spec> = {
  'docs/report.pdf': f(1000, 'X1', 10, 'pdf', 'pdf'),
  'docs/notes.txt': f(200, 'notes', 10, 'document', 'txt'),
  'docs/same-size.txt': f(777, 'a', 20, 'document', 'txt'),
  'docs/old/ancient.doc': f(3000, 'ancient', 1000, 'document', 'doc'),
  'docs/report.conflict-path1-20240131-154500.pdf': f(500, 'conflict', 40, 'pdf', 'pdf'),
  'photos/a.jpg': f(5000, 'D1', 100, 'image', 'jpg'),
  'photos/b.jpg': f(5000, 'D1', 50, 'image', 'jpg'),
  'music/song.mp3': f(153_600, 'song', 400, 'audio', 'mp3'),
  'big/movie.mp4': f(300_000, 'movie', 200, 'video', 'mp4'),
  'near/one.txt': f(10, 'one', 5, 'document', 'txt'),
  NOTICE: f(7, 'notice', 3, 'other', '(none)'),
};
const B: Record<string, Spec> = {
  'backup/a-copy.jpg': f(5000, 'D1', 31, 'image', 'jpg'),
  'backup/report.pdf': f(1000, 'X1', 5, 'pdf', 'pdf'),
  'backup/same-size.txt': f(777, 'b', 20, 'document', 'txt'),
  'other.txt': f(300, 'other', 2, 'document', 'txt'),
};
const EMPTY_FOLDERS_A = ['empty', 'empty/nested'];

const content = (s: Spec) => Buffer.alloc(s.bytes, s.seed);

async function makeLibrary(root: string, files: Record<string, Spec>, emptyDirs: string[] = []) {
  for (const [path, spec] of Object.entries(files)) {
    const abs = join(root, path);
    await mkdir(dirname(abs), { recursive: true });
    await writeFile(abs, content(spec));
    const t = new Date(NOW - spec.ageDays * DAY);
    await utimes(abs, t, t);
  }
  for (const d of emptyDirs) await mkdir(join(root, d), { recursive: true });
}

const all = (): Array<[string, string, Spec]> => [
  ...Object.entries(A).map(([p, s]) => ['A', p, s] as [string, string, Spec]),
  ...Object.entries(B).map(([p, s]) => ['B', p, s] as [string, string, Spec]),
];
const sum = (specs: Spec[]) => specs.reduce((n, s) => n + s.bytes, 0);
function tally(key: (s: Spec, remote: string, path: string) => string | null) {
  const out: Record<string, { files: number; bytes: number }> = {};
  for (const [remote, path, s] of all()) {
    const k = key(s, remote, path);
    if (k === null) continue;
    out[k] ??= { files: 0, bytes: 0 };
    out[k].files++;
    out[k].bytes += s.bytes;
  }
  return out;
}
const asMap = (buckets: Array<{ key: string; files: number; bytes: number }>) =>
  Object.fromEntries(
    buckets.filter((b) => b.files > 0).map((b) => [b.key, { files: b.files, bytes: b.bytes }]),
  );

let gw: TestGateway;
let alice: Client;
let bob: Client;
let recorder: GraphEventsRecorder;
const remotes: Record<string, { id: string; root: string }> = {};
const remoteKey = (id: string) => Object.entries(remotes).find(([, r]) => r.id === id)?.[0];

async function connect(c: Client, name: string, files: Record<string, Spec>, emptyDirs: string[] = []) {
  const root = join(gw.localRoot, `${name}-${Math.random().toString(36).slice(2)}`);
  await makeLibrary(root, files, emptyDirs);
  const r = await c.ok<{ connectRemote: { remote: { id: string } } }>(CONNECT, {
    name,
    config: { type: 'local', root },
  });
  return { id: r.connectRemote.remote.id, root };
}

const OVERVIEW = `query($remoteId: ID) { storageOverview(remoteId: $remoteId) {
  files folders bytes trashFiles trashBytes
  byCategory { key files bytes } byExtension(first: 100) { key files bytes } byRemote { key files bytes }
  sizeDistribution { key from to files bytes } ageDistribution { key from to files bytes }
  growth { at files bytes totalFiles totalBytes }
  largestFolders(first: 3) { remoteId path files bytes }
  remotes { remote { id name } files bytes connected used }
} }`;
type Buckets = Array<{ key: string; files: number; bytes: number }>;
type Overview = {
  storageOverview: {
    files: number;
    folders: number;
    bytes: number;
    trashFiles: number;
    trashBytes: number;
    byCategory: Buckets;
    byExtension: Buckets;
    byRemote: Buckets;
    sizeDistribution: Buckets;
    ageDistribution: Buckets;
    growth: Array<{ files: number; bytes: number; totalFiles: number; totalBytes: number }>;
    largestFolders: Array<{ remoteId: string; path: string; files: number; bytes: number }>;
    remotes: Array<{
      remote: { id: string; name: string };
      files: number;
      bytes: number;
      connected: boolean;
      used: number | null;
    }>;
  };
};
const overview = async (c: Client = alice, remoteId?: string) =>
  (await c.ok<Overview>(OVERVIEW, remoteId ? { remoteId } : {})).storageOverview;

const REPORT = `mutation($kind: CleanupKind!, $options: CleanupReportOptions) {
  makeCleanupReport(kind: $kind, options: $options) { id kind totalItems groups reclaimableBytes truncated notes csvUrl jsonUrl
    items(first: 50) { id remoteId path size revision group keep files reclaimableBytes } } }`;
type Item = {
  id: string;
  remoteId: string;
  path: string;
  size: number;
  group: string | null;
  keep: boolean;
  files: number;
  reclaimableBytes: number;
};
type Report = {
  id: string;
  totalItems: number;
  groups: number;
  reclaimableBytes: number;
  truncated: boolean;
  notes: string[];
  csvUrl: string;
  jsonUrl: string;
  items: Item[];
};
const report = async (kind: string, options: Record<string, unknown> = {}, c: Client = alice) =>
  (await c.ok<{ makeCleanupReport: Report }>(REPORT, { kind, options })).makeCleanupReport;
const paths = (r: Report) => r.items.map((i) => `${remoteKey(i.remoteId)}:${i.path}`).sort();

const TOTAL_FILES = Object.keys(A).length + Object.keys(B).length;
// Folders: A: docs, docs/old, photos, music, big, near, empty, empty/nested; B: backup.
const TOTAL_FOLDERS = 9;

before(async () => {
  gw = await startTestGateway({ pipeline: true });
  recorder = new GraphEventsRecorder({
    kafka: createKafka({ brokers: gw.config.kafka.brokers, clientId: 'analytics-test' }),
    client: gw.conn.search,
    topicPrefix: `${gw.names.indexPrefix}.`,
    indexPrefix: gw.names.indexPrefix,
  });
  await recorder.start();
  alice = await gw.user('alice');
  bob = await gw.user('bob');
  remotes.A = await connect(alice, 'Laptop', A, EMPTY_FOLDERS_A);
  remotes.B = await connect(alice, 'Backup', B);
  await eventually(async () => {
    const o = await overview();
    return o.files === TOTAL_FILES && o.folders === TOTAL_FOLDERS;
  }, 60_000);
});

after(async () => {
  await recorder?.stop();
  await gw?.conn.search.indices.delete({ index: eventsIndex(gw.names.indexPrefix) }).catch(() => {});
  await gw?.close();
});

test('overview: totals, categories, extensions, remotes, sizes, ages and growth match the library exactly', async () => {
  const o = await overview();
  const specs = all().map(([, , s]) => s);
  assert.equal(o.files, TOTAL_FILES);
  assert.equal(o.bytes, sum(specs));
  assert.equal(o.folders, TOTAL_FOLDERS);
  assert.deepEqual([o.trashFiles, o.trashBytes], [0, 0]);
  assert.deepEqual(
    asMap(o.byCategory),
    tally((s) => s.category),
  );
  assert.deepEqual(
    asMap(o.byExtension),
    tally((s) => s.extension),
  );
  assert.deepEqual(
    Object.fromEntries(o.byRemote.map((b) => [remoteKey(b.key), { files: b.files, bytes: b.bytes }])),
    tally((_s, r) => r),
  );
  assert.deepEqual(
    asMap(o.sizeDistribution),
    tally((s) => (s.bytes < 100 * 1024 ? 'tiny' : 'small')),
  );
  const ageKey = (days: number) =>
    days < 30
      ? 'under_1_month'
      : days < 182
        ? '1_to_6_months'
        : days < 365
          ? '6_to_12_months'
          : days < 730
            ? '1_to_2_years'
            : days < 1826
              ? '2_to_5_years'
              : 'over_5_years';
  assert.deepEqual(
    asMap(o.ageDistribution),
    tally((s) => ageKey(s.ageDays)),
  );
  const last = o.growth[o.growth.length - 1]!;
  assert.deepEqual([last.totalFiles, last.totalBytes], [o.files, o.bytes]);
  assert.equal(
    o.growth.reduce((n, p) => n + p.files, 0),
    o.files,
  );
  // Largest folders, recursive: every file below counts.
  const bySize: Record<string, { files: number; bytes: number }> = {};
  for (const [r, p, s] of all()) {
    const parts = p.split('/');
    for (let i = 1; i < parts.length; i++) {
      const k = `${r}:${parts.slice(0, i).join('/')}`;
      bySize[k] ??= { files: 0, bytes: 0 };
      bySize[k].files++;
      bySize[k].bytes += s.bytes;
    }
  }
  const expected = Object.entries(bySize)
    .sort((x, y) => y[1].bytes - x[1].bytes)
    .slice(0, 3)
    .map(([k, v]) => ({ key: k, ...v }));
  assert.deepEqual(
    o.largestFolders.map((x) => ({
      key: `${remoteKey(x.remoteId)}:${x.path}`,
      files: x.files,
      bytes: x.bytes,
    })),
    expected,
  );
  // Per remote: indexed totals beside the provider's own usage.
  const perRemote = Object.fromEntries(o.remotes.map((r) => [r.remote.name, r]));
  assert.equal(perRemote.Laptop?.bytes, sum(Object.values(A)));
  assert.equal(perRemote.Backup?.files, Object.keys(B).length);
  assert.ok(perRemote.Laptop?.connected);
  // One remote only.
  const onlyB = await overview(alice, o.remotes.find((r) => r.remote.name === 'Backup')!.remote.id);
  assert.deepEqual(
    [onlyB.files, onlyB.bytes, onlyB.folders],
    [Object.keys(B).length, sum(Object.values(B)), 1],
  );
});

test('reports: large, old, conflict copies, empty and near-empty folders, duplicates — exact items and bytes', async () => {
  const large = await report('LARGE_FILES', { minSize: 100_000 });
  assert.deepEqual(paths(large), ['A:big/movie.mp4', 'A:music/song.mp3']);
  assert.equal(large.reclaimableBytes, 453_600);

  const old = await report('OLD_FILES', { olderThanMonths: 24 });
  assert.deepEqual(paths(old), ['A:docs/old/ancient.doc']);
  assert.equal(old.reclaimableBytes, 3000);

  const conflicts = await report('CONFLICT_COPIES');
  assert.deepEqual(paths(conflicts), ['A:docs/report.conflict-path1-20240131-154500.pdf']);
  assert.equal(conflicts.reclaimableBytes, 500);

  const empty = await report('EMPTY_FOLDERS');
  assert.deepEqual(paths(empty), ['A:empty'], 'the nested empty folder goes with its parent');
  assert.equal(empty.reclaimableBytes, 0);
  const near = await report('EMPTY_FOLDERS', { maxFiles: 1 });
  assert.deepEqual(paths(near), ['A:big', 'A:docs/old', 'A:empty', 'A:music', 'A:near']);
  assert.equal(near.reclaimableBytes, 300_000 + 3000 + 153_600 + 10);

  const dups = await report('DUPLICATES');
  assert.equal(dups.groups, 2);
  assert.equal(dups.totalItems, 5);
  assert.equal(dups.reclaimableBytes, 2 * 5000 + 1000, 'every copy but one per group');
  assert.deepEqual(paths(dups), [
    'A:docs/report.pdf',
    'A:photos/a.jpg',
    'A:photos/b.jpg',
    'B:backup/a-copy.jpg',
    'B:backup/report.pdf',
  ]);
  assert.deepEqual(
    dups.items
      .filter((i) => i.keep)
      .map((i) => i.path)
      .sort(),
    ['docs/report.pdf', 'photos/a.jpg'],
    'the oldest copy is kept',
  );
  assert.ok(
    !paths(dups).some((p) => p.includes('same-size')),
    'equal sizes with different content are not duplicates',
  );

  const trash = await report('TRASH');
  assert.deepEqual([trash.totalItems, trash.reclaimableBytes], [0, 0]);

  const bad = await alice.gql(REPORT, { kind: 'LARGE_FILES', options: { limit: 100_000 } });
  assert.equal(bad.errors?.[0]?.extensions?.code, 'INVALID_INPUT');
});

test('reports download as CSV and JSON for their owner only', async () => {
  const dups = await report('DUPLICATES');
  const csv = await alice.fetch(dups.csvUrl);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
  const lines = (await csv.text()).trim().split('\r\n');
  assert.equal(lines.length, 1 + dups.items.length);
  assert.match(lines[0]!, /^nodeId,remoteId,kind,path,name,size/);
  assert.ok(lines.some((l) => l.includes('backup/a-copy.jpg,a-copy.jpg,5000')));
  const json = await alice.fetch(dups.jsonUrl);
  const body = (await json.json()) as { items: unknown[]; reclaimableBytes: number };
  assert.deepEqual([body.items.length, body.reclaimableBytes], [5, 11_000]);
  assert.equal((await bob.fetch(dups.csvUrl)).status, 404, 'another user: not found');
  assert.equal((await gw.client().fetch(dups.jsonUrl)).status, 401, 'anonymous: sign in');
});

const PLAN = `mutation($reportId: ID!, $itemIds: [ID!]) { planCleanup(reportId: $reportId, itemIds: $itemIds) {
  id files bytes executedAt items { action item { id path remoteId reclaimableBytes } } } }`;
const EXECUTE = `mutation($planId: ID!) { executeCleanup(planId: $planId) {
  files freedBytes done { item { id path } } skipped { reason item { path } } } }`;

test('cleanup: dry run, then duplicates across two remotes reduced to one copy; a file changed after the report is left alone; the trash restores them', async () => {
  const before = await overview();
  const dups = await report('DUPLICATES');
  const plan = (
    await alice.ok<{
      planCleanup: {
        id: string;
        files: number;
        bytes: number;
        items: Array<{ action: string; item: { id: string; path: string } }>;
      };
    }>(PLAN, { reportId: dups.id })
  ).planCleanup;
  assert.equal(plan.bytes, dups.reclaimableBytes, 'the dry run frees what the report says');
  assert.deepEqual(plan.items.map((i) => i.item.path).sort(), [
    'backup/a-copy.jpg',
    'backup/report.pdf',
    'photos/b.jpg',
  ]);
  assert.ok(plan.items.every((i) => i.action === 'TRASH'));
  assert.deepEqual((await overview()).bytes, before.bytes, 'a dry run changes nothing');

  // Changed on the provider after the report (the graph has not even seen it yet).
  const changed = join(remotes.B!.root, 'backup/report.pdf');
  await writeFile(changed, Buffer.alloc(1001, 'Y'));

  const r = (
    await alice.ok<{
      executeCleanup: {
        files: number;
        freedBytes: number;
        done: Array<{ item: { id: string; path: string } }>;
        skipped: Array<{ reason: string; item: { path: string } }>;
      };
    }>(EXECUTE, { planId: plan.id })
  ).executeCleanup;
  assert.deepEqual(r.done.map((d) => d.item.path).sort(), ['backup/a-copy.jpg', 'photos/b.jpg']);
  assert.deepEqual(r.skipped, [{ reason: 'changed', item: { path: 'backup/report.pdf' } }]);
  assert.equal(r.freedBytes, 10_000);
  assert.equal((await readFile(changed)).length, 1001, 'the changed file is untouched');

  const afterClean = await settle(async () => {
    const o = await overview();
    return o.trashFiles === 2 ? o : undefined;
  });
  assert.equal(before.bytes - afterClean.bytes, r.freedBytes, 'bytes freed match the report');
  assert.equal(afterClean.trashBytes, 10_000);
  const again = await report('DUPLICATES');
  assert.equal(again.groups, 0, 'one copy of each content is left');
  const trash = await report('TRASH');
  assert.deepEqual([trash.totalItems, trash.reclaimableBytes], [2, 10_000]);

  const twice = await alice.gql(EXECUTE, { planId: plan.id });
  assert.equal(twice.errors?.[0]?.extensions?.code, 'CONFLICT', 'a plan runs once');

  for (const d of r.done)
    await alice.ok('mutation($id: ID!) { restoreFile(id: $id) { trashed } }', { id: d.item.id });
  const restored = await settle(async () => {
    const o = await overview();
    return o.trashFiles === 0 ? o : undefined;
  });
  assert.equal(restored.bytes, before.bytes, 'the trash gives every byte back');
});

test('activity: change counts per file and remote from the events index, untouched files', async () => {
  const Q = `query { storageActivity(days: 30, untouchedMonths: 12, first: 5) {
    mostChangedFiles { path changes } activeFolders { path changes }
    untouchedFiles untouchedBytes changesPerRemote { remoteId points { created modified deleted moved } } } }`;
  const nodesA = Object.keys(A).length + 8;
  const a = await settle(async () => {
    const r = (
      await alice.ok<{
        storageActivity: {
          mostChangedFiles: Array<{ path: string; changes: number }>;
          activeFolders: unknown[];
          untouchedFiles: number;
          untouchedBytes: number;
          changesPerRemote: Array<{ remoteId: string; points: Array<Record<string, number>> }>;
        };
      }>(Q)
    ).storageActivity;
    // Trash and restore: two more changes for each cleaned copy. Wait until both copies' events
    // are recorded (the recorder may have written one and not yet the other).
    return r.mostChangedFiles.filter((x) => x.changes === 3).length >= 2 ? r : undefined;
  });
  assert.deepEqual(
    a.mostChangedFiles
      .filter((x) => x.changes === 3)
      .map((x) => x.path)
      .sort(),
    ['backup/a-copy.jpg', 'photos/b.jpg'],
  );
  assert.deepEqual([a.untouchedFiles, a.untouchedBytes], [2, 3000 + 153_600]);
  const created = Object.fromEntries(
    a.changesPerRemote.map((r) => [remoteKey(r.remoteId), r.points.reduce((n, p) => n + p.created!, 0)]),
  );
  assert.deepEqual(created, { A: nodesA, B: Object.keys(B).length + 1 });
});

test('health and transfers: remotes connected, a copy rule’s bytes per day from the journal', async () => {
  const rule = await alice.ok<{ createSyncRule: { id: string } }>(
    'mutation($rule: JSON!) { createSyncRule(name: "docs", rule: $rule) { id } }',
    {
      rule: {
        mode: 'copy',
        path1: { remote: remotes.A!.id, path: 'docs' },
        path2: { remote: remotes.B!.id, path: 'docs-copy' },
      },
    },
  );
  const ran = await alice.ok<{ runSyncRule: { result: string } }>(
    'mutation($id: ID!) { runSyncRule(id: $id) { result } }',
    {
      id: rule.createSyncRule.id,
    },
  );
  assert.equal(ran.runSyncRule.result, 'ok');
  const docs = Object.entries(A).filter(([p]) => p.startsWith('docs/'));
  const t = await alice.ok<{ transferStats: Array<{ files: number; bytes: number }> }>(
    '{ transferStats(interval: DAY) { at files bytes } }',
  );
  assert.deepEqual(
    t.transferStats.map((b) => [b.files, b.bytes]),
    [[docs.length, sum(docs.map(([, s]) => s))]],
  );
  const m = await alice.ok<{ transferStats: Array<{ files: number; bytes: number }> }>(
    '{ transferStats(interval: MONTH) { files bytes } }',
  );
  assert.equal(
    m.transferStats.reduce((n, b) => n + b.bytes, 0),
    sum(docs.map(([, s]) => s)),
  );

  const h = await alice.ok<{
    storageHealth: {
      remotes: Array<{ connected: boolean }>;
      rules: Array<{ result: string; enabled: boolean }>;
      pendingOperations: number;
      failedOperations: number;
      indexerLag: number | null;
    };
  }>(
    '{ storageHealth { remotes { connected error } rules { result enabled lastRunAt } pendingOperations failedOperations indexerLag indexerLagError } }',
  );
  assert.deepEqual(
    h.storageHealth.remotes.map((r) => r.connected),
    [true, true],
  );
  assert.deepEqual(
    h.storageHealth.rules.map((r) => [r.result, r.enabled]),
    [['ok', true]],
  );
  assert.deepEqual([h.storageHealth.pendingOperations, h.storageHealth.failedOperations], [0, 0]);
  const bt = await bob.ok<{ transferStats: unknown[] }>('{ transferStats { files } }');
  assert.deepEqual(bt.transferStats, [], 'another user sees no transfers');
});

test('cleanup of the trash purges for good; an empty folder goes to the trash', async () => {
  const notice = (
    await alice.ok<{ search: { edges: Array<{ node: { id: string } }> } }>(
      '{ search(text: "NOTICE") { edges { node { id } } } }',
    )
  ).search.edges[0]!.node.id;
  await alice.ok('mutation($id: ID!) { trashFile(id: $id) { trashed } }', { id: notice });
  const trash = await settle(async () => {
    const r = await report('TRASH');
    return r.totalItems === 1 ? r : undefined;
  });
  assert.equal(trash.reclaimableBytes, 7);
  const plan = (
    await alice.ok<{ planCleanup: { id: string; bytes: number; items: Array<{ action: string }> } }>(PLAN, {
      reportId: trash.id,
    })
  ).planCleanup;
  assert.deepEqual([plan.bytes, plan.items.map((i) => i.action)], [7, ['PURGE']]);
  const r = (
    await alice.ok<{ executeCleanup: { freedBytes: number; skipped: unknown[] } }>(EXECUTE, {
      planId: plan.id,
    })
  ).executeCleanup;
  assert.deepEqual([r.freedBytes, r.skipped], [7, []]);
  await assert.rejects(readFile(join(remotes.A!.root, 'NOTICE')), /ENOENT/, 'purged on the provider');

  const empty = await report('EMPTY_FOLDERS');
  const emptyPlan = (await alice.ok<{ planCleanup: { id: string } }>(PLAN, { reportId: empty.id }))
    .planCleanup;
  const done = (
    await alice.ok<{ executeCleanup: { done: Array<{ item: { path: string } }>; freedBytes: number } }>(
      EXECUTE,
      { planId: emptyPlan.id },
    )
  ).executeCleanup;
  assert.deepEqual([done.done.map((d) => d.item.path), done.freedBytes], [['empty'], 0]);
  await settle(async () => (await report('EMPTY_FOLDERS')).totalItems === 0); // nothing empty outside the trash
});

test('tenancy: another user sees none of it and cannot touch it', async () => {
  const o = await overview(bob);
  assert.deepEqual([o.files, o.bytes, o.folders, o.byCategory.length], [0, 0, 0, 0]);
  const mine = await report('DUPLICATES');
  assert.equal((await report('DUPLICATES', {}, bob)).totalItems, 0);
  const foreign = await bob.gql('query($id: ID!) { cleanupReport(id: $id) { id } }', { id: mine.id });
  assert.equal(foreign.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  const plan = await bob.gql(PLAN, { reportId: mine.id });
  assert.equal(plan.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  const alicePlan = (await alice.ok<{ planCleanup: { id: string } }>(PLAN, { reportId: mine.id }))
    .planCleanup;
  const exec = await bob.gql(EXECUTE, { planId: alicePlan.id });
  assert.equal(exec.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  const byRemote = await bob.gql(OVERVIEW, { remoteId: (await overview()).remotes[0]!.remote.id });
  assert.equal(byRemote.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  const anon = await gw.client().gql('{ storageOverview { files } }');
  assert.equal(anon.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
});
