// The journal's tables (DESIGN-NOTES §3) in a schema whose name is injected, so each test (or
// installation sharing a database) has its own. `migrateJournal` is idempotent and safe to run
// from several processes at once (it serialises on an advisory lock).
import { SyncoxideError } from '@syncoxide/core';
import type pg from 'pg';

export function quoteSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new SyncoxideError(
      'INVALID_INPUT',
      `invalid schema name "${schema}" (lowercase letters, digits, _)`,
    );
  }
  return `"${schema}"`;
}

const statements = (s: string): string[] => [
  `CREATE SCHEMA IF NOT EXISTS ${s}`,
  `CREATE TABLE IF NOT EXISTS ${s}.sync_runs (
     id uuid PRIMARY KEY,
     rule_id text NOT NULL,
     state text NOT NULL CHECK (state IN ('running', 'done', 'partial', 'failed', 'aborted')),
     started_at timestamptz NOT NULL DEFAULT now(),
     finished_at timestamptz,
     summary jsonb NOT NULL DEFAULT '{}'::jsonb)`,
  `CREATE INDEX IF NOT EXISTS sync_runs_rule ON ${s}.sync_runs (rule_id, started_at DESC)`,
  // One row per operation. src_expect/dst_expect: what both ends were when planned (the
  // source's state, the destination's precondition); session: the provider's UploadState.
  `CREATE TABLE IF NOT EXISTS ${s}.sync_ops (
     id bigserial PRIMARY KEY,
     run_id uuid NOT NULL REFERENCES ${s}.sync_runs (id) ON DELETE CASCADE,
     rule_id text NOT NULL,
     seq integer NOT NULL,
     phase smallint NOT NULL,
     kind text NOT NULL CHECK (kind IN ('copy', 'move', 'delete', 'mkdir', 'merge')),
     src_remote text,
     src_path text,
     dst_remote text NOT NULL,
     dst_path text NOT NULL,
     src_expect jsonb,
     dst_expect jsonb,
     spec jsonb NOT NULL,
     state text NOT NULL DEFAULT 'planned'
       CHECK (state IN ('planned', 'running', 'verifying', 'done', 'failed')),
     attempts integer NOT NULL DEFAULT 0,
     session jsonb,
     last_error text,
     error_code text,
     bytes bigint NOT NULL DEFAULT 0,
     claimed_by text,
     lease_until timestamptz,
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now(),
     started_at timestamptz,
     finished_at timestamptz)`,
  `CREATE INDEX IF NOT EXISTS sync_ops_claim ON ${s}.sync_ops (run_id, phase, seq)
     WHERE state IN ('planned', 'running', 'verifying')`,
  `CREATE INDEX IF NOT EXISTS sync_ops_rule ON ${s}.sync_ops (rule_id, state)`,
  `CREATE TABLE IF NOT EXISTS ${s}.sync_baselines (
     rule_id text NOT NULL,
     path text NOT NULL,
     kind text NOT NULL CHECK (kind IN ('file', 'folder')),
     path1 jsonb NOT NULL,
     path2 jsonb NOT NULL,
     content bytea,
     updated_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (rule_id, path))`,
  // A lease: whoever holds an unexpired row runs the rule; a dead holder's lease runs out.
  `CREATE TABLE IF NOT EXISTS ${s}.sync_rule_locks (
     rule_id text PRIMARY KEY,
     holder text NOT NULL,
     token bigint NOT NULL,
     expires_at timestamptz NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS ${s}.sync_rule_status (
     rule_id text PRIMARY KEY,
     status jsonb NOT NULL,
     updated_at timestamptz NOT NULL DEFAULT now())`,
];

export async function migrateJournal(pool: pg.Pool, schema: string): Promise<void> {
  const s = quoteSchema(schema);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`syncoxide-journal:${schema}`]);
    for (const sql of statements(s)) await client.query(sql);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** Runs `fn` in one transaction. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
