// One run per rule at a time: a lease row in PostgreSQL. The holder renews it while it works;
// if it dies the lease simply runs out and the next runner takes over. Times come from the
// database clock so holders on different machines agree on expiry.
import type pg from 'pg';
import { quoteSchema } from './schema.js';

export class RuleLockRepository {
  private readonly t: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    this.t = `${quoteSchema(schema)}.sync_rule_locks`;
  }

  /** Takes the lease if it is free, expired or already ours; returns its fencing token or null. */
  async acquire(ruleId: string, holder: string, ttlMs: number): Promise<number | null> {
    const { rows } = await this.pool.query(
      `INSERT INTO ${this.t} (rule_id, holder, token, expires_at)
       VALUES ($1, $2, 1, now() + $3 * interval '1 millisecond')
       ON CONFLICT (rule_id) DO UPDATE SET holder = EXCLUDED.holder, token = ${this.t}.token + 1,
         expires_at = EXCLUDED.expires_at
       WHERE ${this.t}.expires_at < now() OR ${this.t}.holder = EXCLUDED.holder
       RETURNING token`,
      [ruleId, holder, ttlMs],
    );
    return rows.length > 0 ? Number(rows[0].token) : null;
  }

  /** Extends our lease; false when it is no longer ours (it expired and someone took it). */
  async renew(ruleId: string, holder: string, ttlMs: number): Promise<boolean> {
    const r = await this.pool.query(
      `UPDATE ${this.t} SET expires_at = now() + $3 * interval '1 millisecond'
       WHERE rule_id = $1 AND holder = $2`,
      [ruleId, holder, ttlMs],
    );
    return r.rowCount === 1;
  }

  async release(ruleId: string, holder: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.t} WHERE rule_id = $1 AND holder = $2`, [ruleId, holder]);
  }

  async holder(ruleId: string): Promise<{ holder: string; expiresAt: Date } | null> {
    const { rows } = await this.pool.query(
      `SELECT holder, expires_at FROM ${this.t} WHERE rule_id = $1 AND expires_at >= now()`,
      [ruleId],
    );
    return rows[0] ? { holder: rows[0].holder, expiresAt: rows[0].expires_at } : null;
  }
}
