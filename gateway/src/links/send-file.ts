// Streams one file of a share link from its provider: HTTP Range (one range → 206), ETag and
// If-Range, inline (preview) or attachment (download). A download is counted when the response
// carries the file's first byte; a resumed range further on is not a new download.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Entry, Provider } from '@syncoxide/sync';
import { matchesNone, parseRange } from '../rest/range.js';
import { header, PUBLIC_CORS } from './http.js';

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
  const size = entry.size;
  const etag = etagOfEntry(entry);
  const common: Record<string, string> = {
    ...PUBLIC_CORS,
    etag,
    'accept-ranges': 'bytes',
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
  if (entry.mtime) common['last-modified'] = new Date(entry.mtime).toUTCString();
  if (matchesNone(header(req, 'if-none-match'), etag)) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  const ifRange = header(req, 'if-range');
  const range =
    ifRange && ifRange !== etag ? { kind: 'full' as const } : parseRange(header(req, 'range'), size);
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { ...common, 'content-range': `bytes */${size}` });
    res.end();
    return;
  }
  const head = req.method === 'HEAD';
  const start = range.kind === 'partial' ? range.start : 0;
  if (!head && start === 0 && o.onFirstByte) await o.onFirstByte();
  if (range.kind === 'partial') {
    // Open the stream before the status line: a provider error still becomes a clean reply.
    const body = head ? null : await provider.read(entry.path, { start: range.start, end: range.end });
    res.writeHead(206, {
      ...common,
      'content-range': `bytes ${range.start}-${range.end}/${size}`,
      'content-length': String(range.end - range.start + 1),
    });
    if (!body) return void res.end();
    await pipeline(body, res);
    return;
  }
  const body = head || size === 0 ? null : await provider.read(entry.path);
  res.writeHead(200, { ...common, 'content-length': String(size) });
  if (!body) return void res.end();
  await pipeline(body, res);
}
