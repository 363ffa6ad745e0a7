// Object metadata and entries. The stored mtime and hashes use rclone's metadata names where
// rclone has one (x-amz-meta-mtime as decimal seconds, x-amz-meta-md5chksum as base64 MD5), so a
// bucket written by either tool reads back the same in the other; SHA1 is ours (hex).
import type { _Object, HeadObjectCommandOutput } from '@aws-sdk/client-s3';
import type { Entry, Hashes } from '../types.js';

export function metadataFor(options: { mtime?: number; hashes?: Hashes }): Record<string, string> {
  const meta: Record<string, string> = {};
  if (options.mtime !== undefined) meta.mtime = (options.mtime / 1000).toFixed(3);
  if (options.hashes?.md5) meta.md5chksum = Buffer.from(options.hashes.md5, 'hex').toString('base64');
  if (options.hashes?.sha1) meta.sha1 = options.hashes.sha1.toLowerCase();
  return meta;
}

function stripQuotes(etag: string | undefined): string | null {
  return etag ? etag.replace(/^"|"$/g, '') : null;
}

/** A plain MD5 ETag: single-part upload without SSE-KMS/SSE-C (their ETags are not MD5s). */
function md5FromEtag(etag: string | null, sse?: string): string | undefined {
  if (!etag || sse === 'aws:kms' || sse === 'aws:kms:dsse') return undefined;
  return /^[0-9a-f]{32}$/.test(etag) ? etag : undefined;
}

export function entryFromHead(path: string, head: HeadObjectCommandOutput): Entry {
  const meta = head.Metadata ?? {};
  const etag = stripQuotes(head.ETag);
  const hashes: Hashes = {};
  const md5 = meta.md5chksum
    ? Buffer.from(meta.md5chksum, 'base64').toString('hex')
    : md5FromEtag(etag, head.ServerSideEncryption);
  if (md5) hashes.md5 = md5;
  if (meta.sha1 && /^[0-9a-f]{40}$/.test(meta.sha1)) hashes.sha1 = meta.sha1;
  const stored = meta.mtime ? Math.round(Number.parseFloat(meta.mtime) * 1000) : Number.NaN;
  return {
    path,
    kind: 'file',
    size: head.ContentLength ?? 0,
    mtime: Number.isFinite(stored) ? stored : (head.LastModified?.getTime() ?? null),
    hashes,
    // S3 has no id that survives a rename (a move is a copy and a delete).
    providerId: null,
    etag,
    mime: head.ContentType ?? null,
  };
}

/**
 * Listings carry no user metadata: mtime is the upload time and only a plain-MD5 ETag gives a
 * hash. `stat` (HEAD) has the stored mtime and hashes.
 */
export function entryFromListing(path: string, object: _Object): Entry {
  const etag = stripQuotes(object.ETag);
  const md5 = md5FromEtag(etag);
  return {
    path,
    kind: 'file',
    size: object.Size ?? 0,
    mtime: object.LastModified?.getTime() ?? null,
    hashes: md5 ? { md5 } : {},
    providerId: null,
    etag,
  };
}

export function folderEntry(path: string): Entry {
  return { path, kind: 'folder', size: 0, mtime: null, hashes: {}, providerId: null, etag: null };
}
