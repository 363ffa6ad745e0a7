// The PGP option: the file is encrypted to the downloader's OpenPGP public key as it streams
// from the provider (openpgp.js works on web streams; Node streams are bridged both ways), so
// any size goes through in constant memory. Output is binary OpenPGP, what `gpg -d` reads.
import { Readable } from 'node:stream';
import { SyncoxideError } from '@syncoxide/core';
import * as openpgp from 'openpgp';

/** Largest public key accepted (a key with many signatures is still far below this). */
export const MAX_KEY_BYTES = 64 * 1024;

export async function readRecipientKey(text: string): Promise<openpgp.PublicKey> {
  try {
    const key = text.includes('-----BEGIN PGP')
      ? await openpgp.readKey({ armoredKey: text })
      : await openpgp.readKey({ binaryKey: Buffer.from(text, 'base64') });
    // Throws when the key cannot encrypt (expired, revoked, signing-only).
    await key.getEncryptionKey();
    return key.toPublic();
  } catch {
    throw new SyncoxideError('INVALID_INPUT', 'not a usable OpenPGP public key (armored, able to encrypt)');
  }
}

export async function encryptStream(
  source: Readable,
  key: openpgp.PublicKey,
  name: string,
): Promise<Readable> {
  const message = await openpgp.createMessage({
    binary: Readable.toWeb(source) as unknown as ReadableStream<Uint8Array>,
    filename: name,
    format: 'binary',
  });
  const encrypted = (await openpgp.encrypt({
    message,
    encryptionKeys: key,
    format: 'binary',
  })) as unknown as ReadableStream<Uint8Array>;
  return Readable.fromWeb(encrypted as import('node:stream/web').ReadableStream<Uint8Array>);
}

/** What the page tells the downloader to run. */
export function gpgCommand(name: string): string {
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  return `gpg --output ${q(name)} --decrypt ${q(`${name}.gpg`)}`;
}
