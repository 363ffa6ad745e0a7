// The index of an encrypted share file, made while the file is encrypted: the ciphertext is
// walked as it flows to the recipient's provider (decrypted again with the session key, which
// the gateway holds for the transfer anyway), and about every SEGMENT_BYTES of plaintext the
// walk's position is recorded with the SHA-256 of the plaintext since the previous one. With it
// the app decrypts a byte range from the few hundred KiB of ciphertext around it instead of the
// whole file, and still checks what it decrypted (see pgp-walker.ts).
import { createDecipheriv, createHash, type Hash } from 'node:crypto';
import { Transform } from 'node:stream';
import { type CfbFactory, PgpWalker, type WalkPoint } from './pgp-walker.js';

export const SEGMENT_BYTES = 256 * 1024;

/** Plaintext from `at` (null: the file's start) to the next segment's `at` (or the end). */
export interface CipherSegment {
  at: WalkPoint | null;
  sha256: string;
}

export interface CipherIndex {
  v: 1;
  segments: CipherSegment[];
}

/** CFB-128 with node:crypto (AES-256, the session key's algorithm). */
export function nodeCfb(key: Uint8Array): CfbFactory {
  return (iv) => {
    const d = createDecipheriv('aes-256-cfb', key, iv);
    return { update: (c) => new Uint8Array(d.update(c)) };
  };
}

/**
 * A pass-through for the ciphertext of one file that builds its index on the way. `result`
 * gives the index only when the walk read back exactly the plaintext that was encrypted
 * (same size and SHA-256), else null: a file without an index is still read whole.
 */
export function indexingTap(key: Uint8Array): Transform & {
  result(plain: { size: number; sha256: string }): CipherIndex | null;
} {
  const segments: CipherSegment[] = [];
  let segment: Hash = createHash('sha256');
  let start: WalkPoint | null = null;
  const whole = createHash('sha256');
  let size = 0;
  let broken = false;
  const walker = new PgpWalker(nodeCfb(key), (p) => {
    segment.update(p);
    whole.update(p);
    size += p.length;
  });
  const between = () => {
    const at = walker.point();
    if (!at || at.plain - (start?.plain ?? 0) < SEGMENT_BYTES) return;
    segments.push({ at: start, sha256: segment.digest('hex') });
    segment = createHash('sha256');
    start = at;
  };
  const t = new Transform({
    transform(chunk: Buffer, _e, cb) {
      if (!broken) {
        try {
          walker.feed(chunk, between);
        } catch {
          // Not the message shape we write (or a bug): no index, the file is still stored.
          broken = true;
        }
      }
      cb(null, chunk);
    },
  });
  return Object.assign(t, {
    result(plain: { size: number; sha256: string }): CipherIndex | null {
      if (broken || !walker.finished || size !== plain.size || whole.digest('hex') !== plain.sha256)
        return null;
      return { v: 1 as const, segments: [...segments, { at: start, sha256: segment.digest('hex') }] };
    },
  });
}
