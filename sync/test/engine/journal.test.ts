// The journal against a real PostgreSQL: idempotent migration, SKIP LOCKED claims shared by
// concurrent workers, leases that expire when a holder dies, fenced updates, the rule lease.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PlannedOp } from '../../src/engine/plan-types.js';
import { migrateJournal, type NewOp } from '../../src/journal/index.js';
import { type TestJournal, testJournal } from './pg.js';

function mkdirOp(seq: number, phase = 2): NewOp {
  const spec: PlannedOp = {
    kind: 'mkdir',
    phase,
    reason: 'test',
    baseline: {},
    at: { side: 'path2', path: `d${seq}` },
  };
  return {
    seq,
    phase,
    kind: 'mkdir',
    src_remote: null,
    src_path: null,
    dst_remote: 'r2',
    dst_path: `d${seq}`,
    src_expect: null,
    dst_expect: null,
    spec,
  };
}

describe('journal', () => {
  let db: TestJournal;
  before(async () => {
    db = await testJournal('journal');
  });
  after(async () => {
    await db?.close();
  });

  it('migrates idempotently, also from several processes at once', async () => {
    await Promise.all([1, 2, 3].map(() => migrateJournal(db.pool, db.schema)));
    await migrateJournal(db.pool, db.schema);
    await assert.rejects(migrateJournal(db.pool, 'bad; drop table x'), /invalid schema name/);
  });

  it('concurrent workers claim each row exactly once, phase by phase', async () => {
    const { ops } = db.journal;
    const runId = randomUUID();
    const rows = Array.from({ length: 40 }, (_, i) => mkdirOp(i, i < 30 ? 2 : 3));
    await ops.createRun('rule-claim', runId, rows, { set: [], drop: [] });
    const claimed: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, async (_, w) => {
        for (;;) {
          const row = await ops.claim(runId, 2, `w${w}`, 10_000);
          if (!row) return;
          assert.equal(row.previous, 'planned');
          claimed.push(row.id);
          await ops.complete(row, `w${w}`, 0, { set: [], drop: [] });
        }
      }),
    );
    assert.equal(claimed.length, 30);
    assert.equal(new Set(claimed).size, 30, 'no row claimed twice');
    assert.deepEqual(await ops.open(runId, 3), { claimable: 10, leased: 0 });
    const counts = await db.journal.runs.counts(runId);
    assert.equal(counts.done, 30);
  });

  it('a dead holder’s row is claimable once its lease runs out, and the dead holder is fenced off', async () => {
    const { ops } = db.journal;
    const runId = randomUUID();
    await ops.createRun('rule-lease', runId, [mkdirOp(0)], { set: [], drop: [] });
    const first = await ops.claim(runId, 2, 'dead', 300);
    assert.ok(first);
    await ops.saveSession(
      first.id,
      'dead',
      { provider: 'local', path: 'x', offset: 5, data: {}, options: {} },
      5,
    );
    assert.equal(await ops.claim(runId, 2, 'alive', 300), null, 'still leased');
    assert.deepEqual(await ops.open(runId, 2), { claimable: 0, leased: 1 });
    await sleep(400);
    const again = await ops.claim(runId, 2, 'alive', 10_000);
    assert.ok(again);
    assert.equal(again.previous, 'running', 'the new holder knows it was interrupted');
    assert.equal(again.session?.offset, 5, 'and finds the persisted session');
    assert.equal(again.attempts, 2);
    await assert.rejects(ops.complete(first, 'dead', 0, { set: [], drop: [] }), /lease lost/);
    await ops.complete(again, 'alive', 0, { set: [], drop: [] });
  });

  it('completing a row applies its baseline change in the same transaction', async () => {
    const { ops, baselines } = db.journal;
    const runId = randomUUID();
    await ops.createRun('rule-base', runId, [mkdirOp(0)], { set: [], drop: [] });
    const row = (await ops.claim(runId, 2, 'w', 10_000))!;
    const state = { kind: 'folder' as const, size: 0, mtime: null, providerId: null, etag: null };
    await ops.complete(row, 'w', 0, {
      set: [{ path: 'd0', kind: 'folder', path1: state, path2: state }],
      drop: [],
    });
    assert.deepEqual([...(await baselines.load('rule-base')).keys()], ['d0']);
  });

  it('batch claims never hand a row to two workers; a group completion refuses only the rows it lost', async () => {
    const { ops, baselines } = db.journal;
    const runId = randomUUID();
    await ops.createRun(
      'rule-batch',
      runId,
      Array.from({ length: 50 }, (_, i) => mkdirOp(i)),
      {
        set: [],
        drop: [],
      },
    );
    const batches = await Promise.all([1, 2, 3, 4].map((w) => ops.claimBatch(runId, 2, `w${w}`, 10_000, 20)));
    const ids = batches.flat().map((r) => r.id);
    assert.equal(ids.length, 50, 'every row claimed');
    assert.equal(new Set(ids).size, 50, 'none claimed twice');
    const mine = batches.find((b) => b.length >= 2)!;
    const worker = `w${batches.indexOf(mine) + 1}`;
    // Another worker takes over one row (as after an expired lease): only that one is refused.
    await db.pool.query(`UPDATE "${db.schema}".sync_ops SET claimed_by = 'thief' WHERE id = $1`, [
      mine[0]!.id,
    ]);
    const state = { kind: 'folder' as const, size: 0, mtime: null, providerId: null, etag: null };
    const lost = await ops.completeMany(
      worker,
      mine.map((row) => ({
        row,
        bytes: 0,
        baseline: {
          set: [{ path: row.dstPath, kind: 'folder' as const, path1: state, path2: state }],
          drop: [],
        },
      })),
    );
    assert.deepEqual([...lost], [mine[0]!.id]);
    const saved = await baselines.load('rule-batch');
    assert.ok(!saved.has(mine[0]!.dstPath), 'the lost row’s baseline effect is not applied');
    assert.equal(saved.size, mine.length - 1);
    const counts = await db.journal.runs.counts(runId);
    assert.equal(counts.done, mine.length - 1);
  });

  it('lease renewals and a group completion over the same rows never deadlock', async () => {
    const { ops } = db.journal;
    const runId = randomUUID();
    await ops.createRun(
      'rule-deadlock',
      runId,
      Array.from({ length: 300 }, (_, i) => mkdirOp(i)),
      {
        set: [],
        drop: [],
      },
    );
    const rows = await ops.claimBatch(runId, 2, 'w', 60_000, 300);
    const ids = rows.map((r) => r.id);
    const shuffled = () => [...ids].sort(() => Math.random() - 0.5);
    // The heartbeat renews while the completer records: both touch all 300 rows at once.
    const renewals = Array.from({ length: 12 }, () => ops.renewLeases('w', shuffled(), 60_000));
    const lost = await ops.completeMany(
      'w',
      [...rows].reverse().map((row) => ({ row, bytes: 0, baseline: { set: [], drop: [] } })),
    );
    await Promise.all(renewals);
    assert.equal(lost.size, 0);
    assert.equal((await db.journal.runs.counts(runId)).done, 300);
  });

  it('rows claimed but never started are given back as they were', async () => {
    const { ops } = db.journal;
    const runId = randomUUID();
    await ops.createRun('rule-release', runId, [mkdirOp(0), mkdirOp(1)], { set: [], drop: [] });
    const rows = await ops.claimBatch(runId, 2, 'w', 60_000, 10);
    assert.equal(rows.length, 2);
    await ops.release('w', rows);
    assert.deepEqual(await ops.open(runId, 2), { claimable: 2, leased: 0 });
    const again = await ops.claimBatch(runId, 2, 'other', 60_000, 10);
    assert.deepEqual(
      again.map((r) => [r.previous, r.attempts]),
      [
        ['planned', 1],
        ['planned', 1],
      ],
      'planned again, and the aborted claim does not count as an attempt',
    );
  });

  it('baseline effects applied together end as if applied one after the other', async () => {
    const { baselines } = db.journal;
    const state = (size: number) => ({ kind: 'file' as const, size, mtime: 1, providerId: null, etag: null });
    const entry = (path: string, size: number) => ({
      path,
      kind: 'file' as const,
      path1: state(size),
      path2: state(size),
      content: size === 2 ? Buffer.from('base\n') : null,
    });
    const client = await db.pool.connect();
    try {
      await baselines.applyInOrder(client, 'rule-order', [
        { set: [entry('a', 1), entry('b', 1)], drop: [] },
        { set: [], drop: ['a'] },
        { set: [entry('b', 2), entry('c', 1)], drop: [] },
        { set: [], drop: ['c'] },
        { set: [entry('c', 3)], drop: [] },
      ]);
    } finally {
      client.release();
    }
    const saved = await baselines.load('rule-order');
    assert.deepEqual([...saved.keys()].sort(), ['b', 'c']);
    assert.equal(saved.get('b')!.path1.size, 2, 'the later set wins');
    assert.equal(saved.get('b')!.content?.toString(), 'base\n', 'merge bases survive the batch');
    assert.equal(saved.get('c')!.path1.size, 3, 'a set after a drop restores the path');
  });

  it('one holder per rule; a lease that is not renewed expires', async () => {
    const { locks } = db.journal;
    assert.ok(await locks.acquire('rule-lock', 'a', 300));
    assert.equal(await locks.acquire('rule-lock', 'b', 300), null);
    assert.ok(await locks.renew('rule-lock', 'a', 300));
    assert.ok(await locks.acquire('rule-lock', 'a', 300), 're-entrant for the same holder');
    await sleep(400);
    const token = await locks.acquire('rule-lock', 'b', 10_000);
    assert.ok(token && token > 1, 'taken over with a newer fencing token');
    assert.equal(await locks.renew('rule-lock', 'a', 300), false, 'the old holder learns it lost the lease');
    await locks.release('rule-lock', 'b');
    assert.equal(await locks.holder('rule-lock'), null);
  });
});
