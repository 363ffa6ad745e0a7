// Encrypted shares: the sharer's files reach the recipient's provider only as OpenPGP
// messages, `<path>.pgp` beside where the plain file would be, one message per file. Every
// message of a share uses the share's one session key (AES-256), whose key packets are made for
// the recipient's and the sharer's public keys, so `gpg -d` with either private key reads it.
// The session key is kept twice: wrapped for both parties (what the app unwraps in the
// browser) and sealed with the installation key (AES-256-GCM, bound to the share id) so the
// gateway can encrypt new files while nobody is signed in. The gateway reads the sharer's
// plaintext anyway (it copies it), so this protects the copy at rest on the recipient's
// provider, not against the gateway's operator.
//
// The sync engine verifies what it wrote against the source's size and hash, which a
// ciphertext cannot match, so encrypted shares are transferred here: one-way (sharer →
// recipient; the recipient's side is read-only), each new or changed file streamed through
// openpgp into an atomic provider write, per-path state of the plaintext source in PostgreSQL
// so unchanged files are skipped, and each write journaled (planned → done | failed).
import { createCipheriv, createDecipheriv, createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SyncoxideError } from '@syncoxide/core';
import type { Entry, Provider } from '@syncoxide/sync';
import * as openpgp from 'openpgp';
import type { Sql } from '../db/sql.js';
import type { ProviderPool } from '../remotes/providers.js';
import { type CipherIndex, indexingTap } from './cipher-index.js';
import { parentOf } from './share-rule.js';
import type { UserShareRow } from './shares.repository.js';

export const SUFFIX = '.pgp';
const ALGORITHM = 'aes256';

export interface SessionKey {
  data: Uint8Array;
  algorithm: typeof ALGORITHM;
}

export interface EncryptedRunResult {
  result: 'ok' | 'partial' | 'failed' | 'unchanged';
  /** Plain paths (inside the share) whose ciphertext was written. */
  written: string[];
  /** Plain paths whose ciphertext was removed (gone from the sharer's side). */
  removed: string[];
  failed: { path: string; error: string }[];
}

export interface EncryptedFileRow {
  path: string;
  size: number;
  sha256: string;
  cipherSize: number;
  updatedAt: Date;
}

export async function migrateEncryptedShares({ pool, schema }: Sql): Promise<void> {
  await pool.query(`
    CREATE SCHEMA IF NOT EXISTS ${schema};
    -- What was last encrypted for each path: the plaintext source's size/mtime/etag (to skip
    -- unchanged files) and its SHA-256, and the ciphertext's size.
    CREATE TABLE IF NOT EXISTS ${schema}.encrypted_share_files (
      share_id uuid NOT NULL,
      path text NOT NULL,
      size bigint NOT NULL,
      mtime bigint,
      etag text,
      sha256 text NOT NULL,
      cipher_size bigint NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (share_id, path)
    );
    -- The journal of encrypted writes: a row before the provider is touched, closed after.
    CREATE TABLE IF NOT EXISTS ${schema}.encrypted_share_ops (
      id uuid PRIMARY KEY,
      share_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('write', 'delete')),
      path text NOT NULL,
      target text NOT NULL,
      state text NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'done', 'failed')),
      error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    );
    CREATE INDEX IF NOT EXISTS encrypted_share_ops_share ON ${schema}.encrypted_share_ops (share_id, created_at);
    -- Where to resume decrypting inside the ciphertext (cipher-index.ts); null for files
    -- written before ranged reads (read whole).
    ALTER TABLE ${schema}.encrypted_share_files ADD COLUMN IF NOT EXISTS segments jsonb;
  `);
}

/** A fresh session key for a share, sealed for the gateway and wrapped for both parties. */
export async function newSessionKey(
  shareId: string,
  sealingKey: Buffer,
  keys: openpgp.PublicKey[],
): Promise<{ sealed: string; wrapped: string }> {
  const key: SessionKey = { data: new Uint8Array(randomBytes(32)), algorithm: ALGORITHM };
  return { sealed: seal(shareId, sealingKey, key.data), wrapped: await wrap(key, keys) };
}

export async function wrap(key: SessionKey, keys: openpgp.PublicKey[]): Promise<string> {
  return openpgp.encryptSessionKey({ ...key, encryptionKeys: keys, format: 'armored' });
}

/** AES-256-GCM with the share id as associated data: a sealed key moved to another share fails. */
function seal(shareId: string, key: Buffer, data: Uint8Array): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(shareId));
  const body = Buffer.concat([c.update(data), c.final()]);
  return ['v1', iv, c.getAuthTag(), body]
    .map((x) => (typeof x === 'string' ? x : x.toString('base64')))
    .join('.');
}

export function unseal(shareId: string, key: Buffer, sealed: string): SessionKey {
  const [v, iv, tag, body] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || !body)
    throw new SyncoxideError('INTERNAL', 'unreadable sealed session key');
  const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  d.setAAD(Buffer.from(shareId));
  d.setAuthTag(Buffer.from(tag, 'base64'));
  const data = Buffer.concat([d.update(Buffer.from(body, 'base64')), d.final()]);
  return { data: new Uint8Array(data), algorithm: ALGORITHM };
}

/** Streams `source` out as one binary OpenPGP message under the share's session key. */
export async function encryptWith(
  source: Readable,
  key: SessionKey,
  keys: openpgp.PublicKey[],
  name: string,
): Promise<Readable> {
  const message = await openpgp.createMessage({
    binary: Readable.toWeb(source) as unknown as ReadableStream<Uint8Array>,
    filename: name,
    format: 'binary',
  });
  const out = (await openpgp.encrypt({
    message,
    encryptionKeys: keys,
    sessionKey: key,
    format: 'binary',
  })) as unknown as import('node:stream/web').ReadableStream<Uint8Array>;
  return Readable.fromWeb(out);
}

/** Counts and hashes what flows through. */
function tap(): Transform & { digest(): { size: number; sha256: string } } {
  const h = createHash('sha256');
  let size = 0;
  const t = new Transform({
    transform(chunk: Buffer, _e, cb) {
      h.update(chunk);
      size += chunk.length;
      cb(null, chunk);
    },
  });
  return Object.assign(t, { digest: () => ({ size, sha256: h.digest('hex') }) });
}

/** Where a share's files are on the recipient's side, and the path inside the share of each. */
export function cipherPath(share: UserShareRow, rel: string): string {
  const base = share.targetPath ?? '';
  return `${base === '' ? rel : `${base}/${rel}`}${SUFFIX}`;
}

export interface EncryptedFile {
  path: string;
  cipherSize: number;
  plainSize: number;
  sha256: string;
  /** null: no index (segments null: it could not be made); the file is read from its start. */
  index: { segments: CipherIndex['segments'] | null } | null;
  open(range?: { start: number; end: number }): Promise<Readable>;
}

export class EncryptedShares {
  constructor(
    private readonly d: {
      sql: Sql;
      providers: ProviderPool;
      sealingKey: Buffer;
      sealed: (shareId: string) => Promise<string | null>;
      publicKey: (userId: string) => Promise<openpgp.PublicKey | null>;
    },
  ) {}

  private t(name: string): string {
    return `${this.d.sql.schema}.${name}`;
  }

  async files(shareId: string): Promise<EncryptedFileRow[]> {
    const { rows } = await this.d.sql.pool.query<EncryptedFileRow>(
      `SELECT path, size::float8 AS size, sha256, cipher_size::float8 AS "cipherSize", updated_at AS "updatedAt"
       FROM ${this.t('encrypted_share_files')} WHERE share_id = $1 ORDER BY path`,
      [shareId],
    );
    return rows;
  }

  /** The session key (unsealed) and the keys every message is made for: recipient, then sharer. */
  private async material(share: UserShareRow): Promise<{ key: SessionKey; keys: openpgp.PublicKey[] }> {
    const sealed = await this.d.sealed(share.id);
    if (!sealed) throw new SyncoxideError('INTERNAL', `share ${share.id} has no session key`);
    const recipient = await this.d.publicKey(share.recipientId!);
    const sharer = await this.d.publicKey(share.ownerId);
    if (!recipient) throw new SyncoxideError('PRECONDITION_FAILED', 'the recipient has no OpenPGP key');
    return {
      key: unseal(share.id, this.d.sealingKey, sealed),
      keys: sharer ? [recipient, sharer] : [recipient],
    };
  }

  /** The sharer's plain files of the share, by path inside it. */
  private async sources(src: Provider, share: UserShareRow): Promise<Map<string, Entry>> {
    const out = new Map<string, Entry>();
    if (share.kind === 'file') {
      const e = await src.stat(share.path);
      if (e?.kind === 'file') out.set(share.name, e);
      return out;
    }
    const base = share.path;
    for await (const e of src.list(base, { recursive: true }))
      if (e.kind === 'file') out.set(base === '' ? e.path : e.path.slice(base.length + 1), e);
    return out;
  }

  /**
   * One pass sharer → recipient. Runs of one share never overlap (a PostgreSQL advisory lock
   * held for the pass, so several gateway processes are fine too).
   */
  async run(share: UserShareRow): Promise<EncryptedRunResult> {
    const lock = await this.d.sql.pool.connect();
    try {
      await lock.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [`encshare:${share.id}`]);
      return await this.pass(share);
    } finally {
      await lock
        .query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [`encshare:${share.id}`])
        .catch(() => {});
      lock.release();
    }
  }

  private async pass(share: UserShareRow): Promise<EncryptedRunResult> {
    const src = await this.d.providers.get(share.ownerId, share.remoteId);
    const dst = await this.d.providers.get(share.recipientId!, share.targetRemoteId!);
    const { key, keys } = await this.material(share);
    const known = new Map(
      (
        await this.d.sql.pool.query<{
          path: string;
          size: string;
          mtime: string | null;
          etag: string | null;
        }>(`SELECT path, size, mtime, etag FROM ${this.t('encrypted_share_files')} WHERE share_id = $1`, [
          share.id,
        ])
      ).rows.map((r) => [r.path, r]),
    );
    const result: EncryptedRunResult = { result: 'unchanged', written: [], removed: [], failed: [] };
    const sources = await this.sources(src, share);
    const made = new Set<string>();
    for (const [rel, e] of [...sources].sort(([a], [b]) => a.localeCompare(b))) {
      const k = known.get(rel);
      if (
        k &&
        Number(k.size) === e.size &&
        (k.mtime === null ? null : Number(k.mtime)) === e.mtime &&
        k.etag === e.etag
      )
        continue;
      const target = cipherPath(share, rel);
      try {
        await this.journaled(share.id, 'write', rel, target, async () => {
          const folder = parentOf(target);
          if (folder !== '' && !made.has(folder)) {
            await dst.mkdir(folder);
            made.add(folder);
          }
          const counted = tap();
          const plain = (await src.read(e.path)).pipe(counted);
          const name = rel.slice(rel.lastIndexOf('/') + 1);
          // Through the indexing tap: the provider sees an ordinary Node stream whatever openpgp
          // hands back, and the file's index is made on the way.
          const indexing = indexingTap(key.data);
          const cipher = (await encryptWith(plain, key, keys, name)).pipe(indexing);
          const stored = await dst.write(target, cipher, e.mtime ? { mtime: e.mtime } : {});
          const { size, sha256 } = counted.digest();
          const index = indexing.result({ size, sha256 });
          await this.d.sql.pool.query(
            `INSERT INTO ${this.t('encrypted_share_files')} (share_id, path, size, mtime, etag, sha256, cipher_size, segments)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (share_id, path) DO UPDATE SET size = $3, mtime = $4, etag = $5, sha256 = $6,
               cipher_size = $7, segments = $8, updated_at = now()`,
            [
              share.id,
              rel,
              size,
              e.mtime,
              e.etag,
              sha256,
              stored.size,
              JSON.stringify(index ?? { v: 1, segments: null }),
            ],
          );
        });
        result.written.push(rel);
      } catch (err) {
        result.failed.push({ path: rel, error: (err as Error).message });
      }
    }
    for (const rel of known.keys()) {
      if (sources.has(rel)) continue;
      const target = cipherPath(share, rel);
      try {
        await this.journaled(share.id, 'delete', rel, target, async () => {
          await dst.delete(target).catch((err: unknown) => {
            if ((err as { code?: string }).code !== 'NOT_FOUND') throw err;
          });
          await this.d.sql.pool.query(
            `DELETE FROM ${this.t('encrypted_share_files')} WHERE share_id = $1 AND path = $2`,
            [share.id, rel],
          );
        });
        result.removed.push(rel);
      } catch (err) {
        result.failed.push({ path: rel, error: (err as Error).message });
      }
    }
    await this.indexOlder(share, dst, key);
    const done = result.written.length + result.removed.length;
    result.result =
      result.failed.length === 0 ? (done === 0 ? 'unchanged' : 'ok') : done > 0 ? 'partial' : 'failed';
    return result;
  }

  /**
   * Files encrypted before ranged reads existed have no index: read each one's ciphertext back
   * once and index it, so it too is read in segments from then on. One that cannot be indexed
   * (edited by the recipient, say) is marked so it is not read again at every pass; it is still
   * read from its start, and indexed when its source next changes.
   */
  private async indexOlder(share: UserShareRow, dst: Provider, key: SessionKey): Promise<void> {
    const files = this.t('encrypted_share_files');
    const { rows } = await this.d.sql.pool.query<{ path: string; size: number; sha256: string }>(
      `SELECT path, size::float8 AS size, sha256 FROM ${files} WHERE share_id = $1 AND segments IS NULL`,
      [share.id],
    );
    for (const r of rows) {
      try {
        const indexing = indexingTap(key.data);
        await pipeline(
          await dst.read(cipherPath(share, r.path)),
          indexing,
          new Writable({ write: (_c, _e, cb) => cb() }),
        );
        const index = indexing.result({ size: r.size, sha256: r.sha256 });
        await this.d.sql.pool.query(
          `UPDATE ${files} SET segments = $3 WHERE share_id = $1 AND path = $2 AND segments IS NULL`,
          [share.id, r.path, JSON.stringify(index ?? { v: 1, segments: null })],
        );
      } catch {
        // Unreadable now (provider down, file gone): tried again at the next pass.
      }
    }
  }

  private async journaled(
    shareId: string,
    kind: 'write' | 'delete',
    path: string,
    target: string,
    act: () => Promise<void>,
  ): Promise<void> {
    const id = randomUUID();
    const ops = this.t('encrypted_share_ops');
    await this.d.sql.pool.query(
      `INSERT INTO ${ops} (id, share_id, kind, path, target) VALUES ($1, $2, $3, $4, $5)`,
      [id, shareId, kind, path, target],
    );
    try {
      await act();
    } catch (err) {
      await this.d.sql.pool
        .query(`UPDATE ${ops} SET state = 'failed', error = $2, finished_at = now() WHERE id = $1`, [
          id,
          (err as Error).message,
        ])
        .catch(() => {});
      throw err;
    }
    await this.d.sql.pool.query(`UPDATE ${ops} SET state = 'done', finished_at = now() WHERE id = $1`, [id]);
  }

  /**
   * One file of the share on the recipient's provider: its ciphertext (whole or a byte range of
   * it), what was encrypted (plaintext size and SHA-256) and the index for ranged decryption.
   */
  async read(share: UserShareRow, rel: string): Promise<EncryptedFile> {
    const clean = rel.replace(/^\/+/, '');
    if (
      clean === '' ||
      clean.split('/').some((s) => s === '' || s === '.' || s === '..') ||
      clean.includes('\u0000')
    )
      throw new SyncoxideError('INVALID_INPUT', 'not a valid path');
    const { rows } = await this.d.sql.pool.query<{
      size: number;
      sha256: string;
      segments: CipherIndex | null;
    }>(
      `SELECT size::float8 AS size, sha256, segments FROM ${this.t('encrypted_share_files')}
       WHERE share_id = $1 AND path = $2`,
      [share.id, clean],
    );
    const known = rows[0];
    if (!known) throw new SyncoxideError('NOT_FOUND', 'not found');
    const dst = await this.d.providers.get(share.recipientId!, share.targetRemoteId!);
    const target = cipherPath(share, clean);
    const e = await dst.stat(target);
    if (e?.kind !== 'file') throw new SyncoxideError('NOT_FOUND', 'not found');
    return {
      path: clean,
      cipherSize: e.size,
      plainSize: known.size,
      sha256: known.sha256,
      index: known.segments,
      open: (range) => (range ? dst.read(target, range) : dst.read(target)),
    };
  }

  /** Wraps the session key again for the current keys of both parties (after a key change). */
  async rewrap(share: UserShareRow): Promise<string | null> {
    if (!share.recipientId) return null;
    const { key, keys } = await this.material(share).catch(() => ({ key: null, keys: [] }));
    return key ? wrap(key, keys) : null;
  }
}
