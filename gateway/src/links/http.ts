// Small HTTP helpers shared by the public link endpoints: JSON replies, refusals with the status
// and reason the public pages show, bounded bodies, CORS for the public pages' origin.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { httpStatusOf, isSyncoxideError, SyncoxideError } from '@syncoxide/core';

/** Public endpoints carry no cookies: any origin may call them. */
export const PUBLIC_CORS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers':
    'content-range, content-length, content-disposition, accept-ranges, etag, location, upload-offset, upload-length, tus-resumable',
};

export function preflight(res: ServerResponse): void {
  res.writeHead(204, {
    ...PUBLIC_CORS,
    'access-control-allow-methods': 'GET, HEAD, POST, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers':
      'content-type, range, if-range, x-link-grant, tus-resumable, upload-length, upload-metadata, upload-offset, upload-defer-length, upload-concat, x-http-method-override',
    'access-control-max-age': '600',
  });
  res.end();
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, {
    ...PUBLIC_CORS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/** A public link's refusal: details.status overrides the code's status; reason names the page. */
export function sendRefusal(res: ServerResponse, err: SyncoxideError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const status = Number(err.details?.status ?? httpStatusOf(err.code));
  const reason = err.details?.reason ?? err.code.toLowerCase();
  const retry = err.details?.retryAfterSeconds;
  sendJson(
    res,
    status,
    { error: { code: err.code, reason, message: err.message } },
    {
      ...(retry ? { 'retry-after': String(retry) } : {}),
      ...(status === 413 ? { connection: 'close' } : {}),
    },
  );
}

export function isRefusal(err: unknown): err is SyncoxideError {
  return isSyncoxideError(err);
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function clientIp(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/** The grant a password bought: `x-link-grant` header, or `grant` in the query for plain links. */
export function grantOf(req: IncomingMessage, url: URL): string | null {
  return header(req, 'x-link-grant') ?? url.searchParams.get('grant');
}

/** Reads a small body; 413 as soon as it is over `max` bytes (by Content-Length or by count). */
export async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const tooLarge = () =>
    new SyncoxideError('INVALID_INPUT', `request body over ${max} bytes`, {
      details: { status: 413, reason: 'too-large' },
    });
  if (Number(header(req, 'content-length') ?? 0) > max) {
    req.resume();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const chunk of req) {
    n += (chunk as Buffer).length;
    if (n > max) {
      req.resume();
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A relative path inside a shared folder: '' or '/'-separated names, none empty, . or .. */
export function safeRelative(path: string | null): string {
  if (!path) return '';
  const parts = path.split('/');
  const bad = parts.some(
    (p) =>
      p === '' ||
      p === '.' ||
      p === '..' ||
      p.includes('\\') ||
      // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting them is the point
      /[\u0000-\u001f\u007f]/.test(p),
  );
  if (bad || path.length > 4096) throw new SyncoxideError('NOT_FOUND', 'not found');
  return path;
}

export const joinPath = (dir: string, rel: string) => (dir && rel ? `${dir}/${rel}` : dir || rel);

/**
 * Absolute base URL of the public endpoints as the client reached them: direct (Host), or through
 * the dashboard's proxy, which forwards `/api/*` here and says so with X-Forwarded-Host.
 */
export function publicBase(req: IncomingMessage): string {
  const fwdHost = header(req, 'x-forwarded-host')?.split(',')[0]?.trim();
  if (fwdHost) {
    const proto = header(req, 'x-forwarded-proto')?.split(',')[0]?.trim() === 'https' ? 'https' : 'http';
    return `${proto}://${fwdHost}${PROXY_PREFIX}`;
  }
  return `http://${header(req, 'host') ?? 'localhost'}`;
}

/** Where the dashboard proxies the gateway (web/next.config.ts: /api/:path* → gateway). */
export const PROXY_PREFIX = '/api';
