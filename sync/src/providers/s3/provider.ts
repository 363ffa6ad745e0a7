// The S3 / S3-compatible provider: root = bucket + prefix. Writes are atomic because S3 shows an
// object only when its PUT or multipart upload completes; MD5/SHA1 and mtime live in the
// object's metadata; moves are copy + delete; changes come from polling listings. Keys are
// the UTF-8 bytes of the path as given: NFC and NFD names stay distinct and list as written.
import type { Readable } from 'node:stream';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { SyncoxideError } from '@syncoxide/core';
import { checkExpected } from '../common/expect.js';
import { baseName, isTempName, normalizeFilePath, normalizePath } from '../common/paths.js';
import { PollingFeed } from '../common/poll-feed.js';
import type {
  Change,
  ChangeFeedSource,
  Entry,
  Expected,
  HashType,
  Presigner,
  Provider,
  ProviderCapabilities,
  ServerSideCopier,
  UploadSession,
  UploadState,
  Usage,
  WriteOptions,
} from '../types.js';
import { createContext, keyOf, type S3Config, type S3Context, send } from './context.js';
import { deleteKeys, deletePrefix } from './delete.js';
import { listS3 } from './list.js';
import { entryFromHead, folderEntry } from './meta.js';
import { copyObject, hashObject, headOrNull, markerExists } from './objects.js';
import { S3UploadSession } from './upload.js';
import { writeS3 } from './write.js';

export const S3_CAPABILITIES: ProviderCapabilities = {
  hashes: ['md5'],
  modtime: { supported: true, settable: true, precisionMs: 1 },
  serverSideCopy: true,
  serverSideMove: false,
  nativeSharing: false,
  changeFeed: 'poll',
  maxFileSize: 5 * 1024 ** 4,
  caseSensitive: true,
  // Only thanks to the "dir/" markers mkdir writes; folders made implicitly by a key vanish
  // with their last object.
  emptyFolders: true,
  stableIds: false,
};

function target(path: string): string {
  const rel = normalizeFilePath(path);
  if (isTempName(baseName(rel))) {
    throw new SyncoxideError('INVALID_INPUT', 'name is reserved for temporary files', { path });
  }
  return rel;
}

export class S3Provider implements Provider, ServerSideCopier, Presigner, ChangeFeedSource {
  readonly type = 's3';
  readonly capabilities = S3_CAPABILITIES;
  private readonly ctx: S3Context;
  private readonly feed: PollingFeed;

  constructor(config: S3Config) {
    this.ctx = createContext(config);
    this.feed = new PollingFeed(() => this.list(''));
  }

  list(path = '', options: { recursive?: boolean } = {}): AsyncIterable<Entry> {
    return listS3(this.ctx, normalizePath(path), options.recursive ?? true);
  }

  async stat(path: string): Promise<Entry | null> {
    const rel = normalizePath(path);
    if (rel === '') return folderEntry('');
    const head = await headOrNull(this.ctx, rel, keyOf(this.ctx, rel));
    if (head) return entryFromHead(rel, head);
    return (await this.isFolder(rel)) ? folderEntry(rel) : null;
  }

  /** A folder is any key below `rel/` (its marker included). */
  private async isFolder(rel: string): Promise<boolean> {
    if (await markerExists(this.ctx, rel, keyOf(this.ctx, rel))) return true;
    const page = await send(rel, 'cannot stat', () =>
      this.ctx.client.send(
        new ListObjectsV2Command({ Bucket: this.ctx.bucket, Prefix: `${keyOf(this.ctx, rel)}/`, MaxKeys: 1 }),
      ),
    );
    return (page.KeyCount ?? page.Contents?.length ?? 0) > 0;
  }

  private async fileHead(rel: string) {
    const head = await headOrNull(this.ctx, rel, keyOf(this.ctx, rel));
    if (!head) throw new SyncoxideError('NOT_FOUND', 'no such file', { path: rel });
    return head;
  }

  async read(path: string, range?: { start: number; end?: number }): Promise<Readable> {
    const rel = normalizeFilePath(path);
    if (range && (range.start < 0 || (range.end !== undefined && range.end < range.start))) {
      throw new SyncoxideError('INVALID_INPUT', `bad range ${range.start}-${range.end ?? ''}`, { path: rel });
    }
    const header = range ? `bytes=${range.start}-${range.end ?? ''}` : undefined;
    try {
      const out = await send(rel, 'cannot read', () =>
        this.ctx.client.send(
          new GetObjectCommand({ Bucket: this.ctx.bucket, Key: keyOf(this.ctx, rel), Range: header }),
        ),
      );
      return out.Body as Readable;
    } catch (err) {
      // An empty object has no byte 0: a range starting there is the (empty) whole.
      if ((err as SyncoxideError).code === 'INVALID_INPUT' && range?.start === 0) {
        const head = await this.fileHead(rel);
        if (head.ContentLength === 0) return this.read(rel);
      }
      throw err;
    }
  }

  write(path: string, source: Readable, options: WriteOptions = {}): Promise<Entry> {
    const rel = target(path);
    return writeS3(this.ctx, rel, keyOf(this.ctx, rel), source, options);
  }

  beginUpload(
    path: string,
    options: Omit<WriteOptions, 'onProgress' | 'signal'> = {},
  ): Promise<UploadSession> {
    return S3UploadSession.begin(this.ctx, target(path), options);
  }

  resumeUpload(state: UploadState): Promise<UploadSession> {
    if (state.provider !== 's3') {
      throw new SyncoxideError('INVALID_INPUT', `upload state of a ${state.provider} provider`, {
        path: state.path,
      });
    }
    return S3UploadSession.resume(this.ctx, target(state.path), state);
  }

  async delete(path: string, options: { expect?: Expected } = {}): Promise<void> {
    const rel = target(path);
    const key = keyOf(this.ctx, rel);
    const head = await headOrNull(this.ctx, rel, key);
    if (head) {
      await checkExpected(
        rel,
        entryFromHead(rel, head),
        options.expect,
        (t) => hashObject(this.ctx, rel, key, t),
        1,
      );
      await deleteKeys(this.ctx, rel, [key]);
      return;
    }
    if (options.expect && !options.expect.absent) {
      await checkExpected(
        rel,
        (await this.isFolder(rel)) ? folderEntry(rel) : null,
        options.expect,
        async () => '',
        1,
      );
    }
    const removed = await deletePrefix(this.ctx, rel, `${key}/`);
    if (removed === 0) throw new SyncoxideError('NOT_FOUND', 'nothing to delete', { path: rel });
  }

  async mkdir(path: string): Promise<void> {
    const rel = target(path);
    if (await this.isFolder(rel)) return;
    await send(rel, 'cannot create folder', () =>
      this.ctx.client.send(
        new PutObjectCommand({
          Bucket: this.ctx.bucket,
          Key: `${keyOf(this.ctx, rel)}/`,
          Body: '',
          ContentLength: 0,
        }),
      ),
    );
  }

  /** Copy then delete: not atomic, and for folders one object at a time. */
  async move(from: string, to: string, options: { overwrite?: boolean } = {}): Promise<Entry> {
    const src = target(from);
    const dst = target(to);
    const head = await headOrNull(this.ctx, src, keyOf(this.ctx, src));
    const existing = await this.stat(dst);
    if (existing && !options.overwrite)
      throw new SyncoxideError('ALREADY_EXISTS', 'destination exists', { path: dst });
    if (head) {
      await copyObject(this.ctx, dst, keyOf(this.ctx, src), keyOf(this.ctx, dst), head.ContentLength ?? 0);
      await deleteKeys(this.ctx, src, [keyOf(this.ctx, src)]);
      return (await this.stat(dst)) ?? folderEntry(dst);
    }
    if (!(await this.isFolder(src))) throw new SyncoxideError('NOT_FOUND', 'nothing to move', { path: src });
    const from_ = `${keyOf(this.ctx, src)}/`;
    const to_ = `${keyOf(this.ctx, dst)}/`;
    let token: string | undefined;
    let ownMarker = false;
    do {
      const page = await send(src, 'cannot list', () =>
        this.ctx.client.send(
          new ListObjectsV2Command({ Bucket: this.ctx.bucket, Prefix: from_, ContinuationToken: token }),
        ),
      );
      for (const object of page.Contents ?? []) {
        const key = object.Key!;
        if (key === from_) ownMarker = true;
        await copyObject(this.ctx, dst, key, to_ + key.slice(from_.length), object.Size ?? 0);
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    // A marker the listing left out (S3Proxy does for a key equal to the prefix) moves too.
    if (!ownMarker && (await markerExists(this.ctx, src, keyOf(this.ctx, src)))) await this.mkdir(dst);
    await deletePrefix(this.ctx, src, from_);
    return folderEntry(dst);
  }

  async copy(from: string, to: string): Promise<Entry> {
    const src = normalizeFilePath(from);
    const dst = target(to);
    const head = await this.fileHead(src);
    await copyObject(this.ctx, dst, keyOf(this.ctx, src), keyOf(this.ctx, dst), head.ContentLength ?? 0);
    return (await this.stat(dst))!;
  }

  async hash(path: string, type: HashType): Promise<string> {
    const rel = normalizeFilePath(path);
    const entry = entryFromHead(rel, await this.fileHead(rel));
    return entry.hashes[type] ?? hashObject(this.ctx, rel, keyOf(this.ctx, rel), type);
  }

  /** S3 has no quota to ask, and summing a listing costs one request per 1000 objects. */
  async usage(): Promise<Usage | null> {
    return null;
  }

  async presignedUrl(
    path: string,
    options: { expiresInSeconds: number; method?: 'GET' | 'PUT' },
  ): Promise<string> {
    const rel = normalizeFilePath(path);
    const input = { Bucket: this.ctx.bucket, Key: keyOf(this.ctx, rel) };
    const command = options.method === 'PUT' ? new PutObjectCommand(input) : new GetObjectCommand(input);
    return getSignedUrl(this.ctx.client, command, { expiresIn: options.expiresInSeconds });
  }

  changes(options: { cursor: string | null; signal: AbortSignal; pollIntervalMs?: number }): AsyncIterable<{
    cursor: string;
    changes: Change[];
  }> {
    return this.feed.changes(options);
  }

  async close(): Promise<void> {
    this.ctx.client.destroy();
  }
}

export function createS3Provider(config: S3Config): S3Provider {
  return new S3Provider(config);
}
