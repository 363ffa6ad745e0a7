// SQL for users and API tokens. Sessions live in Redis (sessions.repository.ts).
import type { Sql } from '../db/sql.js';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  role: 'user' | 'admin';
  createdAt: Date;
}

export interface ApiTokenRow {
  id: string;
  userId: string;
  name: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const USER_COLS = `id, email, name, password_hash AS "passwordHash", role, created_at AS "createdAt"`;
const TOKEN_COLS = `id, user_id AS "userId", name, scopes, created_at AS "createdAt", expires_at AS "expiresAt",
  last_used_at AS "lastUsedAt", revoked_at AS "revokedAt"`;

export class AccountsRepository {
  constructor(private readonly sql: Sql) {}

  /** Inserts a user; returns null when the email is taken. */
  async insertUser(user: Omit<UserRow, 'createdAt'>): Promise<UserRow | null> {
    const { rows } = await this.sql.pool.query<UserRow>(
      `INSERT INTO ${this.sql.schema}.users (id, email, name, password_hash, role) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email) DO NOTHING RETURNING ${USER_COLS}`,
      [user.id, user.email, user.name, user.passwordHash, user.role],
    );
    return rows[0] ?? null;
  }

  async userByEmail(email: string): Promise<UserRow | null> {
    const { rows } = await this.sql.pool.query<UserRow>(
      `SELECT ${USER_COLS} FROM ${this.sql.schema}.users WHERE email = $1`,
      [email],
    );
    return rows[0] ?? null;
  }

  async userById(id: string): Promise<UserRow | null> {
    const { rows } = await this.sql.pool.query<UserRow>(
      `SELECT ${USER_COLS} FROM ${this.sql.schema}.users WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async usersByIds(ids: readonly string[]): Promise<UserRow[]> {
    const { rows } = await this.sql.pool.query<UserRow>(
      `SELECT ${USER_COLS} FROM ${this.sql.schema}.users WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows;
  }

  async insertToken(token: Omit<ApiTokenRow, 'createdAt' | 'lastUsedAt' | 'revokedAt'>, tokenHash: string) {
    const { rows } = await this.sql.pool.query<ApiTokenRow>(
      `INSERT INTO ${this.sql.schema}.api_tokens (id, user_id, name, token_hash, scopes, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${TOKEN_COLS}`,
      [token.id, token.userId, token.name, tokenHash, token.scopes, token.expiresAt],
    );
    return rows[0]!;
  }

  /** A usable token by its hash (not revoked, not expired); marks it used. */
  async useToken(tokenHash: string): Promise<ApiTokenRow | null> {
    const { rows } = await this.sql.pool.query<ApiTokenRow>(
      `UPDATE ${this.sql.schema}.api_tokens SET last_used_at = now()
       WHERE token_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
       RETURNING ${TOKEN_COLS}`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async tokensOf(userId: string): Promise<ApiTokenRow[]> {
    const { rows } = await this.sql.pool.query<ApiTokenRow>(
      `SELECT ${TOKEN_COLS} FROM ${this.sql.schema}.api_tokens WHERE user_id = $1 ORDER BY created_at DESC`,
      [userId],
    );
    return rows;
  }

  /** Revokes a token of this user; false when there is no such token of theirs. */
  async revokeToken(userId: string, tokenId: string): Promise<boolean> {
    const { rowCount } = await this.sql.pool.query(
      `UPDATE ${this.sql.schema}.api_tokens SET revoked_at = now()
       WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL`,
      [tokenId, userId],
    );
    return (rowCount ?? 0) > 0;
  }
}
