// Baselines: per rule and relative path, the state both sides last agreed on.
import type pg from 'pg';
import type { Baseline, BaselineEntry, FileState } from '../engine/state.js';
import { quoteSchema } from './schema.js';

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

export class BaselineRepository {
  private readonly t: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    this.t = `${quoteSchema(schema)}.sync_baselines`;
  }

  async load(ruleId: string): Promise<Baseline> {
    const { rows } = await this.pool.query<{
      path: string;
      kind: 'file' | 'folder';
      path1: FileState;
      path2: FileState;
      content: Buffer | null;
    }>(`SELECT path, kind, path1, path2, content FROM ${this.t} WHERE rule_id = $1`, [ruleId]);
    return new Map(rows.map((r) => [r.path, { ...r }]));
  }

  async count(ruleId: string): Promise<number> {
    const { rows } = await this.pool.query(`SELECT count(*)::int AS n FROM ${this.t} WHERE rule_id = $1`, [
      ruleId,
    ]);
    return rows[0].n;
  }

  /** Upserts `set` and removes `drop`, on the caller's connection (inside its transaction). */
  async apply(db: Queryable, ruleId: string, set: BaselineEntry[], drop: string[]): Promise<void> {
    if (drop.length > 0) {
      await db.query(`DELETE FROM ${this.t} WHERE rule_id = $1 AND path = ANY($2::text[])`, [ruleId, drop]);
    }
    for (const e of set) {
      await db.query(
        `INSERT INTO ${this.t} (rule_id, path, kind, path1, path2, content, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, now())
         ON CONFLICT (rule_id, path) DO UPDATE SET kind = EXCLUDED.kind, path1 = EXCLUDED.path1,
           path2 = EXCLUDED.path2, content = EXCLUDED.content, updated_at = now()`,
        [ruleId, e.path, e.kind, JSON.stringify(e.path1), JSON.stringify(e.path2), e.content ?? null],
      );
    }
  }

  async clear(ruleId: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.t} WHERE rule_id = $1`, [ruleId]);
  }
}
