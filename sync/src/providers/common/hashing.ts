// MD5 and SHA1 computed while bytes stream through (DESIGN-NOTES §4), so a write never needs a
// second read to know what it stored.
import { createHash, type Hash } from 'node:crypto';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import type { Hashes, HashType } from '../types.js';

/** A pass-through stream that hashes and counts what flows through it. */
export class HashingStream extends Transform {
  private readonly md5: Hash;
  private readonly sha1: Hash;
  bytes: number;
  private readonly onProgress: ((bytes: number) => void) | undefined;

  /** `resumeFrom` continues hashes already fed with earlier bytes (a resumed upload). */
  constructor(options: { onProgress?: (bytes: number) => void; resumeFrom?: HashState } = {}) {
    super();
    this.md5 = options.resumeFrom?.md5.copy() ?? createHash('md5');
    this.sha1 = options.resumeFrom?.sha1.copy() ?? createHash('sha1');
    this.bytes = options.resumeFrom?.bytes ?? 0;
    this.onProgress = options.onProgress;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.md5.update(chunk);
    this.sha1.update(chunk);
    this.bytes += chunk.length;
    this.onProgress?.(this.bytes);
    callback(null, chunk);
  }

  /** The running state, which can keep being extended (copies, so this stream is unaffected). */
  state(): HashState {
    return { md5: this.md5.copy(), sha1: this.sha1.copy(), bytes: this.bytes };
  }
}

/** Hashes of a prefix of some content, still extendable. */
export interface HashState {
  md5: Hash;
  sha1: Hash;
  bytes: number;
}

export function newHashState(): HashState {
  return { md5: createHash('md5'), sha1: createHash('sha1'), bytes: 0 };
}

export function updateHashState(state: HashState, chunk: Buffer): void {
  state.md5.update(chunk);
  state.sha1.update(chunk);
  state.bytes += chunk.length;
}

/** Final digests of a state, leaving the state usable. */
export function digestsOf(state: HashState): Required<Hashes> {
  return { md5: state.md5.copy().digest('hex'), sha1: state.sha1.copy().digest('hex') };
}

/** Reads a stream to its end, returning its size and hashes. */
export async function hashReadable(source: Readable, from: HashState = newHashState()): Promise<HashState> {
  for await (const chunk of source) updateHashState(from, chunk as Buffer);
  return from;
}

export async function hashOf(source: Readable, type: HashType): Promise<string> {
  const hash = createHash(type);
  for await (const chunk of source) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
