// User shares in PostgreSQL: who shared what with whom, its state, where the recipient keeps
// it, and the invitation secret (its SHA-256 only) for an email without an account yet. Reads
// are scoped: by the sharer (owner_id) or by the recipient (recipient_id).
import type { Sql } from '../db/sql.js';

export type ShareAccess = 'read' | 'read-write';
export type ShareState = 'pending' | 'accepted' | 'declined' | 'revoked' | 'left';
/** How an accepted share lives on the recipient's side. */
export type Placement = 'sync' | 'view';

export interface SyncOptions {
  compare: ('size' | 'modtime' | 'checksum')[];
  keep: 'newer' | 'older' | 'larger' | 'smaller' | 'path1' | 'path2';
  autoMerge: boolean;
}

export interface UserShareRow {
  id: string;
  ownerId: string;
  nodeId: string;
  remoteId: string;
  path: string;
  kind: 'file' | 'folder';
  name: string;
  recipientId: string | null;
  recipientEmail: string;
  access: ShareAccess;
  message: string | null;
  state: ShareState;
  placement: Placement | null;
  targetRemoteId: string | null;
  targetPath: string | null;
  sync: SyncOptions;
  graphShareId: string | null;
  inviteExpiresAt: Date | null;
  inviteUsedAt: Date | null;
  keepCopy: boolean | null;
  /** Content reaches the recipient only as OpenPGP messages (encrypted-share.ts). */
  encrypted: boolean;
  /** The share's session key as OpenPGP key packets for the recipient's and the sharer's keys (armored). */
  sessionKeyWrapped: string | null;
  createdAt: Date;
  respondedAt: Date | null;
  endedAt: Date | null;
}

const COLS = `id, owner_id AS "ownerId", node_id AS "nodeId", remote_id AS "remoteId", path, kind, name,
  recipient_id AS "recipientId", recipient_email AS "recipientEmail", access, message, state, placement,
  target_remote_id AS "targetRemoteId", target_path AS "targetPath", sync, graph_share_id AS "graphShareId",
  invite_expires_at AS "inviteExpiresAt", invite_used_at AS "inviteUsedAt", keep_copy AS "keepCopy",
  encrypted, session_key_wrapped AS "sessionKeyWrapped", created_at AS "createdAt", responded_at AS "respondedAt", ended_at AS "endedAt"`;

export async function migrateShares({ pool, schema }: Sql): Promise<void> {
  await pool.query(`
    CREATE SCHEMA IF NOT EXISTS ${schema};
    CREATE TABLE IF NOT EXISTS ${schema}.user_shares (
      id uuid PRIMARY KEY,
      owner_id text NOT NULL,
      node_id text NOT NULL,
      remote_id text NOT NULL,
      path text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('file', 'folder')),
      name text NOT NULL,
      recipient_id text,
      recipient_email text NOT NULL,
      access text NOT NULL CHECK (access IN ('read', 'read-write')),
      message text,
      state text NOT NULL CHECK (state IN ('pending', 'accepted', 'declined', 'revoked', 'left')),
      placement text CHECK (placement IN ('sync', 'view')),
      target_remote_id text,
      target_path text,
      sync jsonb NOT NULL,
      graph_share_id text,
      invite_token_hash text UNIQUE,
      invite_expires_at timestamptz,
      invite_used_at timestamptz,
      keep_copy boolean,
      created_at timestamptz NOT NULL DEFAULT now(),
      responded_at timestamptz,
      ended_at timestamptz
    );
    CREATE INDEX IF NOT EXISTS user_shares_owner ON ${schema}.user_shares (owner_id, created_at DESC);
    CREATE INDEX IF NOT EXISTS user_shares_recipient ON ${schema}.user_shares (recipient_id, created_at DESC);
    -- Encrypted shares: the session key wrapped for both parties' public keys, and sealed with
    -- the installation key (AES-256-GCM) so the gateway can encrypt new files unattended.
    ALTER TABLE ${schema}.user_shares ADD COLUMN IF NOT EXISTS encrypted boolean NOT NULL DEFAULT false;
    ALTER TABLE ${schema}.user_shares ADD COLUMN IF NOT EXISTS session_key_wrapped text;
    ALTER TABLE ${schema}.user_shares ADD COLUMN IF NOT EXISTS session_key_sealed text;
  `);
}

export type NewShare = Pick<
  UserShareRow,
  | 'id'
  | 'ownerId'
  | 'nodeId'
  | 'remoteId'
  | 'path'
  | 'kind'
  | 'name'
  | 'recipientId'
  | 'recipientEmail'
  | 'access'
  | 'message'
  | 'sync'
  | 'inviteExpiresAt'
> & {
  inviteTokenHash: string | null;
  encrypted?: boolean;
  sessionKeyWrapped?: string | null;
  sessionKeySealed?: string | null;
};

export class SharesRepository {
  constructor(private readonly sql: Sql) {}

  private get t(): string {
    return `${this.sql.schema}.user_shares`;
  }

  async insert(s: NewShare): Promise<UserShareRow> {
    const { rows } = await this.sql.pool.query<UserShareRow>(
      `INSERT INTO ${this.t} (id, owner_id, node_id, remote_id, path, kind, name, recipient_id, recipient_email,
         access, message, state, sync, invite_token_hash, invite_expires_at, encrypted, session_key_wrapped,
         session_key_sealed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'pending', $12, $13, $14, $15, $16, $17)
       RETURNING ${COLS}`,
      [
        s.id,
        s.ownerId,
        s.nodeId,
        s.remoteId,
        s.path,
        s.kind,
        s.name,
        s.recipientId,
        s.recipientEmail,
        s.access,
        s.message,
        JSON.stringify(s.sync),
        s.inviteTokenHash,
        s.inviteExpiresAt,
        s.encrypted ?? false,
        s.sessionKeyWrapped ?? null,
        s.sessionKeySealed ?? null,
      ],
    );
    return rows[0]!;
  }

  /** A share the caller takes part in (as sharer or recipient). */
  async get(userId: string, id: string): Promise<UserShareRow | null> {
    const { rows } = await this.sql.pool.query<UserShareRow>(
      `SELECT ${COLS} FROM ${this.t} WHERE id = $1 AND (owner_id = $2 OR recipient_id = $2)`,
      [id, userId],
    );
    return rows[0] ?? null;
  }

  async byOwner(ownerId: string): Promise<UserShareRow[]> {
    const { rows } = await this.sql.pool.query<UserShareRow>(
      `SELECT ${COLS} FROM ${this.t} WHERE owner_id = $1 ORDER BY created_at DESC, id`,
      [ownerId],
    );
    return rows;
  }

  async byRecipient(recipientId: string): Promise<UserShareRow[]> {
    const { rows } = await this.sql.pool.query<UserShareRow>(
      `SELECT ${COLS} FROM ${this.t} WHERE recipient_id = $1 ORDER BY created_at DESC, id`,
      [recipientId],
    );
    return rows;
  }

  /** The sealed session key of an encrypted share (never leaves the gateway). */
  async sealedSessionKey(id: string): Promise<string | null> {
    const { rows } = await this.sql.pool.query<{ s: string | null }>(
      `SELECT session_key_sealed AS s FROM ${this.t} WHERE id = $1 AND encrypted`,
      [id],
    );
    return rows[0]?.s ?? null;
  }

  /** Live encrypted shares a user takes part in: their wrapped key follows that user's key changes. */
  async liveEncrypted(userId: string): Promise<UserShareRow[]> {
    const { rows } = await this.sql.pool.query<UserShareRow>(
      `SELECT ${COLS} FROM ${this.t} WHERE encrypted AND state IN ('pending', 'accepted')
         AND (owner_id = $1 OR recipient_id = $1)`,
      [userId],
    );
    return rows;
  }

  async setWrappedSessionKey(id: string, wrapped: string): Promise<void> {
    await this.sql.pool.query(`UPDATE ${this.t} SET session_key_wrapped = $2 WHERE id = $1`, [id, wrapped]);
  }

  /** Is there a live share (pending or accepted) between these two users, either way? */
  async between(a: string, b: string): Promise<boolean> {
    const { rows } = await this.sql.pool.query(
      `SELECT 1 FROM ${this.t} WHERE state IN ('pending', 'accepted')
         AND ((owner_id = $1 AND recipient_id = $2) OR (owner_id = $2 AND recipient_id = $1)) LIMIT 1`,
      [a, b],
    );
    return rows.length > 0;
  }

  /** Accepted shares kept in sync: what the scheduler runs after a restart. */
  async syncing(): Promise<UserShareRow[]> {
    const { rows } = await this.sql.pool.query<UserShareRow>(
      `SELECT ${COLS} FROM ${this.t} WHERE state = 'accepted' AND placement = 'sync'`,
    );
    return rows;
  }

  /**
   * Spends an invitation: binds the share to `recipientId` when the token is unused and not
   * expired, in one statement, so two redemptions of one token cannot both succeed.
   */
  async redeem(tokenHash: string, recipientId: string): Promise<UserShareRow | null> {
    const { rows } = await this.sql.pool.query<UserShareRow>(
      `UPDATE ${this.t} SET recipient_id = $2, invite_used_at = now()
       WHERE invite_token_hash = $1 AND invite_used_at IS NULL AND invite_expires_at > now()
         AND state = 'pending' AND owner_id <> $2
       RETURNING ${COLS}`,
      [tokenHash, recipientId],
    );
    return rows[0] ?? null;
  }

  /** Why a token does not redeem: unknown, used, expired or no longer pending. */
  async inviteState(tokenHash: string): Promise<'unknown' | 'used' | 'expired' | 'ended' | 'own'> {
    const { rows } = await this.sql.pool.query<{ used: boolean; expired: boolean; state: string }>(
      `SELECT invite_used_at IS NOT NULL AS used, invite_expires_at <= now() AS expired, state
       FROM ${this.t} WHERE invite_token_hash = $1`,
      [tokenHash],
    );
    const r = rows[0];
    if (!r) return 'unknown';
    if (r.used) return 'used';
    if (r.expired) return 'expired';
    return r.state === 'pending' ? 'own' : 'ended';
  }

  /** Moves a share from one of `from` states to `to`, with the columns given; null when it was not in `from`. */
  async transition(
    id: string,
    from: ShareState[],
    to: ShareState,
    set: Partial<
      Pick<UserShareRow, 'placement' | 'targetRemoteId' | 'targetPath' | 'graphShareId' | 'keepCopy' | 'sync'>
    > = {},
  ): Promise<UserShareRow | null> {
    const ended = to === 'revoked' || to === 'left' || to === 'declined';
    const { rows } = await this.sql.pool.query<UserShareRow>(
      `UPDATE ${this.t} SET state = $3,
         placement = COALESCE($4, placement), target_remote_id = COALESCE($5, target_remote_id),
         target_path = COALESCE($6, target_path), graph_share_id = COALESCE($7, graph_share_id),
         keep_copy = COALESCE($8, keep_copy), sync = COALESCE($9, sync),
         responded_at = CASE WHEN $3 IN ('accepted', 'declined') THEN now() ELSE responded_at END,
         ended_at = CASE WHEN $10 THEN now() ELSE ended_at END
       WHERE id = $1 AND state = ANY($2::text[]) RETURNING ${COLS}`,
      [
        id,
        from,
        to,
        set.placement ?? null,
        set.targetRemoteId ?? null,
        set.targetPath ?? null,
        set.graphShareId ?? null,
        set.keepCopy ?? null,
        set.sync ? JSON.stringify(set.sync) : null,
        ended,
      ],
    );
    return rows[0] ?? null;
  }
}
