// OpenPGP key pairs of users, for encrypted shares. The public key is stored as given; the
// private key only passphrase-protected (armored, as the client made it): an upload whose
// private key is not encrypted is refused, and the server-side generation encrypts the key as
// it is made and keeps nothing in the clear. The passphrase itself is never stored.
import { SyncoxideError } from '@syncoxide/core';
import * as openpgp from 'openpgp';
import type { AccountsRepository } from '../accounts/accounts.repository.js';
import type { Sql } from '../db/sql.js';
import { notFound } from '../ids.js';

/** Largest armored key accepted (a key with many signatures is still far below this). */
const MAX_KEY_CHARS = 64 * 1024;

export interface UserKeyPair {
  userId: string;
  fingerprint: string;
  publicKey: string;
  /** Armored, passphrase-protected. */
  privateKey: string;
  createdAt: Date;
  updatedAt: Date;
}

const COLS = `user_id AS "userId", fingerprint, public_key AS "publicKey", private_key AS "privateKey",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function migrateUserKeys({ pool, schema }: Sql): Promise<void> {
  await pool.query(`
    CREATE SCHEMA IF NOT EXISTS ${schema};
    CREATE TABLE IF NOT EXISTS ${schema}.user_keys (
      user_id text PRIMARY KEY,
      fingerprint text NOT NULL,
      public_key text NOT NULL,
      private_key text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
  `);
}

const bad = (m: string) => new SyncoxideError('INVALID_INPUT', m);

/** Checks an uploaded pair: both parse, they are one key, it can encrypt, the private part is locked. */
export async function validateKeyPair(
  publicArmored: string,
  privateArmored: string,
): Promise<{ publicKey: openpgp.PublicKey; fingerprint: string }> {
  if (publicArmored.length > MAX_KEY_CHARS || privateArmored.length > MAX_KEY_CHARS)
    throw bad('key too large');
  const publicKey = await openpgp.readKey({ armoredKey: publicArmored }).catch(() => {
    throw bad('publicKey: not an armored OpenPGP public key');
  });
  if (publicKey.isPrivate()) throw bad('publicKey: this is a private key; send its public part');
  const privateKey = await openpgp.readPrivateKey({ armoredKey: privateArmored }).catch(() => {
    throw bad('privateKey: not an armored OpenPGP private key');
  });
  // isDecrypted(): true when the primary key or any subkey is not protected.
  if (privateKey.isDecrypted())
    throw bad('privateKey must be encrypted with your passphrase; the server never stores a clear key');
  if (privateKey.getFingerprint() !== publicKey.getFingerprint())
    throw bad('publicKey and privateKey are not the same key');
  await publicKey.getEncryptionKey().catch(() => {
    throw bad('publicKey cannot encrypt (expired, revoked or signing-only)');
  });
  return { publicKey, fingerprint: publicKey.getFingerprint() };
}

export class UserKeys {
  constructor(
    private readonly d: {
      sql: Sql;
      accounts: AccountsRepository;
      /** Is there a live share between these two users (either way)? */
      shareBetween: (a: string, b: string) => Promise<boolean>;
      /** Called after a user's key changed (rewraps their encrypted shares' session keys). */
      onChange?: (userId: string) => Promise<void>;
    },
  ) {}

  private get t(): string {
    return `${this.d.sql.schema}.user_keys`;
  }

  async mine(userId: string): Promise<UserKeyPair | null> {
    const { rows } = await this.d.sql.pool.query<UserKeyPair>(
      `SELECT ${COLS} FROM ${this.t} WHERE user_id = $1`,
      [userId],
    );
    return rows[0] ?? null;
  }

  /** Stores a pair made by the client; the private key must already be passphrase-protected. */
  async set(userId: string, publicArmored: string, privateArmored: string): Promise<UserKeyPair> {
    const { fingerprint } = await validateKeyPair(publicArmored, privateArmored);
    const { rows } = await this.d.sql.pool.query<UserKeyPair>(
      `INSERT INTO ${this.t} (user_id, fingerprint, public_key, private_key) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id) DO UPDATE SET fingerprint = $2, public_key = $3, private_key = $4, updated_at = now()
       RETURNING ${COLS}`,
      [userId, fingerprint, publicArmored, privateArmored],
    );
    await this.d.onChange?.(userId);
    return rows[0]!;
  }

  /**
   * Convenience for clients without OpenPGP: generates a pair here, encrypted with the
   * passphrase as it is made (openpgp.js encrypts before armoring), and stores only that.
   */
  async generate(userId: string, passphrase: string): Promise<UserKeyPair> {
    if (passphrase.length < 8) throw bad('passphrase: at least 8 characters');
    const user = await this.d.accounts.userById(userId);
    const { publicKey, privateKey } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ name: user?.name || 'syncoxide user', email: user?.email ?? '' }],
      passphrase,
      format: 'armored',
    });
    return this.set(userId, publicKey, privateKey);
  }

  /**
   * Deletes the caller's pair. What was encrypted for it can no longer be opened by anyone but
   * the other party; encrypted shares to them stop receiving files until they set a new pair.
   */
  async remove(userId: string): Promise<boolean> {
    const { rowCount } = await this.d.sql.pool.query(`DELETE FROM ${this.t} WHERE user_id = $1`, [userId]);
    if (!rowCount) return false;
    await this.d.onChange?.(userId);
    return true;
  }

  /** Another user's public key: only when a share between the two exists (else NOT_FOUND). */
  async publicKeyOf(callerId: string, userId: string): Promise<UserKeyPair['publicKey']> {
    const pair =
      userId === callerId || (await this.d.shareBetween(callerId, userId)) ? await this.mine(userId) : null;
    if (!pair) throw notFound();
    return pair.publicKey;
  }

  /** The public key, read, for encrypting to; null when the user has none. */
  async publicKey(userId: string): Promise<openpgp.PublicKey | null> {
    const pair = await this.mine(userId);
    return pair ? openpgp.readKey({ armoredKey: pair.publicKey }) : null;
  }
}
