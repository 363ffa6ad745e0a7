// HTTP for WebDAV with Node's fetch: URLs built from root-relative paths (each segment
// percent-encoded), basic auth, streamed bodies, statuses mapped to errors.
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { fetchError, statusError } from './errors.js';

export interface DavRequest {
  headers?: Record<string, string>;
  body?: string | Readable | AsyncIterable<Uint8Array>;
  signal?: AbortSignal;
  /** Statuses that are an answer, not an error (2xx always are). */
  accept?: number[];
}

export function encodePath(rel: string): string {
  return rel === '' ? '' : rel.split('/').map(encodeURIComponent).join('/');
}

export class DavClient {
  /** Absolute URL of the remote's root, ending with '/'. */
  readonly base: URL;
  private readonly auth: string | null;

  constructor(url: string, root: string, username?: string, password?: string) {
    const base = new URL(url);
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    const rootPath = encodePath(root.split('/').filter(Boolean).join('/'));
    if (rootPath) base.pathname += `${rootPath}/`;
    base.search = '';
    base.hash = '';
    this.base = base;
    this.auth =
      username !== undefined
        ? `Basic ${Buffer.from(`${username}:${password ?? ''}`).toString('base64')}`
        : null;
  }

  url(rel: string, folder = false): string {
    const path = encodePath(rel);
    return new URL(path + (folder && path ? '/' : ''), this.base).toString();
  }

  async request(
    method: string,
    rel: string,
    options: DavRequest & { folder?: boolean } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.auth) headers.Authorization = this.auth;
    const init: RequestInit & { duplex?: 'half' } = { method, headers, redirect: 'follow' };
    if (options.signal) init.signal = options.signal;
    if (options.body !== undefined) {
      init.body = options.body as RequestInit['body'];
      // A streamed request body needs half-duplex mode in fetch.
      if (typeof options.body !== 'string') init.duplex = 'half';
    }
    let response: Response;
    for (let attempt = 1; ; attempt++) {
      try {
        response = await fetch(this.url(rel, options.folder), init);
      } catch (error) {
        throw fetchError(error, method, rel);
      }
      // 423: another request holds the server's lock on this path (servers built on
      // golang.org/x/net/webdav lock every path a write touches for the request's duration).
      // A moment later it is free; a streamed body cannot be sent twice, so PUT is not retried.
      if (response.status !== 423 || attempt >= 5 || init.duplex === 'half') break;
      await response.body?.cancel();
      await sleep(50 * attempt);
    }
    if (response.ok || options.accept?.includes(response.status)) return response;
    const detail = (await response.text().catch(() => ''))
      .replace(/<[^>]*>/g, ' ')
      .trim()
      .slice(0, 200);
    throw statusError(response.status, method, rel, detail);
  }
}
