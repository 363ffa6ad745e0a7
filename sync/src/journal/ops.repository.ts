// Journal rows: one per operation of a run (DESIGN-NOTES §3). Workers claim rows with
// SELECT … FOR UPDATE SKIP LOCKED and hold them by a lease they renew; a row whose holder died
// (lease expired) is claimable again, and the new holder sees that it was interrupted. Every
// update is fenced by the holder's id, so a worker that lost its lease cannot overwrite.
import { SyncoxideError } from '@syncoxide/core';
import type pg from 'pg';
import type { OpKind, PlannedOp } from '../engine/plan-types.js';
import type { BaselineEntry } from '../engine/state.js';
import type { UploadState } from '../providers/types.js';
import { BaselineRepository } from './baseline.repository.js';
import { inTransaction, quoteSchema } from './schema.js';

export type OpState = 'planned' | 'running' | 'verifying' | 'done' | 'failed';

export interface NewOp {
  seq: number;
  phase: number;
  kind: OpKind;
  src_remote: string | null;
  src_path: string | null;
  dst_remote: string;
  dst_path: string;
  src_expect: unknown;
  dst_expect: unknown;
  spec: PlannedOp;
}

export interface OpRow {
  id: number;
  runId: string;
  ruleId: string;
  phase: number;
  kind: OpKind;
  srcRemote: string | null;
  srcPath: string | null;
  dstRemote: string;
  dstPath: string;
  spec: PlannedOp;
  state: OpState;
  /** State before this claim: running/verifying means an earlier holder died mid-way. */
  previous: OpState;
  attempts: number;
  session: UploadState | null;
  bytes: number;
}

/** A row finished by its holder: what it moved and its baseline effect. */
export interface Completion {
  row: OpRow;
  bytes: number;
  baseline: { set: BaselineEntry[]; drop: string[] };
}

export function leaseLost(): SyncoxideError {
  return new SyncoxideError('CONFLICT', 'journal row is no longer ours (lease lost)', { retriable: false });
}

export class OpsRepository {
  private readonly s: string;
  readonly baselines: BaselineRepository;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    this.s = quoteSchema(schema);
    this.baselines = new BaselineRepository(pool, schema);
  }

  /** Writes a run, its operations and the baseline rows that need no operation, atomically. */
  async createRun(
    ruleId: string,
    runId: string,
    ops: NewOp[],
    baseline: { set: BaselineEntry[]; drop: string[] },
  ): Promise<void> {
    await inTransaction(this.pool, async (db) => {
      await db.query(`INSERT INTO ${this.s}.sync_runs (id, rule_id, state) VALUES ($1, $2, 'running')`, [
        runId,
        ruleId,
      ]);
      for (let i = 0; i < ops.length; i += 500) {
        await db.query(
          `INSERT INTO ${this.s}.sync_ops (run_id, rule_id, seq, phase, kind, src_remote, src_path,
             dst_remote, dst_path, src_expect, dst_expect, spec)
           SELECT $1, $2, seq, phase, kind, src_remote, src_path, dst_remote, dst_path, src_expect, dst_expect, spec
           FROM jsonb_to_recordset($3::jsonb) AS x(seq int, phase smallint, kind text, src_remote text,
             src_path text, dst_remote text, dst_path text, src_expect jsonb, dst_expect jsonb, spec jsonb)`,
          [runId, ruleId, JSON.stringify(ops.slice(i, i + 500))],
        );
      }
      await this.baselines.apply(db, ruleId, baseline.set, baseline.drop);
    });
  }

  /** Claims the next row of a phase (see `claimBatch`). */
  async claim(
    runId: string,
    phase: number,
    worker: string,
    leaseMs: number,
    held: number[] = [],
  ): Promise<OpRow | null> {
    return (await this.claimBatch(runId, phase, worker, leaseMs, 1, held))[0] ?? null;
  }

  /**
   * Claims up to `limit` rows of a phase, in plan order, that are planned or abandoned (lease
   * expired), except the rows in `held`: a caller still working on a row whose lease ran out
   * (a stalled renewal on a busy machine) must not take it a second time and run it twice at
   * once. One round trip for many small operations instead of one each.
   */
  async claimBatch(
    runId: string,
    phase: number,
    worker: string,
    leaseMs: number,
    limit: number,
    held: number[] = [],
  ): Promise<OpRow[]> {
    const { rows } = await this.pool.query(
      `WITH c AS (
         SELECT id, state AS previous FROM ${this.s}.sync_ops
         WHERE run_id = $1 AND phase = $2 AND NOT (id = ANY($5::bigint[]))
           AND (state = 'planned' OR (state IN ('running', 'verifying') AND lease_until < now()))
         ORDER BY seq LIMIT $6 FOR UPDATE SKIP LOCKED)
       UPDATE ${this.s}.sync_ops o SET
         state = CASE WHEN o.state = 'planned' THEN 'running' ELSE o.state END,
         claimed_by = $3, lease_until = now() + $4 * interval '1 millisecond',
         attempts = o.attempts + 1, started_at = coalesce(o.started_at, now()), updated_at = now()
       FROM c WHERE o.id = c.id
       RETURNING o.*, c.previous`,
      [runId, phase, worker, leaseMs, held, Math.max(1, limit)],
    );
    return rows
      .map(
        (r): OpRow => ({
          id: Number(r.id),
          runId: r.run_id,
          ruleId: r.rule_id,
          phase: r.phase,
          kind: r.kind,
          srcRemote: r.src_remote,
          srcPath: r.src_path,
          dstRemote: r.dst_remote,
          dstPath: r.dst_path,
          spec: r.spec,
          state: r.state,
          previous: r.previous,
          attempts: r.attempts,
          session: r.session,
          bytes: Number(r.bytes),
        }),
      )
      .sort((a, b) => a.id - b.id);
  }

  /**
   * Gives back claimed rows nobody started (the executor stopped with rows in hand): a row
   * that was planned is planned again, an interrupted one becomes claimable at once.
   */
  async release(worker: string, rows: Pick<OpRow, 'id' | 'previous'>[]): Promise<void> {
    if (rows.length === 0) return;
    await this.pool.query(
      `UPDATE ${this.s}.sync_ops o SET
         state = CASE WHEN x.previous = 'planned' THEN 'planned' ELSE o.state END,
         claimed_by = CASE WHEN x.previous = 'planned' THEN NULL ELSE o.claimed_by END,
         attempts = o.attempts - 1, lease_until = now(), updated_at = now()
       FROM unnest($1::bigint[], $2::text[]) AS x(id, previous)
       WHERE o.id = x.id AND o.claimed_by = $3`,
      [rows.map((r) => r.id), rows.map((r) => r.previous), worker],
    );
  }

  /** Open rows of a phase: claimable now, and held by a live lease (someone is on them). */
  async open(runId: string, phase: number): Promise<{ claimable: number; leased: number }> {
    const { rows } = await this.pool.query(
      `SELECT count(*) FILTER (WHERE state = 'planned' OR lease_until < now())::int AS claimable,
              count(*) FILTER (WHERE state <> 'planned' AND lease_until >= now())::int AS leased
       FROM ${this.s}.sync_ops WHERE run_id = $1 AND phase = $2 AND state IN ('planned', 'running', 'verifying')`,
      [runId, phase],
    );
    return rows[0];
  }

  async renewLeases(worker: string, ids: number[], leaseMs: number): Promise<void> {
    if (ids.length === 0) return;
    // Rows are locked in id order, as completeMany does: two multi-row updates of overlapping
    // rows in different orders deadlock.
    await this.pool.query(
      `WITH locked AS (
         SELECT id FROM ${this.s}.sync_ops WHERE id = ANY($1::bigint[]) AND claimed_by = $2
         ORDER BY id FOR UPDATE)
       UPDATE ${this.s}.sync_ops o SET lease_until = now() + $3 * interval '1 millisecond'
       FROM locked WHERE o.id = locked.id`,
      [ids, worker, leaseMs],
    );
  }

  private async fenced(
    sql: string,
    params: unknown[],
    db: Pick<pg.Pool, 'query'> = this.pool,
  ): Promise<void> {
    const r = await db.query(sql, params);
    if (r.rowCount !== 1) throw leaseLost();
  }

  async setState(id: number, worker: string, state: OpState): Promise<void> {
    await this.fenced(
      `UPDATE ${this.s}.sync_ops SET state = $3, updated_at = now() WHERE id = $1 AND claimed_by = $2`,
      [id, worker, state],
    );
  }

  /** Persists the resumable session (after each part) and the bytes moved so far. */
  async saveSession(id: number, worker: string, session: UploadState | null, bytes: number): Promise<void> {
    await this.fenced(
      `UPDATE ${this.s}.sync_ops SET session = $3, bytes = $4, updated_at = now() WHERE id = $1 AND claimed_by = $2`,
      [id, worker, session === null ? null : JSON.stringify(session), bytes],
    );
  }

  async noteError(id: number, worker: string, code: string, message: string): Promise<void> {
    await this.fenced(
      `UPDATE ${this.s}.sync_ops SET error_code = $3, last_error = $4, updated_at = now()
       WHERE id = $1 AND claimed_by = $2`,
      [id, worker, code, message],
    );
  }

  /** Marks the row done and applies its baseline effect in the same transaction. */
  async complete(
    op: OpRow,
    worker: string,
    bytes: number,
    baseline: { set: BaselineEntry[]; drop: string[] },
  ): Promise<void> {
    const lost = await this.completeMany(worker, [{ row: op, bytes, baseline }]);
    if (lost.size > 0) throw leaseLost();
  }

  /**
   * Marks rows done and applies their baseline effects (in the given order) in one
   * transaction. Rows no longer held by `worker` are left alone, their effects unapplied, and
   * returned: the caller refuses those one by one while the rest commit.
   */
  async completeMany(worker: string, done: Completion[]): Promise<Set<number>> {
    if (done.length === 0) return new Set();
    return inTransaction(this.pool, async (db) => {
      // Locked in id order (as renewLeases): overlapping multi-row updates must not deadlock.
      const { rows } = await db.query(
        `WITH locked AS (
           SELECT id FROM ${this.s}.sync_ops WHERE id = ANY($1::bigint[]) AND claimed_by = $3
           ORDER BY id FOR UPDATE)
         UPDATE ${this.s}.sync_ops o SET state = 'done', bytes = x.bytes, session = NULL,
           lease_until = NULL, finished_at = now(), updated_at = now()
         FROM locked JOIN unnest($1::bigint[], $2::bigint[]) AS x(id, bytes) ON x.id = locked.id
         WHERE o.id = locked.id
         RETURNING o.id`,
        [done.map((d) => d.row.id), done.map((d) => d.bytes), worker],
      );
      const ours = new Set(rows.map((r) => Number(r.id)));
      const byRule = new Map<string, { set: BaselineEntry[]; drop: string[] }[]>();
      for (const d of done) {
        if (!ours.has(d.row.id)) continue;
        const effects = byRule.get(d.row.ruleId) ?? [];
        effects.push(d.baseline);
        byRule.set(d.row.ruleId, effects);
      }
      for (const [ruleId, effects] of byRule) await this.baselines.applyInOrder(db, ruleId, effects);
      return new Set(done.map((d) => d.row.id).filter((id) => !ours.has(id)));
    });
  }

  /** Folders a run wrote files into, by remote (temps of its writes live beside them). */
  async writtenFolders(runId: string): Promise<Map<string, string[]>> {
    const { rows } = await this.pool.query(
      `SELECT DISTINCT dst_remote, regexp_replace(dst_path, '/?[^/]*$', '') AS folder
       FROM ${this.s}.sync_ops WHERE run_id = $1 AND kind IN ('copy', 'merge')
       UNION
       SELECT DISTINCT src_remote, regexp_replace(src_path, '/?[^/]*$', '') AS folder
       FROM ${this.s}.sync_ops WHERE run_id = $1 AND kind = 'merge'`,
      [runId],
    );
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.dst_remote, [...(out.get(r.dst_remote) ?? []), r.folder]);
    return out;
  }

  /** Sessions of rows still open (any rule): their temps are someone's work in progress. */
  async openSessions(): Promise<UploadState[]> {
    const { rows } = await this.pool.query(
      `SELECT session FROM ${this.s}.sync_ops
       WHERE session IS NOT NULL AND state IN ('planned', 'running', 'verifying')`,
    );
    return rows.map((r) => r.session);
  }

  async fail(id: number, worker: string, code: string, message: string): Promise<void> {
    await this.fenced(
      `UPDATE ${this.s}.sync_ops SET state = 'failed', error_code = $3, last_error = $4, session = NULL,
         lease_until = NULL, finished_at = now(), updated_at = now() WHERE id = $1 AND claimed_by = $2`,
      [id, worker, code, message],
    );
  }
}
