// Single-object operations shared by writes, sessions, moves and copies: HEAD, the
// "did it change since planned?" check, small PUTs, completing multipart uploads, and copies
// (one CopyObject up to 5 GiB, UploadPartCopy ranges above).

import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  type HeadObjectCommandOutput,
  PutObjectCommand,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { isSyncoxideError, SyncoxideError } from '@syncoxide/core';
import { checkExpected } from '../common/expect.js';
import { hashOf } from '../common/hashing.js';
import type { Entry, Expected, Hashes, HashType } from '../types.js';
import { type S3Context, send } from './context.js';
import { entryFromHead, metadataFor } from './meta.js';
import { abortUpload, completedParts, createUpload, type StoredPart } from './parts.js';

const COPY_LIMIT = 5 * 1024 ** 3;

export interface FinishOptions {
  expect?: Expected;
  mtime?: number;
  mime?: string;
}

export async function headOrNull(
  ctx: S3Context,
  path: string,
  key: string,
): Promise<HeadObjectCommandOutput | null> {
  try {
    const head = await send(path, 'cannot stat', () =>
      ctx.client.send(new HeadObjectCommand({ Bucket: ctx.bucket, Key: key })),
    );
    // Folder objects (S3Proxy's file system backends answer a folder's key with one, and some
    // tools write them): not a file; stat then finds the folder by its contents.
    return head.ContentType === 'application/x-directory' ? null : head;
  } catch (err) {
    if (isSyncoxideError(err, 'NOT_FOUND')) return null;
    throw err;
  }
}

/** Is there a "dir/" marker for `path`? (Listing a prefix does not show its own marker everywhere.) */
export async function markerExists(ctx: S3Context, path: string, key: string): Promise<boolean> {
  try {
    await send(path, 'cannot stat', () =>
      ctx.client.send(new HeadObjectCommand({ Bucket: ctx.bucket, Key: `${key}/` })),
    );
    return true;
  } catch (err) {
    if (isSyncoxideError(err, 'NOT_FOUND')) return false;
    throw err;
  }
}

export async function hashObject(ctx: S3Context, path: string, key: string, type: HashType): Promise<string> {
  const out = await send(path, 'cannot read', () =>
    ctx.client.send(new GetObjectCommand({ Bucket: ctx.bucket, Key: key })),
  );
  return hashOf(out.Body as Readable, type);
}

export async function checkDestination(
  ctx: S3Context,
  path: string,
  key: string,
  expect?: Expected,
): Promise<void> {
  if (!expect) return;
  const head = await headOrNull(ctx, path, key);
  const current = head ? entryFromHead(path, head) : null;
  await checkExpected(path, current, expect, (type) => hashObject(ctx, path, key, type), 1);
}

export async function putSmall(
  ctx: S3Context,
  path: string,
  key: string,
  body: Buffer,
  options: FinishOptions,
  hashes: Required<Hashes>,
): Promise<Entry> {
  await checkDestination(ctx, path, key, options.expect);
  // Always store an mtime (the write time when none is given), so stat reports what we return.
  const mtime = options.mtime ?? Date.now();
  const out = await send(path, 'cannot write', () =>
    ctx.client.send(
      new PutObjectCommand({
        Bucket: ctx.bucket,
        Key: key,
        Body: body,
        ContentLength: body.length,
        ContentMD5: Buffer.from(hashes.md5, 'hex').toString('base64'),
        Metadata: metadataFor({ mtime, hashes }),
        ...(options.mime ? { ContentType: options.mime } : {}),
        // Servers that support conditional writes close the window between check and write.
        ...(options.expect?.absent ? { IfNoneMatch: '*' } : {}),
      }),
    ),
  );
  const etag = out.ETag?.replace(/^"|"$/g, '') ?? null;
  return {
    path,
    kind: 'file',
    size: body.length,
    mtime,
    hashes: { ...hashes },
    providerId: null,
    etag,
    mime: options.mime ?? null,
  };
}

/**
 * Completes a multipart upload after checking the destination. Hashes that were not known
 * when the upload started are stored by copying the object onto itself with new metadata,
 * only if it is still the object we completed (CopySourceIfMatch).
 */
export async function completeUpload(
  ctx: S3Context,
  path: string,
  key: string,
  uploadId: string,
  parts: StoredPart[],
  options: FinishOptions,
  hashes: Required<Hashes>,
  hashesInMetadata: boolean,
): Promise<Entry> {
  try {
    await checkDestination(ctx, path, key, options.expect);
  } catch (err) {
    await abortUpload(ctx, key, uploadId);
    throw err;
  }
  const done = await send(path, 'cannot complete upload', () =>
    ctx.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: ctx.bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: completedParts(parts) },
        ...(options.expect?.absent ? { IfNoneMatch: '*' } : {}),
      }),
    ),
  );
  const size = parts.reduce((sum, p) => sum + p.size, 0);
  if (!hashesInMetadata && size <= COPY_LIMIT) {
    await ctx.client
      .send(
        new CopyObjectCommand({
          Bucket: ctx.bucket,
          Key: key,
          CopySource: copySource(ctx, key),
          CopySourceIfMatch: done.ETag,
          MetadataDirective: 'REPLACE',
          Metadata: metadataFor({ mtime: options.mtime ?? Date.now(), hashes }),
          ...(options.mime ? { ContentType: options.mime } : {}),
        }),
      )
      // Someone replaced it meanwhile, or the server refuses: the content is right either way.
      .catch(() => {});
  }
  return statAfterWrite(ctx, path, key, hashes);
}

async function statAfterWrite(
  ctx: S3Context,
  path: string,
  key: string,
  hashes: Required<Hashes>,
): Promise<Entry> {
  const head = await headOrNull(ctx, path, key);
  if (!head) throw new SyncoxideError('CONFLICT', 'object vanished right after it was written', { path });
  return { ...entryFromHead(path, head), hashes: { ...hashes } };
}

export function copySource(ctx: S3Context, key: string): string {
  return encodeURIComponent(`${ctx.bucket}/${key}`).replace(/%2F/g, '/');
}

/** Server-side copy keeping metadata; multipart (UploadPartCopy) above 5 GiB. */
export async function copyObject(
  ctx: S3Context,
  path: string,
  from: string,
  to: string,
  size: number,
): Promise<void> {
  if (size <= COPY_LIMIT) {
    await send(path, 'cannot copy', () =>
      ctx.client.send(
        new CopyObjectCommand({ Bucket: ctx.bucket, Key: to, CopySource: copySource(ctx, from) }),
      ),
    );
    return;
  }
  const head = await headOrNull(ctx, path, from);
  const uploadId = await createUpload(ctx, path, to, head?.Metadata ?? {}, head?.ContentType);
  try {
    const partSize = Math.max(ctx.partSize, 512 * 1024 * 1024);
    const parts: StoredPart[] = [];
    for (let start = 0, n = 1; start < size; start += partSize, n++) {
      const end = Math.min(size, start + partSize) - 1;
      const out = await send(path, 'cannot copy part', () =>
        ctx.client.send(
          new UploadPartCopyCommand({
            Bucket: ctx.bucket,
            Key: to,
            UploadId: uploadId,
            PartNumber: n,
            CopySource: copySource(ctx, from),
            CopySourceRange: `bytes=${start}-${end}`,
          }),
        ),
      );
      parts.push({ n, etag: out.CopyPartResult?.ETag ?? '', size: end - start + 1 });
    }
    await send(path, 'cannot complete copy', () =>
      ctx.client.send(
        new CompleteMultipartUploadCommand({
          Bucket: ctx.bucket,
          Key: to,
          UploadId: uploadId,
          MultipartUpload: { Parts: completedParts(parts) },
        }),
      ),
    );
  } catch (err) {
    await abortUpload(ctx, to, uploadId);
    throw err;
  }
}

/** A plain PUT of a buffer (temporary objects), guarded by Content-MD5. */
export async function putRaw(ctx: S3Context, path: string, key: string, body: Buffer): Promise<void> {
  await send(path, 'cannot write', () =>
    ctx.client.send(
      new PutObjectCommand({
        Bucket: ctx.bucket,
        Key: key,
        Body: body,
        ContentLength: body.length,
        ContentMD5: createHash('md5').update(body).digest('base64'),
      }),
    ),
  );
}

export async function readAll(source: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of source) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
