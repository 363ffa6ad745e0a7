// Transfer history and pending work from the sync journal (PostgreSQL): done copies and
// merges per day or month, and open or failed operations, for the caller's rules only.
import { SyncoxideError } from '@syncoxide/core';
import type pg from 'pg';
import type { TransferBucket } from './types.js';

export class TransfersRepository {
  private readonly s: string;
  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
      throw new SyncoxideError('INVALID_INPUT', `invalid schema name "${schema}"`);
    this.s = `"${schema}"`;
  }

  /** Files and bytes transferred per UTC day or month since `since`, oldest first. */
  async perInterval(ruleIds: string[], interval: 'day' | 'month', since: Date): Promise<TransferBucket[]> {
    if (ruleIds.length === 0) return [];
    const { rows } = await this.pool.query<{ at: Date; files: string; bytes: string }>(
      `SELECT date_trunc($3, finished_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS at,
              count(*) AS files, coalesce(sum(bytes), 0) AS bytes
         FROM ${this.s}.sync_ops
        WHERE rule_id = ANY($1) AND state = 'done' AND kind IN ('copy', 'merge') AND finished_at >= $2
        GROUP BY 1 ORDER BY 1`,
      [ruleIds, since, interval],
    );
    return rows.map((r) => ({ at: r.at.getTime(), files: Number(r.files), bytes: Number(r.bytes) }));
  }

  /** Operations planned or running (and the bytes of their sources when known), and failed ones. */
  async pending(ruleIds: string[]): Promise<{ pending: number; pendingBytes: number; failed: number }> {
    if (ruleIds.length === 0) return { pending: 0, pendingBytes: 0, failed: 0 };
    const { rows } = await this.pool.query<{ pending: string; bytes: string; failed: string }>(
      `SELECT count(*) FILTER (WHERE state IN ('planned', 'running', 'verifying')) AS pending,
              coalesce(sum((src_expect->>'size')::numeric) FILTER (
                WHERE state IN ('planned', 'running', 'verifying')
                  AND jsonb_typeof(src_expect->'size') = 'number'), 0) AS bytes,
              count(*) FILTER (WHERE state = 'failed') AS failed
         FROM ${this.s}.sync_ops WHERE rule_id = ANY($1)`,
      [ruleIds],
    );
    const r = rows[0]!;
    return { pending: Number(r.pending), pendingBytes: Number(r.bytes), failed: Number(r.failed) };
  }
}
