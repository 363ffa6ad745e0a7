// Errors about a temporary file are reported against the file the caller is writing: the
// temporary name means nothing to them, the destination does.
import { isSyncoxideError, SyncoxideError } from '@syncoxide/core';

export function relabel(error: unknown, path: string): unknown {
  if (!isSyncoxideError(error) || error.path === path) return error;
  const suffix = error.path === undefined ? '' : `: ${error.path}`;
  const base =
    suffix && error.message.endsWith(suffix) ? error.message.slice(0, -suffix.length) : error.message;
  return new SyncoxideError(error.code, base, {
    path,
    cause: error,
    retriable: error.retriable,
    ...(error.details ? { details: error.details } : {}),
  });
}
