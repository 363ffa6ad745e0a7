// SQL of file requests and the uploads into them.
import type { UploadState } from '@syncoxide/sync';
import type { Sql } from '../db/sql.js';

export const LATE_POLICIES = ['none', '1d', '2d', '7d', '30d', 'always'] as const;
export type LatePolicy = (typeof LATE_POLICIES)[number];

export interface FileRequestRow {
  id: string;
  ownerId: string;
  token: string;
  title: string;
  description: string;
  remoteId: string;
  folderPath: string;
  deadline: Date | null;
  lateUploads: LatePolicy;
  passwordHash: string | null;
  maxFileBytes: number | null;
  maxFiles: number | null;
  allowedTypes: string[];
  closedAt: Date | null;
  createdAt: Date;
}

export interface RequestUploadRow {
  id: string;
  requestId: string;
  remoteId: string;
  path: string;
  size: number;
  offset: number;
  state: UploadState;
  late: boolean;
  sha1: string | null;
  doneAt: Date | null;
  createdAt: Date;
}

const COLS = `id, owner_id AS "ownerId", token, title, description, remote_id AS "remoteId",
  folder_path AS "folderPath", deadline, late_uploads AS "lateUploads", password_hash AS "passwordHash",
  max_file_bytes::float8 AS "maxFileBytes", max_files AS "maxFiles", allowed_types AS "allowedTypes",
  closed_at AS "closedAt", created_at AS "createdAt"`;

const UCOLS = `id, request_id AS "requestId", remote_id AS "remoteId", path, size::float8 AS size,
  "offset"::float8 AS "offset", state, late, sha1, done_at AS "doneAt", created_at AS "createdAt"`;

export class RequestsRepository {
  constructor(private readonly sql: Sql) {}

  private get s() {
    return this.sql.schema;
  }

  async insert(r: Omit<FileRequestRow, 'closedAt' | 'createdAt'>): Promise<FileRequestRow> {
    const { rows } = await this.sql.pool.query<FileRequestRow>(
      `INSERT INTO ${this.s}.file_requests (id, owner_id, token, title, description, remote_id, folder_path,
         deadline, late_uploads, password_hash, max_file_bytes, max_files, allowed_types)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${COLS}`,
      [
        r.id,
        r.ownerId,
        r.token,
        r.title,
        r.description,
        r.remoteId,
        r.folderPath,
        r.deadline,
        r.lateUploads,
        r.passwordHash,
        r.maxFileBytes,
        r.maxFiles,
        r.allowedTypes,
      ],
    );
    return rows[0]!;
  }

  async setGraphShare(id: string, shareId: string | null): Promise<void> {
    await this.sql.pool.query(`UPDATE ${this.s}.file_requests SET graph_share_id = $2 WHERE id = $1`, [
      id,
      shareId,
    ]);
  }

  async list(ownerId: string): Promise<FileRequestRow[]> {
    const { rows } = await this.sql.pool.query<FileRequestRow>(
      `SELECT ${COLS} FROM ${this.s}.file_requests WHERE owner_id = $1 ORDER BY created_at DESC`,
      [ownerId],
    );
    return rows;
  }

  async get(ownerId: string, id: string): Promise<FileRequestRow | null> {
    const { rows } = await this.sql.pool.query<FileRequestRow>(
      `SELECT ${COLS} FROM ${this.s}.file_requests WHERE owner_id = $1 AND id = $2`,
      [ownerId, id],
    );
    return rows[0] ?? null;
  }

  async byToken(token: string): Promise<FileRequestRow | null> {
    const { rows } = await this.sql.pool.query<FileRequestRow>(
      `SELECT ${COLS} FROM ${this.s}.file_requests WHERE token = $1`,
      [token],
    );
    return rows[0] ?? null;
  }

  async byId(id: string): Promise<FileRequestRow | null> {
    const { rows } = await this.sql.pool.query<FileRequestRow>(
      `SELECT ${COLS} FROM ${this.s}.file_requests WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async setClosed(ownerId: string, id: string, closed: boolean): Promise<FileRequestRow | null> {
    const { rows } = await this.sql.pool.query<FileRequestRow>(
      `UPDATE ${this.s}.file_requests SET closed_at = CASE WHEN $3 THEN coalesce(closed_at, now()) ELSE NULL END
        WHERE owner_id = $1 AND id = $2 RETURNING ${COLS}`,
      [ownerId, id, closed],
    );
    return rows[0] ?? null;
  }

  /** Uploads started (any state): what the file-count limit counts. */
  async uploadCount(requestId: string): Promise<number> {
    const { rows } = await this.sql.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${this.s}.request_uploads WHERE request_id = $1`,
      [requestId],
    );
    return rows[0]!.n;
  }

  async uploads(requestId: string): Promise<RequestUploadRow[]> {
    const { rows } = await this.sql.pool.query<RequestUploadRow>(
      `SELECT ${UCOLS} FROM ${this.s}.request_uploads WHERE request_id = $1 AND done_at IS NOT NULL ORDER BY done_at`,
      [requestId],
    );
    return rows;
  }

  /** Reserves a destination path; false when another upload holds it already. */
  async reserve(u: {
    id: string;
    requestId: string;
    remoteId: string;
    path: string;
    size: number;
    late: boolean;
    sha1: string | null;
  }) {
    const { rowCount } = await this.sql.pool.query(
      `INSERT INTO ${this.s}.request_uploads (id, request_id, remote_id, path, size, state, late, sha1)
       VALUES ($1, $2, $3, $4, $5, '{}', $6, $7) ON CONFLICT (remote_id, path) DO NOTHING`,
      [u.id, u.requestId, u.remoteId, u.path, u.size, u.late, u.sha1],
    );
    return rowCount === 1;
  }

  async upload(id: string): Promise<RequestUploadRow | null> {
    const { rows } = await this.sql.pool.query<RequestUploadRow>(
      `SELECT ${UCOLS} FROM ${this.s}.request_uploads WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async saveUpload(id: string, offset: number, state: UploadState, done: boolean): Promise<void> {
    await this.sql.pool.query(
      `UPDATE ${this.s}.request_uploads SET "offset" = $2, state = $3,
         done_at = CASE WHEN $4 THEN now() ELSE NULL END WHERE id = $1`,
      [id, offset, JSON.stringify(state), done],
    );
  }

  async removeUpload(id: string): Promise<void> {
    await this.sql.pool.query(`DELETE FROM ${this.s}.request_uploads WHERE id = $1`, [id]);
  }
}
