// Test data for the conformance suite: deterministic pseudo-random bytes generated on the fly
// (never held in memory whole), addressable by offset so a resumed upload can continue the
// same content, with an optional pause point to hold a write in flight.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';

const BLOCK = 64 * 1024;

/** Fills one 64 KiB block; its bytes depend only on (seed, block index), so any offset is cheap. */
function makeBlock(seed: number, index: number): Buffer {
  const words = new Uint32Array(BLOCK / 4);
  let x = (Math.imul(seed + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return Buffer.from(words.buffer);
}

export interface PatternOptions {
  seed?: number;
  /** First byte to produce (to continue a resumed upload). */
  start?: number;
  /** Stop producing at this offset until `release()` is called. */
  pauseAt?: number;
}

/** A readable of `size` deterministic bytes that honours back-pressure. */
export class PatternStream extends Readable {
  private pos: number;
  private readonly size: number;
  private readonly seed: number;
  private pauseAt: number | undefined;
  private waiting = false;
  private cached: { index: number; block: Buffer } | null = null;
  private onReached: () => void = () => {};
  /** Resolves when the stream has produced everything up to `pauseAt`. */
  readonly reached: Promise<void>;

  constructor(size: number, options: PatternOptions = {}) {
    super({ highWaterMark: BLOCK });
    this.size = size;
    this.seed = options.seed ?? 1;
    this.pos = options.start ?? 0;
    this.pauseAt = options.pauseAt;
    this.reached = new Promise((resolve) => {
      this.onReached = resolve;
    });
  }

  release(): void {
    this.pauseAt = undefined;
    if (this.waiting) {
      this.waiting = false;
      this._read();
    }
  }

  override _read(): void {
    if (this.destroyed) return;
    if (this.pos >= this.size) {
      this.push(null);
      return;
    }
    if (this.pauseAt !== undefined && this.pos >= this.pauseAt) {
      this.waiting = true;
      this.onReached();
      return;
    }
    const index = Math.floor(this.pos / BLOCK);
    if (this.cached?.index !== index) this.cached = { index, block: makeBlock(this.seed, index) };
    const limit = Math.min(this.size, (index + 1) * BLOCK, this.pauseAt ?? Number.POSITIVE_INFINITY);
    const chunk = this.cached.block.subarray(this.pos - index * BLOCK, limit - index * BLOCK);
    this.pos = limit;
    // A copy, because some consumers keep chunks beyond the next read.
    this.push(Buffer.from(chunk));
  }
}

export function pattern(size: number, options: PatternOptions = {}): PatternStream {
  return new PatternStream(size, options);
}

export interface Digest {
  size: number;
  md5: string;
  sha1: string;
}

/** Consumes a stream, returning its size and hashes. */
export async function digest(source: Readable): Promise<Digest> {
  const md5 = createHash('md5');
  const sha1 = createHash('sha1');
  let size = 0;
  for await (const chunk of source) {
    md5.update(chunk as Buffer);
    sha1.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, md5: md5.digest('hex'), sha1: sha1.digest('hex') };
}

export function patternDigest(size: number, seed = 1, start = 0): Promise<Digest> {
  return digest(pattern(size, { seed, start }));
}

export async function readAll(source: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function text(value: string): Readable {
  return Readable.from([Buffer.from(value)]);
}

/** Runs the real `md5sum` or `sha1sum` on the same bytes, as an independent check. */
export function systemHash(command: 'md5sum' | 'sha1sum', source: Readable): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, ['-'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out.split(/\s/)[0]!) : reject(new Error(`${command} exited ${code}`)),
    );
    source.pipe(child.stdin);
  });
}
