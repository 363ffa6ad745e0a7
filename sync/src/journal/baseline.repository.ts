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
    await this.applyInOrder(db, ruleId, [{ set, drop }]);
  }

  /**
   * Applies several effects as if one after the other (a later effect on a path wins), with one
   * DELETE and one INSERT per thousand paths rather than a statement per path.
   */
  async applyInOrder(db: Queryable, ruleId: string, effects: { set: BaselineEntry[]; drop: string[] }[]) {
    const last = new Map<string, BaselineEntry | null>();
    for (const e of effects) {
      for (const path of e.drop) last.set(path, null);
      for (const entry of e.set) last.set(entry.path, entry);
    }
    const drop = [...last].filter(([, e]) => e === null).map(([path]) => path);
    const set = [...last.values()].filter((e): e is BaselineEntry => e !== null);
    for (let i = 0; i < drop.length; i += 1000) {
      await db.query(`DELETE FROM ${this.t} WHERE rule_id = $1 AND path = ANY($2::text[])`, [
        ruleId,
        drop.slice(i, i + 1000),
      ]);
    }
    for (let i = 0; i < set.length; i += 1000) {
      const chunk = set.slice(i, i + 1000);
      await db.query(
        `INSERT INTO ${this.t} (rule_id, path, kind, path1, path2, content, updated_at)
         SELECT $1, x.path, x.kind, x.path1, x.path2, x.content, now()
         FROM unnest($2::text[], $3::text[], $4::jsonb[], $5::jsonb[], $6::bytea[])
           AS x(path, kind, path1, path2, content)
         ON CONFLICT (rule_id, path) DO UPDATE SET kind = EXCLUDED.kind, path1 = EXCLUDED.path1,
           path2 = EXCLUDED.path2, content = EXCLUDED.content, updated_at = now()`,
        [
          ruleId,
          chunk.map((e) => e.path),
          chunk.map((e) => e.kind),
          chunk.map((e) => JSON.stringify(e.path1)),
          chunk.map((e) => JSON.stringify(e.path2)),
          chunk.map((e) => e.content ?? null),
        ],
      );
    }
  }

  async clear(ruleId: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.t} WHERE rule_id = $1`, [ruleId]);
  }
}
