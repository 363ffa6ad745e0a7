// Sync rules as the user defined them, in PostgreSQL beside the journal that runs them.
import type { Sql } from '../db/sql.js';

export interface RuleRow {
  id: string;
  ownerId: string;
  name: string;
  rule: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

const COLS = `id, owner_id AS "ownerId", name, rule, created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function migrateRules({ pool, schema }: Sql): Promise<void> {
  await pool.query(`
    CREATE SCHEMA IF NOT EXISTS ${schema};
    CREATE TABLE IF NOT EXISTS ${schema}.sync_rules (
      id uuid PRIMARY KEY,
      owner_id text NOT NULL,
      name text NOT NULL,
      rule jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX IF NOT EXISTS sync_rules_owner ON ${schema}.sync_rules (owner_id, created_at);
  `);
}

export class RulesRepository {
  constructor(private readonly sql: Sql) {}

  async insert(row: Omit<RuleRow, 'createdAt' | 'updatedAt'>): Promise<RuleRow> {
    const { rows } = await this.sql.pool.query<RuleRow>(
      `INSERT INTO ${this.sql.schema}.sync_rules (id, owner_id, name, rule) VALUES ($1, $2, $3, $4) RETURNING ${COLS}`,
      [row.id, row.ownerId, row.name, JSON.stringify(row.rule)],
    );
    return rows[0]!;
  }

  async update(
    ownerId: string,
    id: string,
    name: string,
    rule: Record<string, unknown>,
  ): Promise<RuleRow | null> {
    const { rows } = await this.sql.pool.query<RuleRow>(
      `UPDATE ${this.sql.schema}.sync_rules SET name = $3, rule = $4, updated_at = now()
       WHERE id = $1 AND owner_id = $2 RETURNING ${COLS}`,
      [id, ownerId, name, JSON.stringify(rule)],
    );
    return rows[0] ?? null;
  }

  async get(ownerId: string, id: string): Promise<RuleRow | null> {
    const { rows } = await this.sql.pool.query<RuleRow>(
      `SELECT ${COLS} FROM ${this.sql.schema}.sync_rules WHERE id = $1 AND owner_id = $2`,
      [id, ownerId],
    );
    return rows[0] ?? null;
  }

  async list(ownerId: string): Promise<RuleRow[]> {
    const { rows } = await this.sql.pool.query<RuleRow>(
      `SELECT ${COLS} FROM ${this.sql.schema}.sync_rules WHERE owner_id = $1 ORDER BY created_at, id`,
      [ownerId],
    );
    return rows;
  }

  /** Every user's rules (the live scheduler's view; never served to a user). */
  async listAll(): Promise<RuleRow[]> {
    const { rows } = await this.sql.pool.query<RuleRow>(
      `SELECT ${COLS} FROM ${this.sql.schema}.sync_rules ORDER BY created_at, id`,
    );
    return rows;
  }

  async delete(ownerId: string, id: string): Promise<boolean> {
    const { rowCount } = await this.sql.pool.query(
      `DELETE FROM ${this.sql.schema}.sync_rules WHERE id = $1 AND owner_id = $2`,
      [id, ownerId],
    );
    return (rowCount ?? 0) > 0;
  }
}
