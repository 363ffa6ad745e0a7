// Streams one file of a share link from its provider: HTTP Range (one range → 206), ETag and
// If-Range, inline (preview) or attachment (download). A download is counted when the response
// carries the file's first byte; a resumed range further on is not a new download.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Entry, Provider } from '@syncoxide/sync';
import { sendRanged } from '../rest/range.js';
import { PUBLIC_CORS } from './http.js';

export interface SendOptions {
  name: string;
  type: string;
  disposition: 'inline' | 'attachment';
  /** Called before bytes that include the first one are sent (counts a download; may refuse). */
  onFirstByte?: () => Promise<void>;
  /** Origin allowed to frame an inline preview (the public page). */
  frameAncestor?: string;
}

export function etagOfEntry(e: Entry): string {
  if (e.hashes.sha1) return `"sha1-${e.hashes.sha1}"`;
  if (e.hashes.md5) return `"md5-${e.hashes.md5}"`;
  if (e.etag) return `"e-${e.etag.replace(/[^A-Za-z0-9_-]/g, '')}"`;
  return `"s${e.size}-${e.mtime ?? 0}"`;
}

export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  provider: Provider,
  entry: Entry,
  o: SendOptions,
): Promise<void> {
  const headers: Record<string, string> = {
    ...PUBLIC_CORS,
    'cache-control': 'private, no-cache',
    'content-type': o.type,
    'content-disposition': contentDisposition(o.disposition, o.name),
    // Whatever the file holds, it never runs as a page of ours.
    'content-security-policy':
      o.disposition === 'inline' && o.type === 'application/pdf'
        ? `default-src 'none'; frame-ancestors ${o.frameAncestor ?? "'none'"}`
        : `default-src 'none'; sandbox; frame-ancestors ${o.frameAncestor ?? "'none'"}`,
  };
  // The public page may frame a preview (PDF); the CSP above names who may.
  if (o.disposition === 'inline') res.removeHeader('x-frame-options');
  if (entry.mtime) headers['last-modified'] = new Date(entry.mtime).toUTCString();
  await sendRanged(req, res, {
    size: entry.size,
    etag: etagOfEntry(entry),
    headers,
    open: (range) => (range ? provider.read(entry.path, range) : provider.read(entry.path)),
    ...(o.onFirstByte ? { beforeFirstByte: o.onFirstByte } : {}),
  });
}
