// Cuts a byte stream into fixed-size parts and uploads them with a few in flight. Memory is
// bounded: at most `concurrency` parts uploading plus one filling (about (concurrency + 1) ×
// partSize); a slow server stops the reading, since awaiting `push` is the back-pressure.
// Part buffers are reused once their upload succeeded: allocating a fresh one per part left
// the old ones for the garbage collector, which let RSS run ~60 MB past the bound. The first
// buffer starts at the expected size (or 64 KiB) and grows to a part only when needed: a
// 16 MiB buffer per small file kept the garbage collector busy for most of a many-file sync.
import { createHash } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  type CompletedPart,
  CreateMultipartUploadCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { type S3Context, send } from './context.js';

export interface StoredPart {
  n: number;
  etag: string;
  size: number;
}

const FIRST_BUFFER = 64 * 1024;

export class PartWriter {
  /** The part being filled: one buffer (of partSize once grown), so bytes are rarely copied twice. */
  private part: Buffer | null = null;
  private filled = 0;
  /** Part buffers this writer allocated, free again after their part was stored. */
  private readonly spare: Buffer[] = [];
  private readonly own = new WeakSet<Buffer>();
  private readonly inflight = new Set<Promise<void>>();
  private failure: unknown = null;
  private nextPart: number;
  readonly parts: StoredPart[];

  constructor(
    private readonly ctx: S3Context,
    private readonly path: string,
    private readonly key: string,
    private readonly uploadId: () => Promise<string>,
    parts: StoredPart[] = [],
    private readonly signal?: AbortSignal,
    /** The bytes the caller expects to push, if known: the first buffer is sized to fit. */
    private readonly expectedBytes?: number,
  ) {
    this.parts = [...parts];
    this.nextPart = parts.reduce((max, p) => Math.max(max, p.n), 0) + 1;
  }

  get bufferedBytes(): number {
    return this.filled;
  }

  /** Bytes in finished parts. */
  get storedBytes(): number {
    return this.parts.reduce((sum, p) => sum + p.size, 0);
  }

  async push(chunk: Buffer): Promise<void> {
    let offset = 0;
    while (offset < chunk.length) {
      this.part ??= this.spare.pop() ?? this.allocate(this.firstSize());
      if (this.filled === this.part.length) this.part = this.grow(this.part);
      const copied = chunk.copy(this.part, this.filled, offset);
      this.filled += copied;
      offset += copied;
      if (this.filled === this.ctx.partSize) {
        const full = this.part;
        this.part = null;
        this.filled = 0;
        await this.upload(full);
      }
    }
  }

  private firstSize(): number {
    const want = this.expectedBytes !== undefined ? this.expectedBytes - this.storedBytes : FIRST_BUFFER;
    return Math.min(this.ctx.partSize, Math.max(1, want));
  }

  private allocate(size: number): Buffer {
    const buf = Buffer.allocUnsafe(size);
    if (size === this.ctx.partSize) this.own.add(buf); // only whole parts are kept for reuse
    return buf;
  }

  /** A bigger buffer holding what `small` holds (the source sent more than expected). */
  private grow(small: Buffer): Buffer {
    const bigger = this.allocate(Math.min(this.ctx.partSize, Math.max(FIRST_BUFFER, small.length * 2)));
    small.copy(bigger, 0, 0, this.filled);
    return bigger;
  }

  /** Takes what is buffered (less than a part) out of the writer. */
  takeRest(): Buffer {
    const rest = this.part ? this.part.subarray(0, this.filled) : Buffer.alloc(0);
    this.part = null;
    this.filled = 0;
    return rest;
  }

  /** Uploads `body` as the next part, waiting while too many are in flight. */
  async upload(body: Buffer): Promise<void> {
    this.throwIfFailed();
    while (this.inflight.size >= this.ctx.concurrency) await Promise.race(this.inflight);
    this.throwIfFailed();
    const n = this.nextPart++;
    const task = this.send(n, body)
      .then(() => {
        // Stored: the SDK is done with the bytes (never after a failure, which may still be on the wire).
        if (this.own.has(body) && body.length === this.ctx.partSize) this.spare.push(body);
      })
      .catch((err: unknown) => {
        this.failure ??= err;
      })
      .finally(() => this.inflight.delete(task));
    this.inflight.add(task);
  }

  private async send(n: number, body: Buffer): Promise<void> {
    const uploadId = await this.uploadId();
    // Content-MD5 makes the server refuse a part damaged on the way.
    const md5 = createHash('md5').update(body).digest('base64');
    const out = await send(this.path, 'cannot upload part', () =>
      this.ctx.client.send(
        new UploadPartCommand({
          Bucket: this.ctx.bucket,
          Key: this.key,
          UploadId: uploadId,
          PartNumber: n,
          Body: body,
          ContentLength: body.length,
          ContentMD5: md5,
        }),
        { abortSignal: this.signal },
      ),
    );
    this.parts.push({ n, etag: out.ETag ?? '', size: body.length });
  }

  /** Waits for every part in flight; throws the first failure. */
  async drain(): Promise<StoredPart[]> {
    while (this.inflight.size > 0) await Promise.race(this.inflight);
    this.throwIfFailed();
    this.parts.sort((a, b) => a.n - b.n);
    return this.parts;
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}

export function completedParts(parts: StoredPart[]): CompletedPart[] {
  return [...parts].sort((a, b) => a.n - b.n).map((p) => ({ PartNumber: p.n, ETag: p.etag }));
}

export async function createUpload(
  ctx: S3Context,
  path: string,
  key: string,
  metadata: Record<string, string>,
  mime?: string,
): Promise<string> {
  const out = await send(path, 'cannot start multipart upload', () =>
    ctx.client.send(
      new CreateMultipartUploadCommand({
        Bucket: ctx.bucket,
        Key: key,
        Metadata: metadata,
        ...(mime ? { ContentType: mime } : {}),
      }),
    ),
  );
  return out.UploadId!;
}

export async function abortUpload(ctx: S3Context, key: string, uploadId: string): Promise<void> {
  await ctx.client
    .send(new AbortMultipartUploadCommand({ Bucket: ctx.bucket, Key: key, UploadId: uploadId }))
    .catch(() => {});
}
