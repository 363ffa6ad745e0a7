// What the app does to read an encrypted share, for the gateway's tests: unwrap the share's
// session key with the recipient's unlocked key, and give decryptRange the index route's answer
// and ranged fetches of the ciphertext route.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as openpgp from 'openpgp';
import { nodeCfb } from '../src/sharing/cipher-index.js';
import { decryptRange, type PlainRange, type RangeSource } from '../src/sharing/pgp-walker.js';
import type { Client } from './harness.js';

export async function sessionKeyOf(
  wrapped: string,
  armoredPrivateKey: string,
  passphrase: string,
): Promise<Uint8Array> {
  const key = await openpgp.decryptKey({
    privateKey: await openpgp.readPrivateKey({ armoredKey: armoredPrivateKey }),
    passphrase,
  });
  const [sk] = await openpgp.decryptSessionKeys({
    message: await openpgp.readMessage({ armoredMessage: wrapped }),
    decryptionKeys: key,
  });
  return (sk as openpgp.SessionKey).data;
}

export const sha256Hex = async (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The index route's answer for one file, with a fetch of ciphertext ranges as the app makes. */
export async function rangeSource(
  c: Client,
  shareId: string,
  path: string,
): Promise<RangeSource & { cipherSize: number; etag: string }> {
  const q = `/user-shares/${shareId}/encrypted`;
  const res = await c.fetch(`${q}-index?path=${encodeURIComponent(path)}`);
  assert.equal(res.status, 200);
  const info = (await res.json()) as {
    size: number;
    cipherSize: number;
    etag: string;
    segments: RangeSource['segments'];
  };
  return {
    ...info,
    fetch: async (start, end) => {
      const r = await c.fetch(`${q}?path=${encodeURIComponent(path)}`, {
        headers: { range: `bytes=${start}-${end === null ? '' : end - 1}`, 'if-range': info.etag },
      });
      assert.equal(r.status, 206);
      return r.body!;
    },
  };
}

/** Plaintext bytes [start, end] of a file of the share, read as the app reads them. */
export async function readRange(
  c: Client,
  shareId: string,
  path: string,
  sessionKey: Uint8Array,
  start: number,
  end: number,
): Promise<PlainRange> {
  return decryptRange(await rangeSource(c, shareId, path), nodeCfb(sessionKey), sha256Hex, start, end);
}
