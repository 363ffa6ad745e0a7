// Maps Node's file system errors onto SyncoxideError codes, naming the provider path (never
// the absolute path on disk, which says more about this machine than a client needs).
import { type ErrorCode, isSyncoxideError, SyncoxideError } from '@syncoxide/core';

const CODES: Record<string, ErrorCode> = {
  ENOENT: 'NOT_FOUND',
  EACCES: 'PERMISSION_DENIED',
  EPERM: 'PERMISSION_DENIED',
  EROFS: 'PERMISSION_DENIED',
  ENOSPC: 'QUOTA_EXCEEDED',
  EDQUOT: 'QUOTA_EXCEEDED',
  EFBIG: 'QUOTA_EXCEEDED',
  EEXIST: 'ALREADY_EXISTS',
  ENOTEMPTY: 'ALREADY_EXISTS',
  ENOTDIR: 'INVALID_INPUT',
  EISDIR: 'INVALID_INPUT',
  ENAMETOOLONG: 'INVALID_INPUT',
  EINVAL: 'INVALID_INPUT',
  EILSEQ: 'INVALID_INPUT',
  ELOOP: 'INVALID_INPUT',
  EXDEV: 'UNSUPPORTED',
  EMFILE: 'UNAVAILABLE',
  ENFILE: 'UNAVAILABLE',
  EBUSY: 'UNAVAILABLE',
  EAGAIN: 'UNAVAILABLE',
  ETIMEDOUT: 'TIMEOUT',
  EIO: 'INTERNAL',
  ABORT_ERR: 'ABORTED',
};

export function fsError(err: unknown, path: string, doing = 'file system error'): SyncoxideError {
  if (isSyncoxideError(err)) return err;
  const code = (err as { code?: string }).code ?? '';
  const mapped = CODES[code] ?? ((err as Error).name === 'AbortError' ? 'ABORTED' : 'INTERNAL');
  const detail = code ? ` (${code})` : (err as Error).message ? ` (${(err as Error).message})` : '';
  return new SyncoxideError(mapped, `${doing}${detail}`, { path, cause: err });
}

/** Runs `fn`, mapping what it throws. */
export async function mapFs<T>(path: string, doing: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw fsError(err, path, doing);
  }
}
