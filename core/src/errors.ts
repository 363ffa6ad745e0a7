// One application error type. `code` says what went wrong; `retriable` is the only
// thing retry helpers look at. The gateway maps codes to extensions.code and HTTP statuses.

export const ERROR_CODES = [
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'CONFLICT',
  'PERMISSION_DENIED',
  'UNAUTHENTICATED',
  'QUOTA_EXCEEDED',
  'INVALID_INPUT',
  'PRECONDITION_FAILED',
  'NETWORK',
  'UNAVAILABLE',
  'TIMEOUT',
  'RATE_LIMITED',
  'UNSUPPORTED',
  'CORRUPTED',
  'ABORTED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const RETRIABLE_BY_DEFAULT: ReadonlySet<ErrorCode> = new Set([
  'NETWORK',
  'UNAVAILABLE',
  'TIMEOUT',
  'RATE_LIMITED',
]);

export interface ErrorOptions {
  retriable?: boolean;
  cause?: unknown;
  /** Path or resource the error is about; included in the message. */
  path?: string;
  details?: Record<string, unknown>;
}

export class SyncoxideError extends Error {
  readonly code: ErrorCode;
  readonly retriable: boolean;
  readonly path: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: ErrorOptions = {}) {
    super(options.path ? `${message}: ${options.path}` : message, { cause: options.cause });
    this.name = 'SyncoxideError';
    this.code = code;
    this.retriable = options.retriable ?? RETRIABLE_BY_DEFAULT.has(code);
    this.path = options.path;
    this.details = options.details;
  }
}

export function isSyncoxideError(err: unknown, code?: ErrorCode): err is SyncoxideError {
  return err instanceof SyncoxideError && (code === undefined || err.code === code);
}

export function isRetriable(err: unknown): boolean {
  return err instanceof SyncoxideError && err.retriable;
}

/** HTTP status an error code maps to at the edge. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'NOT_FOUND':
      return 404;
    case 'ALREADY_EXISTS':
    case 'CONFLICT':
      return 409;
    case 'PERMISSION_DENIED':
      return 403;
    case 'UNAUTHENTICATED':
      return 401;
    case 'QUOTA_EXCEEDED':
      return 507;
    case 'INVALID_INPUT':
      return 400;
    case 'PRECONDITION_FAILED':
      return 412;
    case 'RATE_LIMITED':
      return 429;
    case 'UNSUPPORTED':
      return 501;
    case 'TIMEOUT':
      return 504;
    case 'NETWORK':
    case 'UNAVAILABLE':
      return 503;
    default:
      return 500;
  }
}
