// Maps AWS SDK and network errors onto SyncoxideError codes, naming the provider path.
import { type ErrorCode, isSyncoxideError, SyncoxideError } from '@syncoxide/core';

const BY_NAME: Record<string, ErrorCode> = {
  NoSuchKey: 'NOT_FOUND',
  NotFound: 'NOT_FOUND',
  NoSuchBucket: 'NOT_FOUND',
  NoSuchUpload: 'NOT_FOUND',
  AccessDenied: 'PERMISSION_DENIED',
  Forbidden: 'PERMISSION_DENIED',
  AllAccessDisabled: 'PERMISSION_DENIED',
  InvalidAccessKeyId: 'UNAUTHENTICATED',
  SignatureDoesNotMatch: 'UNAUTHENTICATED',
  ExpiredToken: 'UNAUTHENTICATED',
  PreconditionFailed: 'PRECONDITION_FAILED',
  ConditionalRequestConflict: 'PRECONDITION_FAILED',
  InvalidRange: 'INVALID_INPUT',
  InvalidArgument: 'INVALID_INPUT',
  KeyTooLongError: 'INVALID_INPUT',
  EntityTooLarge: 'QUOTA_EXCEEDED',
  QuotaExceeded: 'QUOTA_EXCEEDED',
  SlowDown: 'RATE_LIMITED',
  TooManyRequests: 'RATE_LIMITED',
  ServiceUnavailable: 'UNAVAILABLE',
  InternalError: 'UNAVAILABLE',
  RequestTimeout: 'TIMEOUT',
  TimeoutError: 'TIMEOUT',
  RequestTimeTooSkewed: 'UNAUTHENTICATED',
  NotImplemented: 'UNSUPPORTED',
  AbortError: 'ABORTED',
};

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ECONNABORTED',
  'ETIMEDOUT',
]);

function byStatus(status: number | undefined): ErrorCode | undefined {
  if (status === undefined) return undefined;
  if (status === 404) return 'NOT_FOUND';
  if (status === 403) return 'PERMISSION_DENIED';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 412) return 'PRECONDITION_FAILED';
  if (status === 416) return 'INVALID_INPUT';
  if (status === 429) return 'RATE_LIMITED';
  if (status >= 500) return 'UNAVAILABLE';
  return undefined;
}

export function s3Error(err: unknown, path: string, doing = 'S3 request failed'): SyncoxideError {
  if (isSyncoxideError(err)) return err;
  const e = err as {
    name?: string;
    code?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const status = e.$metadata?.httpStatusCode;
  const networkCode = e.code && NETWORK_CODES.has(e.code) ? e.code : undefined;
  const code: ErrorCode =
    (networkCode ? 'NETWORK' : undefined) ??
    BY_NAME[e.name ?? ''] ??
    byStatus(status) ??
    (e.name === 'AggregateError' || /socket|ECONN|network/i.test(e.message ?? '') ? 'NETWORK' : 'INTERNAL');
  const what = networkCode ?? e.name ?? 'error';
  return new SyncoxideError(code, `${doing} (${what}${status ? ` ${status}` : ''})`, { path, cause: err });
}
