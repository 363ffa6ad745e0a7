// SQL of share links. Owner-facing reads are scoped by owner_id; public reads go by token.
import type { Sql } from '../db/sql.js';

export interface ShareLinkRow {
  id: string;
  ownerId: string;
  token: string;
  nodeId: string;
  kind: 'file' | 'folder';
  name: string;
  note: string | null;
  passwordHash: string | null;
  expiresAt: Date | null;
  maxDownloads: number | null;
  downloads: number;
  views: number;
  previewOnly: boolean;
  requirePgp: boolean;
  revokedAt: Date | null;
  createdAt: Date;
  graphShareId: string | null;
}

const COLS = `id, owner_id AS "ownerId", token, node_id AS "nodeId", kind, name, note,
  password_hash AS "passwordHash", expires_at AS "expiresAt", max_downloads AS "maxDownloads",
  downloads, views, preview_only AS "previewOnly", require_pgp AS "requirePgp",
  revoked_at AS "revokedAt", created_at AS "createdAt", graph_share_id AS "graphShareId"`;

export type NewShareLink = Omit<
  ShareLinkRow,
  'downloads' | 'views' | 'revokedAt' | 'createdAt' | 'graphShareId'
> & {
  remoteId: string;
  path: string;
};

export class ShareLinksRepository {
  constructor(private readonly sql: Sql) {}

  async insert(l: NewShareLink): Promise<ShareLinkRow> {
    const { rows } = await this.sql.pool.query<ShareLinkRow>(
      `INSERT INTO ${this.sql.schema}.share_links
         (id, owner_id, token, node_id, remote_id, path, kind, name, note, password_hash, expires_at,
          max_downloads, preview_only, require_pgp)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING ${COLS}`,
      [
        l.id,
        l.ownerId,
        l.token,
        l.nodeId,
        l.remoteId,
        l.path,
        l.kind,
        l.name,
        l.note,
        l.passwordHash,
        l.expiresAt,
        l.maxDownloads,
        l.previewOnly,
        l.requirePgp,
      ],
    );
    return rows[0]!;
  }

  async setGraphShare(id: string, shareId: string | null): Promise<void> {
    await this.sql.pool.query(`UPDATE ${this.sql.schema}.share_links SET graph_share_id = $2 WHERE id = $1`, [
      id,
      shareId,
    ]);
  }

  async list(ownerId: string, nodeId: string | null): Promise<ShareLinkRow[]> {
    const { rows } = await this.sql.pool.query<ShareLinkRow>(
      `SELECT ${COLS} FROM ${this.sql.schema}.share_links
        WHERE owner_id = $1 AND ($2::text IS NULL OR node_id = $2) ORDER BY created_at DESC`,
      [ownerId, nodeId],
    );
    return rows;
  }

  async get(ownerId: string, id: string): Promise<ShareLinkRow | null> {
    const { rows } = await this.sql.pool.query<ShareLinkRow>(
      `SELECT ${COLS} FROM ${this.sql.schema}.share_links WHERE owner_id = $1 AND id = $2`,
      [ownerId, id],
    );
    return rows[0] ?? null;
  }

  async byToken(token: string): Promise<ShareLinkRow | null> {
    const { rows } = await this.sql.pool.query<ShareLinkRow>(
      `SELECT ${COLS} FROM ${this.sql.schema}.share_links WHERE token = $1`,
      [token],
    );
    return rows[0] ?? null;
  }

  async revoke(ownerId: string, id: string): Promise<ShareLinkRow | null> {
    const { rows } = await this.sql.pool.query<ShareLinkRow>(
      `UPDATE ${this.sql.schema}.share_links SET revoked_at = coalesce(revoked_at, now())
        WHERE owner_id = $1 AND id = $2 RETURNING ${COLS}`,
      [ownerId, id],
    );
    return rows[0] ?? null;
  }

  /** Counts one download unless the limit is reached; false when it is (atomic under races). */
  async countDownload(id: string): Promise<boolean> {
    const { rowCount } = await this.sql.pool.query(
      `UPDATE ${this.sql.schema}.share_links SET downloads = downloads + 1
        WHERE id = $1 AND (max_downloads IS NULL OR downloads < max_downloads)`,
      [id],
    );
    return rowCount === 1;
  }

  async countView(id: string): Promise<void> {
    await this.sql.pool.query(`UPDATE ${this.sql.schema}.share_links SET views = views + 1 WHERE id = $1`, [
      id,
    ]);
  }

  async torrent(linkId: string, etag: string): Promise<{ info: Buffer; infoHash: string } | null> {
    const { rows } = await this.sql.pool.query<{ info: Buffer; infoHash: string }>(
      `SELECT info, info_hash AS "infoHash" FROM ${this.sql.schema}.share_torrents WHERE link_id = $1 AND etag = $2`,
      [linkId, etag],
    );
    return rows[0] ?? null;
  }

  async saveTorrent(linkId: string, etag: string, info: Buffer, infoHash: string): Promise<void> {
    await this.sql.pool.query(
      `INSERT INTO ${this.sql.schema}.share_torrents (link_id, etag, info, info_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [linkId, etag, info, infoHash],
    );
  }
}
