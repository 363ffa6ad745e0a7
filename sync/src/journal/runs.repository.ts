// Runs of a rule, their summaries, and the per-rule status the dashboard shows.
import type pg from 'pg';
import { quoteSchema } from './schema.js';

export type RunState = 'running' | 'done' | 'partial' | 'failed' | 'aborted';

export interface OpCounts {
  done: number;
  failed: number;
  open: number;
  bytes: number;
  files: number;
  errors: { path: string; code: string; message: string }[];
}

export class RunsRepository {
  private readonly s: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    this.s = quoteSchema(schema);
  }

  /** Runs that never finished (their process died): resumed before a new plan. */
  async unfinished(ruleId: string): Promise<string[]> {
    const { rows } = await this.pool.query(
      `SELECT id FROM ${this.s}.sync_runs WHERE rule_id = $1 AND state = 'running' ORDER BY started_at`,
      [ruleId],
    );
    return rows.map((r) => r.id);
  }

  async counts(runId: string): Promise<OpCounts> {
    const { rows } = await this.pool.query(
      `SELECT count(*) FILTER (WHERE state = 'done')::int AS done,
              count(*) FILTER (WHERE state = 'failed')::int AS failed,
              count(*) FILTER (WHERE state NOT IN ('done', 'failed'))::int AS open,
              coalesce(sum(bytes) FILTER (WHERE state = 'done'), 0)::bigint AS bytes,
              count(*) FILTER (WHERE state = 'done' AND kind IN ('copy', 'merge'))::int AS files
       FROM ${this.s}.sync_ops WHERE run_id = $1`,
      [runId],
    );
    const errors = await this.pool.query(
      `SELECT dst_path AS path, error_code AS code, last_error AS message FROM ${this.s}.sync_ops
       WHERE run_id = $1 AND state = 'failed' ORDER BY seq LIMIT 50`,
      [runId],
    );
    const r = rows[0];
    return {
      done: r.done,
      failed: r.failed,
      open: r.open,
      bytes: Number(r.bytes),
      files: r.files,
      errors: errors.rows,
    };
  }

  async finish(runId: string, state: RunState, summary: unknown): Promise<void> {
    await this.pool.query(
      `UPDATE ${this.s}.sync_runs SET state = $2, summary = $3, finished_at = now() WHERE id = $1`,
      [runId, state, JSON.stringify(summary)],
    );
  }

  /** Operations not finished, by the side they write to. */
  async pending(ruleId: string): Promise<{ toPath1: number; toPath2: number }> {
    const { rows } = await this.pool.query(
      `SELECT coalesce(spec->'to'->>'side', spec->'at'->>'side', spec->>'side', 'both') AS side, count(*)::int AS n
       FROM ${this.s}.sync_ops WHERE rule_id = $1 AND state IN ('planned', 'running', 'verifying')
       GROUP BY 1`,
      [ruleId],
    );
    const out = { toPath1: 0, toPath2: 0 };
    for (const r of rows) {
      if (r.side === 'path1' || r.side === 'both') out.toPath1 += r.n;
      if (r.side === 'path2' || r.side === 'both') out.toPath2 += r.n;
    }
    return out;
  }

  async putStatus(ruleId: string, status: unknown): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.s}.sync_rule_status (rule_id, status, updated_at) VALUES ($1, $2, now())
       ON CONFLICT (rule_id) DO UPDATE SET status = EXCLUDED.status, updated_at = now()`,
      [ruleId, JSON.stringify(status)],
    );
  }

  async getStatus<T>(ruleId: string): Promise<T | null> {
    const { rows } = await this.pool.query(
      `SELECT status FROM ${this.s}.sync_rule_status WHERE rule_id = $1`,
      [ruleId],
    );
    return rows[0]?.status ?? null;
  }
}
