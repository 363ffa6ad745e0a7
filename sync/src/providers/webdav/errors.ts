// HTTP statuses and fetch failures mapped onto SyncoxideError codes.
import { type ErrorCode, isSyncoxideError, SyncoxideError } from '@syncoxide/core';

const BY_STATUS: Record<number, ErrorCode> = {
  400: 'INVALID_INPUT',
  // The provider's own credentials were refused: that is not the caller's session expiring
  // (UNAUTHENTICATED would surface as HTTP 401 at our edge), so both are PERMISSION_DENIED.
  401: 'PERMISSION_DENIED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  405: 'UNSUPPORTED',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'QUOTA_EXCEEDED',
  416: 'INVALID_INPUT',
  423: 'CONFLICT',
  429: 'RATE_LIMITED',
  501: 'UNSUPPORTED',
  507: 'QUOTA_EXCEEDED',
};

const WRITES = new Set(['PUT', 'MKCOL', 'MOVE', 'COPY', 'DELETE', 'PROPPATCH']);

export function statusError(status: number, method: string, path: string, detail = ''): SyncoxideError {
  // A write method not allowed on a resource is the server refusing the write (read-only
  // shares, immutable folders); on reads it is a method the server does not have.
  // PUT answered 404 although we made its folder first: golang.org/x/net/webdav (rclone's
  // server) answers so when the file system refuses the write (read-only, EPERM).
  const refused = (status === 405 && WRITES.has(method)) || (status === 404 && method === 'PUT');
  const code: ErrorCode = refused
    ? 'PERMISSION_DENIED'
    : (BY_STATUS[status] ?? (status >= 500 ? 'UNAVAILABLE' : 'INTERNAL'));
  const why = status === 401 ? 'WebDAV server refused the username/password' : `WebDAV ${method} failed`;
  // Locked resources and server errors pass; the rest will not change by retrying.
  const retriable = status === 423 || status === 429 || (status >= 500 && status !== 501 && status !== 507);
  return new SyncoxideError(code, `${why} (HTTP ${status}${detail ? `: ${detail}` : ''})`, {
    path,
    retriable,
  });
}

/** A fetch that never got an answer: refused, reset, timed out, DNS. */
export function fetchError(error: unknown, method: string, path: string): SyncoxideError {
  if (isSyncoxideError(error)) return error;
  const err = error as Error & { cause?: { code?: string } };
  if (err.name === 'AbortError' || err.name === 'TimeoutError') {
    return new SyncoxideError('ABORTED', `WebDAV ${method} aborted`, { path, cause: err });
  }
  const code = err.cause?.code ?? err.message;
  return new SyncoxideError('NETWORK', `cannot reach the WebDAV server (${code})`, { path, cause: err });
}
