// Reading an encrypted share in the browser: the private key is unlocked here with the
// passphrase (openpgp), the share's session key unwrapped with it, and any byte range of a file
// decrypted from only the ciphertext segments around it (pgp-walker.ts: fetched with HTTP
// Range from the gateway, which streams them from the recipient's own provider). Nothing
// decrypted, no passphrase and no clear key leaves the page.
import { cfb } from '@noble/ciphers/aes.js';
import * as openpgp from 'openpgp';
import { type CfbFactory, decryptRange, type PlainRange, type RangeSource } from './pgp-walker';

/** Unlocks the stored (passphrase-protected) private key; a wrong passphrase throws. */
export async function unlockKey(armoredPrivateKey: string, passphrase: string): Promise<openpgp.PrivateKey> {
  return openpgp.decryptKey({
    privateKey: await openpgp.readPrivateKey({ armoredKey: armoredPrivateKey }),
    passphrase,
  });
}

/** The share's session key, unwrapped from its key packets (UserShare.sessionKey). */
export async function unwrapSessionKey(wrapped: string, key: openpgp.PrivateKey): Promise<Uint8Array> {
  const [sk] = await openpgp.decryptSessionKeys({
    message: await openpgp.readMessage({ armoredMessage: wrapped }),
    decryptionKeys: key,
  });
  if (!sk?.data) throw new Error('this key cannot open the share (was it made for another key?)');
  return sk.data;
}

/**
 * CFB-128 in pieces with @noble/ciphers (WebCrypto has no CFB). Each call decrypts the bytes of
 * the block in progress again with the new ones, so every call returns exactly its bytes.
 */
export function browserCfb(key: Uint8Array): CfbFactory {
  return (first) => {
    let iv = first.slice();
    let partial = new Uint8Array(0);
    return {
      update(c) {
        const data = new Uint8Array(partial.length + c.length);
        data.set(partial);
        data.set(c, partial.length);
        const plain = cfb(key, iv).decrypt(data);
        const whole = data.length - (data.length % 16);
        if (whole > 0) iv = data.slice(whole - 16, whole);
        partial = data.slice(whole);
        return plain.subarray(data.length - c.length);
      },
    };
  };
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The index of one file and a ranged fetch of its ciphertext, through the dashboard's proxy. */
export async function encryptedSource(shareId: string, path: string): Promise<RangeSource> {
  const base = `/api/user-shares/${encodeURIComponent(shareId)}/encrypted`;
  const q = `path=${encodeURIComponent(path)}`;
  const res = await fetch(`${base}-index?${q}`, { cache: 'no-store' });
  if (!res.ok) throw new Error(res.status === 404 ? 'not found' : `HTTP ${res.status}`);
  const info = (await res.json()) as { size: number; etag: string; segments: RangeSource['segments'] };
  return {
    size: info.size,
    segments: info.segments,
    async fetch(start, end) {
      const r = await fetch(`${base}?${q}`, {
        cache: 'no-store',
        headers: { range: `bytes=${start}-${end === null ? '' : end - 1}`, 'if-range': info.etag },
      });
      if (r.status !== 206 || !r.body) throw new Error(`HTTP ${r.status}: the file changed, try again`);
      return r.body;
    },
  };
}

/** Plaintext bytes [start, end] of a file of an encrypted share. */
export async function readEncrypted(
  shareId: string,
  path: string,
  sessionKey: Uint8Array,
  start: number,
  end: number,
): Promise<PlainRange & { size: number }> {
  const src = await encryptedSource(shareId, path);
  const r = await decryptRange(src, browserCfb(sessionKey), sha256Hex, start, Math.min(end, src.size - 1));
  return { ...r, size: src.size };
}
