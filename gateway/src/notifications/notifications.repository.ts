// Persistent notifications and each user's settings of what to be told, in PostgreSQL.
// Every read and write is scoped by user_id: another user's notification is simply absent.
import type { Sql } from '../db/sql.js';

export interface NotificationRow {
  id: string;
  userId: string;
  kind: string;
  title: string;
  message: string;
  data: Record<string, unknown>;
  readAt: Date | null;
  emailedAt: Date | null;
  createdAt: Date;
}

/** Per kind: in the app (persistent + live) and by email. */
export type NotificationPrefs = Record<string, { inApp: boolean; email: boolean }>;

const COLS = `id, user_id AS "userId", kind, title, message, data, read_at AS "readAt",
  emailed_at AS "emailedAt", created_at AS "createdAt"`;

export async function migrateNotifications({ pool, schema }: Sql): Promise<void> {
  await pool.query(`
    CREATE SCHEMA IF NOT EXISTS ${schema};
    CREATE TABLE IF NOT EXISTS ${schema}.notifications (
      id uuid PRIMARY KEY,
      user_id text NOT NULL,
      kind text NOT NULL,
      title text NOT NULL,
      message text NOT NULL,
      data jsonb NOT NULL DEFAULT '{}',
      read_at timestamptz,
      emailed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX IF NOT EXISTS notifications_user ON ${schema}.notifications (user_id, created_at DESC);
    CREATE INDEX IF NOT EXISTS notifications_unread ON ${schema}.notifications (user_id) WHERE read_at IS NULL;
    CREATE TABLE IF NOT EXISTS ${schema}.notification_settings (
      user_id text PRIMARY KEY,
      prefs jsonb NOT NULL DEFAULT '{}',
      updated_at timestamptz NOT NULL DEFAULT now()
    );
  `);
}

export class NotificationsRepository {
  constructor(private readonly sql: Sql) {}

  async insert(n: Omit<NotificationRow, 'readAt' | 'emailedAt' | 'createdAt'>): Promise<NotificationRow> {
    const { rows } = await this.sql.pool.query<NotificationRow>(
      `INSERT INTO ${this.sql.schema}.notifications (id, user_id, kind, title, message, data)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLS}`,
      [n.id, n.userId, n.kind, n.title, n.message, JSON.stringify(n.data)],
    );
    return rows[0]!;
  }

  async markEmailed(id: string): Promise<void> {
    await this.sql.pool.query(
      `UPDATE ${this.sql.schema}.notifications SET emailed_at = now() WHERE id = $1`,
      [id],
    );
  }

  async list(
    userId: string,
    options: { unreadOnly: boolean; limit: number; before: Date | null },
  ): Promise<NotificationRow[]> {
    const { rows } = await this.sql.pool.query<NotificationRow>(
      `SELECT ${COLS} FROM ${this.sql.schema}.notifications
       WHERE user_id = $1 AND ($2::boolean = false OR read_at IS NULL)
         AND ($3::timestamptz IS NULL OR created_at < $3)
       ORDER BY created_at DESC, id DESC LIMIT $4`,
      [userId, options.unreadOnly, options.before, options.limit],
    );
    return rows;
  }

  async unreadCount(userId: string): Promise<number> {
    const { rows } = await this.sql.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM ${this.sql.schema}.notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Marks the given ids (or all when null) read; returns how many changed. */
  async markRead(userId: string, ids: string[] | null): Promise<number> {
    const { rowCount } = await this.sql.pool.query(
      `UPDATE ${this.sql.schema}.notifications SET read_at = now()
       WHERE user_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))`,
      [userId, ids],
    );
    return rowCount ?? 0;
  }

  async prefs(userId: string): Promise<NotificationPrefs> {
    const { rows } = await this.sql.pool.query<{ prefs: NotificationPrefs }>(
      `SELECT prefs FROM ${this.sql.schema}.notification_settings WHERE user_id = $1`,
      [userId],
    );
    return rows[0]?.prefs ?? {};
  }

  async savePrefs(userId: string, prefs: NotificationPrefs): Promise<void> {
    await this.sql.pool.query(
      `INSERT INTO ${this.sql.schema}.notification_settings (user_id, prefs) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET prefs = EXCLUDED.prefs, updated_at = now()`,
      [userId, JSON.stringify(prefs)],
    );
  }
}
