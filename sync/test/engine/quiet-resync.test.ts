// The no-change re-sync driven by change feeds: a local source watched by its real watcher and a
// trusted S3 destination. After a run that left both sides agreeing, the next run confirms
// without listing; any change of the source (or a foreign change of the destination reported
// by graph diffs), a rule edit, a crash-left run or `full` makes it list again, and what it
// then finds is synced. Also: a change sink (the graph write-back) hears what each run wrote.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ChangeTracker } from '../../src/engine/change-tracker.js';
import { SyncEngine } from '../../src/engine/runner.js';
import type { ChangeSink } from '../../src/engine/write-back.js';
import { createLocalProvider, type LocalProvider } from '../../src/providers/local/index.js';
import { createS3Provider } from '../../src/providers/s3/index.js';
import type { Change, Provider } from '../../src/providers/types.js';
import { s3Config } from '../s3-fixture.js';
import { type TestJournal, testJournal } from './pg.js';

async function names(p: Provider, path: string): Promise<string[]> {
  const out: string[] = [];
  for await (const e of p.list(path)) if (e.kind === 'file') out.push(e.path);
  return out.sort();
}

/** Until the watcher has reported a change under `folder`, and a little longer for the rest. */
async function seen(
  tracker: ChangeTracker,
  remote: string,
  folder: string,
  since: ReturnType<ChangeTracker['cursor']>,
) {
  for (let i = 0; i < 100 && tracker.quiet(remote, folder, since); i++) await sleep(50);
  await sleep(400); // one edit can be several watcher batches (~100 ms apart)
}

describe('quiet re-sync (change feeds) and graph write-back', () => {
  let db: TestJournal;
  let root: string;
  let local: LocalProvider;
  let s3: Provider;
  let tracker: ChangeTracker;
  let engine: SyncEngine;
  const heard: { remoteId: string; changes: Change[]; cause: { type: string } }[] = [];
  const sink: ChangeSink = {
    applyChanges: async (input) => {
      heard.push(input);
    },
  };
  const rule = {
    id: 'quiet-rule',
    ownerId: 'owner-q',
    path1: { remote: 'disk', path: 'docs' },
    path2: { remote: 'bucket', path: 'backup' },
    mode: 'one-way' as const,
    maxDelete: { percent: 100 },
  };

  before(async () => {
    db = await testJournal('quiet');
    root = await mkdtemp(join(tmpdir(), 'syncoxide-quiet-'));
    await mkdir(join(root, 'docs', 'sub'), { recursive: true });
    for (let i = 0; i < 20; i++) await writeFile(join(root, 'docs', 'sub', `f${i}.txt`), `file ${i}\n`);
    local = await createLocalProvider(root);
    s3 = createS3Provider(await s3Config());
    tracker = new ChangeTracker();
    await tracker.watch('disk', local);
    tracker.trust('bucket');
    const providers = new Map<string, Provider>([
      ['disk', local],
      ['bucket', s3],
    ]);
    engine = new SyncEngine({
      journal: db.journal,
      provider: (r) => providers.get(r)!,
      tracker,
      graph: sink,
    });
  });
  after(async () => {
    tracker?.close();
    await s3?.close();
    await db?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('a clean run is followed by runs that confirm without listing', async () => {
    const first = await engine.run(rule);
    assert.equal(first.result, 'ok');
    assert.equal(first.listed, true);
    assert.equal((await names(s3, 'backup')).length, 20);
    const again = await engine.run(rule);
    assert.equal(again.listed, false, 'confirmed by the feeds');
    assert.equal(again.result, 'unchanged');
    assert.equal(again.moved.files, 0);
    const status = await engine.status(rule.id);
    assert.ok(
      status?.notes.some((n) => n.includes('change feeds')),
      JSON.stringify(status),
    );
  });

  it('the graph write-back heard every file the run wrote, as cause "sync"', () => {
    const upserts = heard.flatMap((h) => h.changes.filter((c) => c.type === 'upsert'));
    assert.ok(heard.every((h) => h.remoteId === 'bucket' && h.cause.type === 'sync'));
    assert.equal(upserts.filter((c) => c.entry?.kind === 'file').length, 20);
    const one = upserts.find((c) => c.path === 'backup/sub/f3.txt');
    assert.equal(one?.entry?.size, 'file 3\n'.length);
    assert.ok(one?.entry?.hashes.md5, 'the version written carries its md5');
  });

  it('a change of the source makes the next run list and sync it', async () => {
    const since = tracker.cursor(['disk']);
    await writeFile(join(root, 'docs', 'sub', 'f1.txt'), 'changed content\n');
    await unlink(join(root, 'docs', 'sub', 'f2.txt'));
    await seen(tracker, 'disk', 'docs', since);
    heard.length = 0;
    const run = await engine.run(rule);
    assert.equal(run.listed, true);
    assert.equal(run.result, 'ok');
    const files = await names(s3, 'backup');
    assert.equal(files.length, 19);
    assert.ok(!files.includes('backup/sub/f2.txt'));
    const body = await s3.read('backup/sub/f1.txt');
    let text = '';
    for await (const c of body) text += c;
    assert.equal(text, 'changed content\n');
    assert.ok(
      heard.some((h) => h.changes.some((c) => c.type === 'delete' && c.path === 'backup/sub/f2.txt')),
    );
    // A late watcher batch of the same edits may cost one more listing, never more.
    const next = await engine.run(rule);
    assert.equal(next.moved.files, 0);
    if (next.listed) assert.equal((await engine.run(rule)).listed, false, 'quiet again after a clean run');
  });

  it('changes outside the rule folders leave it quiet; foreign changes of the destination do not', async () => {
    const since = tracker.cursor(['disk']);
    await writeFile(join(root, 'elsewhere.txt'), 'not in the rule');
    await seen(tracker, 'disk', '', since);
    assert.equal((await engine.run(rule)).listed, false);
    // A graph diff of someone else's write into the destination (as the diff consumer notes it).
    tracker.note('bucket', ['backup/sub/f5.txt']);
    const run = await engine.run(rule);
    assert.equal(run.listed, true);
    assert.equal(run.result, 'unchanged');
  });

  it('full runs, rule edits and a lost watch list again', async () => {
    assert.equal((await engine.run(rule)).listed, false);
    assert.equal((await engine.run(rule, { full: true })).listed, true);
    assert.equal((await engine.run(rule)).listed, false);
    const edited = { ...rule, exclude: ['*.tmp'] };
    assert.equal((await engine.run(edited)).listed, true, 'an edited rule lists');
    assert.equal((await engine.run(edited)).listed, false);
    // A tracker that never watched the source vouches for nothing.
    const blind = new SyncEngine({
      journal: db.journal,
      provider: (r) => (r === 'disk' ? local : s3),
      tracker: new ChangeTracker(),
    });
    await blind.run(edited);
    assert.equal((await blind.run(edited)).listed, true);
  });
});
