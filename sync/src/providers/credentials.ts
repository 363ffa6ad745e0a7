// Remote configs (with their secrets) at rest in PostgreSQL, encrypted with AES-256-GCM. Each
// row names the key that sealed it (key id = a fingerprint of the key, never the key), so keys
// can rotate: old keys stay in the ring for reading, `reencrypt` moves rows to the current one.
// The owner and remote ids are bound into the ciphertext (GCM associated data): a sealed config
// copied into another owner's row does not decrypt.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SyncoxideError } from '@syncoxide/core';
import type { Pool, PoolClient } from 'pg';
import type { RemoteConfig } from './config.js';
import { parseRemoteConfig } from './registry.js';

const FORMAT = 1;

export interface SealingKey {
  id: string;
  key: Buffer;
}

export function sealingKey(key: Buffer): SealingKey {
  if (key.length !== 32)
    throw new SyncoxideError('INVALID_INPUT', `secretKey must be 32 bytes, got ${key.length}`);
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}

/** The current key first, then older ones still accepted for reading. */
export class KeyRing {
  readonly current: SealingKey;
  private readonly byId: Map<string, SealingKey>;

  constructor(current: Buffer, older: Buffer[] = []) {
    this.current = sealingKey(current);
    this.byId = new Map([this.current, ...older.map(sealingKey)].map((k) => [k.id, k]));
  }

  get(id: string): SealingKey | undefined {
    return this.byId.get(id);
  }

  /** Ids of the older keys, still readable, to be rotated away from. */
  olderIds(): string[] {
    return [...this.byId.keys()].filter((id) => id !== this.current.id);
  }
}

/**
 * The installation's key: core config `secretKey` (base64 of 32 bytes) when set, else
 * `<home>/secret.key`, generated on first use with mode 0600.
 */
export async function loadSecretKey(config: { secretKey: string; home: string }): Promise<Buffer> {
  const decode = (text: string, where: string): Buffer => {
    const key = Buffer.from(text.trim(), 'base64');
    if (key.length !== 32) {
      throw new SyncoxideError(
        'INVALID_INPUT',
        `${where} must be the base64 of 32 bytes (got ${key.length} bytes)`,
      );
    }
    return key;
  };
  if (config.secretKey) return decode(config.secretKey, 'secretKey');
  const file = join(config.home, 'secret.key');
  try {
    return decode(await readFile(file, 'utf8'), file);
  } catch (err) {
    if ((err as { code?: string }).code !== 'ENOENT') throw err;
  }
  await mkdir(config.home, { recursive: true, mode: 0o700 });
  try {
    // 'wx': two processes starting at once must not each write a different key.
    await writeFile(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as { code?: string }).code !== 'EEXIST') throw err;
  }
  return decode(await readFile(file, 'utf8'), file);
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new SyncoxideError('INVALID_INPUT', `bad schema name "${name}"`);
  return `"${name}"`;
}

/** Creates the table if needed; safe to run concurrently and repeatedly. */
export async function migrateCredentials(pool: Pool, schema = 'public'): Promise<void> {
  const s = quoteIdent(schema);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Concurrent CREATE ... IF NOT EXISTS can still collide in the catalog: serialise them.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`syncoxide.credentials.${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${s}.remote_credentials (
      owner_id text NOT NULL,
      remote_id text NOT NULL,
      type text NOT NULL,
      key_id text NOT NULL,
      format smallint NOT NULL,
      iv bytea NOT NULL,
      tag bytea NOT NULL,
      ciphertext bytea NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (owner_id, remote_id)
    )`);
    await client.query(
      `CREATE INDEX IF NOT EXISTS remote_credentials_key_id ON ${s}.remote_credentials (key_id)`,
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

interface Row {
  remote_id: string;
  key_id: string;
  format: number;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

function aad(ownerId: string, remoteId: string): Buffer {
  return Buffer.from(`syncoxide.remote.v${FORMAT}\0${ownerId}\0${remoteId}`);
}

export class RemoteCredentialStore {
  private readonly table: string;

  constructor(
    private readonly pool: Pool,
    private readonly keys: KeyRing,
    options: { schema?: string } = {},
  ) {
    this.table = `${quoteIdent(options.schema ?? 'public')}.remote_credentials`;
  }

  /** Validates and stores (or replaces) a remote's config, sealed with the current key. */
  async save(ownerId: string, remoteId: string, config: unknown): Promise<void> {
    const valid = parseRemoteConfig(config);
    const sealed = this.seal(ownerId, remoteId, valid);
    await this.pool.query(
      `INSERT INTO ${this.table} (owner_id, remote_id, type, key_id, format, iv, tag, ciphertext)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (owner_id, remote_id) DO UPDATE SET type = $3, key_id = $4, format = $5, iv = $6, tag = $7,
         ciphertext = $8, updated_at = now()`,
      [ownerId, remoteId, valid.type, sealed.key_id, FORMAT, sealed.iv, sealed.tag, sealed.ciphertext],
    );
  }

  /** The owner's remote config; another owner's remote is NOT_FOUND, like a missing one. */
  async load(ownerId: string, remoteId: string): Promise<RemoteConfig> {
    const { rows } = await this.pool.query<Row>(
      `SELECT remote_id, key_id, format, iv, tag, ciphertext FROM ${this.table} WHERE owner_id = $1 AND remote_id = $2`,
      [ownerId, remoteId],
    );
    const row = rows[0];
    if (!row) throw new SyncoxideError('NOT_FOUND', 'no such remote', { path: remoteId });
    return this.open(ownerId, row);
  }

  async delete(ownerId: string, remoteId: string): Promise<void> {
    const { rowCount } = await this.pool.query(
      `DELETE FROM ${this.table} WHERE owner_id = $1 AND remote_id = $2`,
      [ownerId, remoteId],
    );
    if (!rowCount) throw new SyncoxideError('NOT_FOUND', 'no such remote', { path: remoteId });
  }

  /** The owner's remotes: ids and types only, nothing secret. */
  async list(ownerId: string): Promise<{ remoteId: string; type: string }[]> {
    const { rows } = await this.pool.query<{ remote_id: string; type: string }>(
      `SELECT remote_id, type FROM ${this.table} WHERE owner_id = $1 ORDER BY remote_id`,
      [ownerId],
    );
    return rows.map((r) => ({ remoteId: r.remote_id, type: r.type }));
  }

  /**
   * Re-seals every row sealed with one of the ring's older keys under the current one (key
   * rotation); returns how many. Rows under keys the ring lacks are left alone.
   */
  async reencrypt(batch = 100): Promise<number> {
    const older = this.keys.olderIds();
    if (older.length === 0) return 0;
    let total = 0;
    for (;;) {
      const client: PoolClient = await this.pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<Row & { owner_id: string }>(
          `SELECT owner_id, remote_id, key_id, format, iv, tag, ciphertext FROM ${this.table}
           WHERE key_id = ANY($1) LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [older, batch],
        );
        for (const row of rows) {
          const sealed = this.seal(row.owner_id, row.remote_id, this.open(row.owner_id, row));
          await client.query(
            `UPDATE ${this.table} SET key_id = $3, format = $4, iv = $5, tag = $6, ciphertext = $7, updated_at = now()
             WHERE owner_id = $1 AND remote_id = $2`,
            [row.owner_id, row.remote_id, sealed.key_id, FORMAT, sealed.iv, sealed.tag, sealed.ciphertext],
          );
        }
        await client.query('COMMIT');
        total += rows.length;
        if (rows.length < batch) return total;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    }
  }

  private seal(ownerId: string, remoteId: string, config: RemoteConfig) {
    const { id, key } = this.keys.current;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(aad(ownerId, remoteId));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(config), 'utf8'), cipher.final()]);
    return { key_id: id, iv, tag: cipher.getAuthTag(), ciphertext };
  }

  private open(ownerId: string, row: Row): RemoteConfig {
    const remoteId = row.remote_id;
    if (row.format !== FORMAT) {
      throw new SyncoxideError('CORRUPTED', `stored credentials have unknown format ${row.format}`, {
        path: remoteId,
      });
    }
    const sealing = this.keys.get(row.key_id);
    if (!sealing) {
      throw new SyncoxideError(
        'CORRUPTED',
        `credentials were sealed with key ${row.key_id}, which this installation does not have (check secretKey)`,
        { path: remoteId },
      );
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', sealing.key, row.iv);
      decipher.setAAD(aad(ownerId, remoteId));
      decipher.setAuthTag(row.tag);
      const json = Buffer.concat([decipher.update(row.ciphertext), decipher.final()]).toString('utf8');
      return parseRemoteConfig(JSON.parse(json));
    } catch (cause) {
      // Never the plaintext or the key in the message: only which remote and which key.
      throw new SyncoxideError(
        'CORRUPTED',
        `cannot decrypt credentials with key ${row.key_id} (wrong key or tampered row)`,
        {
          path: remoteId,
          cause: isSyncoxideLike(cause) ? cause : undefined,
        },
      );
    }
  }
}

function isSyncoxideLike(err: unknown): boolean {
  return err instanceof SyncoxideError;
}

const SECRET_FIELDS = new Set(['secretAccessKey', 'password', 'privateKey', 'passphrase', 'rcloneConfig']);

/** A copy of a remote config safe to log or show: secret fields replaced. */
export function redactRemoteConfig(config: RemoteConfig): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([k, v]) => [k, SECRET_FIELDS.has(k) && v !== undefined ? '[redacted]' : v]),
  );
}
