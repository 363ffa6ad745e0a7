// Resumable uploads: each tus upload is a provider upload session (beginUpload/resumeUpload)
// whose state is kept in PostgreSQL, so bytes stream straight to the provider (no staging copy
// on the gateway's disk) and any gateway process can continue an upload another one started.
// The destination must still be absent when the session commits; then the graph is told.
import type { Readable } from 'node:stream';
import { SyncoxideError } from '@syncoxide/core';
import type { GraphStore } from '@syncoxide/graph';
import type { UploadState } from '@syncoxide/sync';
import type { Sql } from '../db/sql.js';
import type { EventsService } from '../events/events.service.js';
import type { FileOpsService, Place } from '../files/ops.service.js';
import { decodeGlobalId, notFound } from '../ids.js';
import type { ProviderPool } from '../remotes/providers.js';
import { checkName } from '../validation.js';

export interface UploadRow {
  id: string;
  ownerId: string;
  remoteId: string;
  path: string;
  size: number;
  offset: number;
  state: UploadState;
  done: boolean;
}

const COLS = `id, owner_id AS "ownerId", remote_id AS "remoteId", path, size::float8 AS size,
  "offset"::float8 AS "offset", state, done`;

export class UploadsService {
  constructor(
    private readonly sql: Sql,
    private readonly graph: GraphStore,
    private readonly providers: ProviderPool,
    private readonly ops: FileOpsService,
    private readonly events: EventsService,
  ) {}

  async migrate(): Promise<void> {
    await this.sql.pool.query(`
      CREATE TABLE IF NOT EXISTS ${this.sql.schema}.uploads (
        id text PRIMARY KEY,
        owner_id text NOT NULL,
        remote_id text NOT NULL,
        path text NOT NULL,
        size bigint NOT NULL,
        "offset" bigint NOT NULL DEFAULT 0,
        state jsonb NOT NULL,
        done boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  /** Checks the name and the target folder (`parent`: a folder's or a remote's global id). */
  async target(ownerId: string, meta: Record<string, string | null | undefined>) {
    const name = checkName(meta.filename ?? meta.name);
    const parent = meta.parent ?? meta.parentId;
    const { typename, id } = decodeGlobalId(parent);
    const place: Place =
      typename === 'Remote'
        ? { kind: 'remote', id }
        : typename === 'File'
          ? { kind: 'folder', id }
          : (() => {
              throw notFound('no such folder');
            })();
    const at = await this.ops.place(ownerId, place);
    const path = at.path ? `${at.path}/${name}` : name;
    const provider = await this.providers.get(ownerId, at.remoteId);
    if (await provider.stat(path))
      throw new SyncoxideError('ALREADY_EXISTS', 'something with that name is already there');
    return { remoteId: at.remoteId, path };
  }

  async create(id: string, ownerId: string, remoteId: string, path: string, size: number): Promise<void> {
    const provider = await this.providers.get(ownerId, remoteId);
    const session = await provider.beginUpload(path, { size, expect: { absent: true } });
    await this.sql.pool.query(
      `INSERT INTO ${this.sql.schema}.uploads (id, owner_id, remote_id, path, size, state) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, ownerId, remoteId, path, size, JSON.stringify(session.state)],
    );
  }

  async get(id: string): Promise<UploadRow | null> {
    const { rows } = await this.sql.pool.query<UploadRow>(
      `SELECT ${COLS} FROM ${this.sql.schema}.uploads WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Appends at the current offset; commits when the last byte is in. Returns the new offset. */
  async append(id: string, source: Readable): Promise<number> {
    const row = await this.get(id);
    if (!row || row.done) throw notFound('no such upload');
    const provider = await this.providers.get(row.ownerId, row.remoteId);
    const session = await provider.resumeUpload(row.state);
    try {
      await session.append(source);
    } finally {
      await this.save(id, session.state.offset, session.state, false);
    }
    const offset = session.state.offset;
    if (offset >= row.size) {
      const entry = await session.commit();
      await this.save(id, offset, session.state, true);
      await this.graph.applyChanges({
        ownerId: row.ownerId,
        remoteId: row.remoteId,
        changes: [{ type: 'upsert', path: row.path, entry }],
        cause: { type: 'user', ref: null },
      });
      this.events.fileChanged(row.ownerId, {
        change: 'created',
        nodeId: null,
        remoteId: row.remoteId,
        path: row.path,
      });
    }
    return offset;
  }

  private async save(id: string, offset: number, state: UploadState, done: boolean): Promise<void> {
    await this.sql.pool.query(
      `UPDATE ${this.sql.schema}.uploads SET "offset" = $2, state = $3, done = $4 WHERE id = $1`,
      [id, offset, JSON.stringify(state), done],
    );
  }

  async remove(id: string): Promise<void> {
    const row = await this.get(id);
    if (!row) throw notFound('no such upload');
    if (!row.done) {
      const provider = await this.providers.get(row.ownerId, row.remoteId);
      await provider
        .resumeUpload(row.state)
        .then((s) => s.abort())
        .catch(() => {});
    }
    await this.sql.pool.query(`DELETE FROM ${this.sql.schema}.uploads WHERE id = $1`, [id]);
  }
}
