// Resumable writes to S3. Full parts go into a multipart upload (created on the first full
// part); the remainder of each append, smaller than a part, is stored as a temporary "tail"
// object beside the destination, so every appended byte is durable when `append` returns.
// The state (upload id, finished parts, tail, saved MD5/SHA1 state) is plain JSON: a new
// process checks it against ListParts and continues; stray parts a killed process uploaded
// after its last saved state are overwritten, since part numbers continue from the state.
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  ListPartsCommand,
} from '@aws-sdk/client-s3';
import { SyncoxideError } from '@syncoxide/core';
import { joinPath, parentOf } from '../common/paths.js';
import { ResumableHashes, type SavedHashes } from '../common/resumable-hash.js';
import type { Entry, UploadSession, UploadState, WriteOptions } from '../types.js';
import { keyOf, type S3Context, send } from './context.js';
import { metadataFor } from './meta.js';
import { completeUpload, headOrNull, putRaw, putSmall, readAll } from './objects.js';
import { abortUpload, createUpload, PartWriter, type StoredPart } from './parts.js';
import { sourceError } from './write.js';

interface SessionData {
  v: 1;
  id: string;
  uploadId: string | null;
  parts: StoredPart[];
  tail: { path: string; size: number } | null;
  hashes: SavedHashes;
}

type SessionOptions = Omit<WriteOptions, 'onProgress' | 'signal'>;

export class S3UploadSession implements UploadSession {
  private constructor(
    private readonly ctx: S3Context,
    readonly state: UploadState,
    private readonly hashes: ResumableHashes,
  ) {}

  private get data(): SessionData {
    return this.state.data as unknown as SessionData;
  }

  private get key(): string {
    return keyOf(this.ctx, this.state.path);
  }

  static async begin(ctx: S3Context, path: string, options: SessionOptions): Promise<S3UploadSession> {
    const hashes = await ResumableHashes.create();
    const data: SessionData = {
      v: 1,
      id: randomBytes(8).toString('hex'),
      uploadId: null,
      parts: [],
      tail: null,
      hashes: hashes.save(),
    };
    const state: UploadState = { provider: 's3', path, offset: 0, data: { ...data }, options };
    return new S3UploadSession(ctx, state, hashes);
  }

  static async resume(ctx: S3Context, path: string, state: UploadState): Promise<S3UploadSession> {
    const data = state.data as Partial<SessionData>;
    if (data.v !== 1 || typeof data.id !== 'string' || !Array.isArray(data.parts) || !data.hashes) {
      throw new SyncoxideError('INVALID_INPUT', 'upload state does not belong to the S3 provider', { path });
    }
    const gone = (why: string) =>
      new SyncoxideError('NOT_FOUND', `upload session is gone (${why}), start again`, { path });
    if (data.uploadId) {
      const listed = await listParts(ctx, path, keyOf(ctx, path), data.uploadId);
      for (const part of data.parts) {
        if (listed.get(part.n) !== part.etag) throw gone(`part ${part.n} missing`);
      }
    }
    if (data.tail) {
      if (parentOf(data.tail.path) !== parentOf(path) || !data.tail.path.includes(`.syncoxide-${data.id}-`)) {
        throw new SyncoxideError('INVALID_INPUT', 'upload state names a foreign tail object', { path });
      }
      const head = await headOrNull(ctx, path, keyOf(ctx, data.tail.path));
      if (head?.ContentLength !== data.tail.size) throw gone('tail object missing');
    }
    const hashes = await ResumableHashes.create(data.hashes);
    const offset = data.parts.reduce((s, p) => s + p.size, 0) + (data.tail?.size ?? 0);
    if (hashes.bytes !== offset)
      throw new SyncoxideError('CORRUPTED', 'upload state is inconsistent', { path });
    return new S3UploadSession(ctx, { ...state, path, offset, data: { ...(data as SessionData) } }, hashes);
  }

  private startUpload = async (): Promise<string> => {
    if (!this.data.uploadId) {
      const { mtime, mime } = this.state.options;
      this.data.uploadId = await createUpload(
        this.ctx,
        this.state.path,
        this.key,
        metadataFor({ mtime }),
        mime,
      );
    }
    return this.data.uploadId;
  };

  private async tailBytes(): Promise<Buffer> {
    const tail = this.data.tail;
    if (!tail) return Buffer.alloc(0);
    const out = await send(this.state.path, 'cannot read upload tail', () =>
      this.ctx.client.send(
        new GetObjectCommand({ Bucket: this.ctx.bucket, Key: keyOf(this.ctx, tail.path) }),
      ),
    );
    return readAll(out.Body as Readable);
  }

  async append(source: Readable, options: { signal?: AbortSignal } = {}): Promise<void> {
    const saved = this.data;
    const writer = new PartWriter(
      this.ctx,
      this.state.path,
      this.key,
      this.startUpload,
      saved.parts,
      options.signal,
      this.state.options.size,
    );
    try {
      await writer.push(await this.tailBytes());
      for await (const chunk of source) {
        this.hashes.update(chunk as Buffer);
        await writer.push(chunk as Buffer);
      }
      const parts = await writer.drain();
      const rest = writer.takeRest();
      let tail: SessionData['tail'] = null;
      if (rest.length > 0) {
        tail = {
          path: joinPath(
            parentOf(this.state.path),
            `.syncoxide-${saved.id}-t${randomBytes(6).toString('hex')}.partial`,
          ),
          size: rest.length,
        };
        await putRaw(this.ctx, tail.path, keyOf(this.ctx, tail.path), rest);
      }
      // Only now does the state move on; an append that failed leaves it where it was.
      this.state.data = {
        ...saved,
        uploadId: this.data.uploadId,
        parts: [...parts],
        tail,
        hashes: this.hashes.save(),
      };
      this.state.offset = this.hashes.bytes;
    } catch (err) {
      await writer.drain().catch(() => {});
      this.hashes.load(saved.hashes);
      this.state.data = { ...saved, uploadId: this.data.uploadId };
      throw sourceError(err, this.state.path);
    }
  }

  async commit(): Promise<Entry> {
    const { expect, mtime, mime } = this.state.options;
    const finish = { expect, mtime, mime };
    const digests = this.hashes.digests();
    const tail = await this.tailBytes();
    let entry: Entry;
    if (!this.data.uploadId) {
      entry = await putSmall(this.ctx, this.state.path, this.key, tail, finish, digests);
    } else {
      const writer = new PartWriter(this.ctx, this.state.path, this.key, this.startUpload, this.data.parts);
      if (tail.length > 0) await writer.upload(tail);
      const parts = await writer.drain();
      entry = await completeUpload(
        this.ctx,
        this.state.path,
        this.key,
        this.data.uploadId,
        parts,
        finish,
        digests,
        false,
      );
    }
    await this.removeTails();
    return entry;
  }

  async abort(): Promise<void> {
    if (this.data.uploadId) await abortUpload(this.ctx, this.key, this.data.uploadId);
    await this.removeTails();
  }

  /** Every tail this session (in any process) stored, not only the one in the state. */
  private async removeTails(): Promise<void> {
    const prefix = keyOf(this.ctx, joinPath(parentOf(this.state.path), `.syncoxide-${this.data.id}-`));
    const listed = await send(this.state.path, 'cannot list upload tails', () =>
      this.ctx.client.send(new ListObjectsV2Command({ Bucket: this.ctx.bucket, Prefix: prefix })),
    );
    for (const object of listed.Contents ?? []) {
      await this.ctx.client
        .send(new DeleteObjectCommand({ Bucket: this.ctx.bucket, Key: object.Key }))
        .catch(() => {});
    }
  }
}

async function listParts(
  ctx: S3Context,
  path: string,
  key: string,
  uploadId: string,
): Promise<Map<number, string>> {
  const parts = new Map<number, string>();
  let marker: string | undefined;
  do {
    const page = await send(path, 'cannot list upload parts', () =>
      ctx.client.send(
        new ListPartsCommand({ Bucket: ctx.bucket, Key: key, UploadId: uploadId, PartNumberMarker: marker }),
      ),
    );
    for (const p of page.Parts ?? []) parts.set(p.PartNumber!, p.ETag ?? '');
    marker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
  } while (marker);
  return parts;
}
