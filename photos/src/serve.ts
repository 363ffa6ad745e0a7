// The HTTP edge of the rendition cache, for the gateway to mount after it has checked that the
// caller may see the node. A key never changes meaning (it hashes the content), so responses
// are immutable and a browser revalidating by ETag gets a 304 without touching the store.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { httpStatusOf, isSyncoxideError } from '@syncoxide/core';
import { cacheKey, parseCacheKey } from './cache/key.js';
import type { RenditionStore } from './cache/store.js';
import type { RenditionFormat, RenditionSize } from './types.js';

export const IMMUTABLE_CACHE_CONTROL = 'private, max-age=31536000, immutable';

export interface ServeOptions {
  store: RenditionStore;
  nodeId: string;
  /** The node's current content tag (PhotoMetadata.contentTag). */
  contentTag: string;
  size: RenditionSize;
  /** A format the URL asked for; otherwise chosen from the Accept header among `formats`. */
  format?: RenditionFormat;
  /** Formats made for this size, from PhotoMetadata.renditions (default: avif and webp). */
  formats?: RenditionFormat[];
  /** On a miss: make the rendition (e.g. re-run the worker on the file); true if it now exists. */
  regenerate?: (key: string) => Promise<boolean>;
}

/** AVIF when the client takes it and it was made, else WebP (every current browser decodes it). */
export function negotiateFormat(accept: string | undefined, formats: RenditionFormat[]): RenditionFormat {
  if (formats.includes('avif') && /\bimage\/avif\b/.test(accept ?? '')) return 'avif';
  return formats.includes('webp') ? 'webp' : (formats[0] ?? 'webp');
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

/** Answers GET/HEAD for one rendition: 200 with the bytes, 304, 404, or a coded error. */
export async function serveThumbnail(
  req: IncomingMessage,
  res: ServerResponse,
  options: ServeOptions,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendError(res, 405, 'INVALID_INPUT', 'only GET and HEAD');
    return;
  }
  const formats = options.formats ?? ['avif', 'webp'];
  const format = options.format ?? negotiateFormat(req.headers.accept, formats);
  const key = cacheKey({
    nodeId: options.nodeId,
    contentTag: options.contentTag,
    size: options.size,
    format,
  });
  const etag = `"${parseCacheKey(key)!.digest}"`;
  const headers: Record<string, string> = { ETag: etag, 'Cache-Control': IMMUTABLE_CACHE_CONTROL };
  if (!options.format) headers.Vary = 'Accept';

  if (etagMatches(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  try {
    let found = await options.store.get(key);
    if (!found && options.regenerate && (await options.regenerate(key))) found = await options.store.get(key);
    if (!found) {
      sendError(res, 404, 'NOT_FOUND', 'no such rendition (yet)');
      return;
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': found.mime,
      'Content-Length': String(found.bytes),
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      found.stream.destroy();
      res.end();
      return;
    }
    await pipeline(found.stream, res);
  } catch (err) {
    if (res.headersSent) {
      // Mid-body failure: cut the connection so the client sees a short read, not a bad image.
      res.destroy(err instanceof Error ? err : undefined);
      return;
    }
    const code = isSyncoxideError(err) ? err.code : 'INTERNAL';
    const status = isSyncoxideError(err) ? httpStatusOf(err.code) : 500;
    // The message of an unexpected error may name internals: say only that it failed.
    sendError(res, status, code, isSyncoxideError(err) ? err.message : 'rendition could not be served');
  }
}
