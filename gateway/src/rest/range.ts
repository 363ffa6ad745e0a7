import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

// HTTP Range (RFC 9110 §14): one `bytes=` range is served as 206; several ranges, or a header
// we cannot read, fall back to the whole file (allowed by the RFC); a range wholly beyond the
// end is 416.
export type RangeResult =
  | { kind: 'full' }
  | { kind: 'partial'; start: number; end: number }
  | { kind: 'unsatisfiable' };

export function parseRange(header: string | undefined, size: number): RangeResult {
  if (!header) return { kind: 'full' };
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return { kind: 'full' };
  const [, a, b] = m;
  if (a === '' && b === '') return { kind: 'full' };
  let start: number;
  let end: number;
  if (a === '') {
    // Suffix range: the last N bytes.
    const n = Number(b);
    if (n === 0) return { kind: 'unsatisfiable' };
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(a);
    end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
    if (b !== '' && Number(b) < start) return { kind: 'full' };
  }
  if (start >= size || size === 0) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end };
}

/** Strong ETag from the content hash when known, else from the revision and size. */
export function etagOf(node: {
  sha1: string | null;
  md5: string | null;
  revision: number;
  size: number | null;
  mtime: number | null;
}): string {
  if (node.sha1) return `"sha1-${node.sha1}"`;
  if (node.md5) return `"md5-${node.md5}"`;
  return `"r${node.revision}-${node.size ?? 0}-${node.mtime ?? 0}"`;
}

/** If-None-Match: a list of tags or `*`; weak comparison. */
export function matchesNone(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

export interface RangedBody {
  size: number;
  etag: string;
  /** Headers of every answer (type, disposition, caching, security). */
  headers: Record<string, string>;
  /** Opens the bytes, all of them or [start, end]; called before the status line is written. */
  open(range?: { start: number; end: number }): Promise<Readable>;
  /** Runs before a GET that includes the first byte (e.g. counts a download; may throw to refuse). */
  beforeFirstByte?: () => Promise<void>;
}

/**
 * Answers a GET or HEAD for one stored file: 304 when If-None-Match matches, 416 for a range
 * beyond the end, 206 for one satisfiable range (If-Range with another ETag: the whole file),
 * else 200. The stream is opened before the status line so a provider error is still a clean
 * error reply.
 */
export async function sendRanged(req: IncomingMessage, res: ServerResponse, b: RangedBody): Promise<void> {
  const common = { ...b.headers, etag: b.etag, 'accept-ranges': 'bytes' };
  if (matchesNone(header(req, 'if-none-match'), b.etag)) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  const ifRange = header(req, 'if-range');
  const range: RangeResult =
    ifRange && ifRange !== b.etag ? { kind: 'full' } : parseRange(header(req, 'range'), b.size);
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { ...common, 'content-range': `bytes */${b.size}` });
    res.end();
    return;
  }
  const head = req.method === 'HEAD';
  if (!head && (range.kind === 'full' || range.start === 0)) await b.beforeFirstByte?.();
  if (range.kind === 'partial') {
    const body = head ? null : await b.open({ start: range.start, end: range.end });
    res.writeHead(206, {
      ...common,
      'content-range': `bytes ${range.start}-${range.end}/${b.size}`,
      'content-length': String(range.end - range.start + 1),
    });
    if (!body) return void res.end();
    await pipeline(body, res);
    return;
  }
  const body = head || b.size === 0 ? null : await b.open();
  res.writeHead(200, { ...common, 'content-length': String(b.size) });
  if (!body) return void res.end();
  await pipeline(body, res);
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
