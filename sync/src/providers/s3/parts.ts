// Cuts a byte stream into fixed-size parts and uploads them with a few in flight. Memory is
// bounded: at most `concurrency` parts uploading plus one filling; a slow server stops the
// reading (awaiting `push` is the back-pressure).
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

export class PartWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
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
  ) {
    this.parts = [...parts];
    this.nextPart = parts.reduce((max, p) => Math.max(max, p.n), 0) + 1;
  }

  get bufferedBytes(): number {
    return this.pendingBytes;
  }

  /** Bytes in finished parts. */
  get storedBytes(): number {
    return this.parts.reduce((sum, p) => sum + p.size, 0);
  }

  async push(chunk: Buffer): Promise<void> {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    while (this.pendingBytes >= this.ctx.partSize) {
      const all = Buffer.concat(this.pending);
      const part = all.subarray(0, this.ctx.partSize);
      const rest = all.subarray(this.ctx.partSize);
      this.pending = rest.length > 0 ? [rest] : [];
      this.pendingBytes = rest.length;
      await this.upload(part);
    }
  }

  /** Takes what is buffered (less than a part) out of the writer. */
  takeRest(): Buffer {
    const rest = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    return rest;
  }

  /** Uploads `body` as the next part, waiting while too many are in flight. */
  async upload(body: Buffer): Promise<void> {
    this.throwIfFailed();
    while (this.inflight.size >= this.ctx.concurrency) await Promise.race(this.inflight);
    this.throwIfFailed();
    const n = this.nextPart++;
    const task = this.send(n, body)
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
