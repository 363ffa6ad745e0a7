// The write-ahead journal of single file operations asked for through the API (rename, move,
// copy, new folder, purge, and a photo edit: original kept + new version written). It lives in the sync journal's schema beside sync_ops: a row is
// written before the provider is touched and closed after the graph has been told, so a crash
// in between leaves a planned row whose lease runs out, and recovery finishes the operation
// from what the provider now holds (DESIGN-NOTES §3: journal first, then act, then record).
import { randomUUID } from 'node:crypto';
import { SyncoxideError } from '@syncoxide/core';
import type { Expected } from '@syncoxide/sync';
import type pg from 'pg';

export type FileOpKind = 'move' | 'copy' | 'mkdir' | 'purge' | 'edit';
const KINDS: readonly FileOpKind[] = ['move', 'copy', 'mkdir', 'purge', 'edit'];

/** Everything recovery needs to finish an operation without the request that asked for it. */
export interface FileOpSpec {
  kind: FileOpKind;
  ownerId: string;
  remoteId: string;
  /** Source path (move, copy, purge) or the folder to create (mkdir). */
  path: string;
  /** Destination (move, copy); a move stays on `remoteId`. */
  toRemoteId?: string;
  toPath?: string;
  /** What the source must still be (copy, purge). */
  expect?: Expected;
  /** The graph node acted on (purge, edit), or the parent folder (mkdir; null for a remote's root). */
  nodeId?: string | null;
  /** What the kind's own handler needs (edit: the edit operations), stored as JSON. */
  data?: Record<string, unknown>;
}

export interface FileOpRow {
  id: string;
  spec: FileOpSpec;
  attempts: number;
}

const DEFAULT_LEASE_MS = 60_000;

export class FileOpsJournal {
  private readonly table: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
    private readonly holder = `gateway-${process.pid}-${randomUUID().slice(0, 8)}`,
  ) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      throw new SyncoxideError('INVALID_INPUT', `invalid schema name "${schema}"`);
    }
    this.table = `"${schema}".file_ops`;
  }

  async migrate(): Promise<void> {
    await this.pool.query(`CREATE TABLE IF NOT EXISTS ${this.table} (
      id uuid PRIMARY KEY,
      owner_id text NOT NULL,
      kind text NOT NULL,
      spec jsonb NOT NULL,
      state text NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'done', 'failed')),
      attempts integer NOT NULL DEFAULT 1,
      holder text NOT NULL,
      lease_until timestamptz NOT NULL,
      error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz)`);
    // The kinds are checked by a named constraint, replaced when a kind is added (tables made
    // before 'edit' had an inline check under Postgres' default name for it). Only then: adding
    // a check scans the whole table under an exclusive lock.
    const { rows } = await this.pool.query<{ def: string }>(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE conrelid = $1::regclass AND conname = 'file_ops_kind_check'`,
      [this.table],
    );
    if (!KINDS.every((k) => rows[0]?.def.includes(`'${k}'`))) {
      await this.pool.query(`ALTER TABLE ${this.table} DROP CONSTRAINT IF EXISTS file_ops_kind_check,
        ADD CONSTRAINT file_ops_kind_check CHECK (kind IN (${KINDS.map((k) => `'${k}'`).join(', ')}))`);
    }
    await this.pool.query(
      `CREATE INDEX IF NOT EXISTS file_ops_open ON ${this.table} (lease_until) WHERE state = 'planned'`,
    );
  }

  /**
   * Writes the row, runs `act`, closes the row. The lease is renewed while `act` runs so a
   * long copy is not taken for a crash; if this process dies, the lease runs out.
   */
  async run<T>(spec: FileOpSpec, act: () => Promise<T>, leaseMs = DEFAULT_LEASE_MS): Promise<T> {
    const id = randomUUID();
    await this.pool.query(
      `INSERT INTO ${this.table} (id, owner_id, kind, spec, holder, lease_until)
       VALUES ($1, $2, $3, $4, $5, now() + $6 * interval '1 millisecond')`,
      [id, spec.ownerId, spec.kind, JSON.stringify(spec), this.holder, leaseMs],
    );
    const renew = setInterval(() => {
      void this.pool
        .query(
          `UPDATE ${this.table} SET lease_until = now() + $3 * interval '1 millisecond'
           WHERE id = $1 AND holder = $2 AND state = 'planned'`,
          [id, this.holder, leaseMs],
        )
        .catch(() => {});
    }, leaseMs / 3);
    renew.unref();
    try {
      const value = await act();
      await this.close(id, 'done', null);
      return value;
    } catch (err) {
      await this.close(id, 'failed', err instanceof Error ? err.message : String(err)).catch(() => {});
      throw err;
    } finally {
      clearInterval(renew);
    }
  }

  /** Takes one abandoned row (its holder's lease ran out), or null when none is left. */
  async claimAbandoned(leaseMs = DEFAULT_LEASE_MS): Promise<FileOpRow | null> {
    const { rows } = await this.pool.query(
      `UPDATE ${this.table} o SET holder = $1, attempts = o.attempts + 1,
         lease_until = now() + $2 * interval '1 millisecond'
       WHERE o.id = (SELECT id FROM ${this.table}
                     WHERE state = 'planned' AND lease_until < now()
                     ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING o.id, o.spec, o.attempts`,
      [this.holder, leaseMs],
    );
    const r = rows[0];
    return r ? { id: r.id, spec: r.spec as FileOpSpec, attempts: r.attempts } : null;
  }

  async close(id: string, state: 'done' | 'failed', error: string | null): Promise<void> {
    await this.pool.query(
      `UPDATE ${this.table} SET state = $3, error = $4, finished_at = now()
       WHERE id = $1 AND holder = $2 AND state = 'planned'`,
      [id, this.holder, state, error],
    );
  }

  /** Rows not yet finished, for health reports and tests. */
  async open(ownerId?: string): Promise<FileOpRow[]> {
    const { rows } = await this.pool.query(
      `SELECT id, spec, attempts FROM ${this.table}
       WHERE state = 'planned' AND ($1::text IS NULL OR owner_id = $1) ORDER BY created_at`,
      [ownerId ?? null],
    );
    return rows.map((r) => ({ id: r.id, spec: r.spec as FileOpSpec, attempts: r.attempts }));
  }

  async history(
    ownerId: string,
    limit = 50,
  ): Promise<{ id: string; spec: FileOpSpec; state: string; error: string | null }[]> {
    const { rows } = await this.pool.query(
      `SELECT id, spec, state, error FROM ${this.table} WHERE owner_id = $1 ORDER BY created_at DESC LIMIT $2`,
      [ownerId, limit],
    );
    return rows;
  }
}
