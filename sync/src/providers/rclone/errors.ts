// rclone failures mapped onto SyncoxideError codes. The rc API gives an HTTP status (404 for
// missing objects and folders, 400 for bad parameters, 500 for the rest) and rclone's own
// message, which names the backend's error: that is where the finer cause is found.
import { type ErrorCode, SyncoxideError } from '@syncoxide/core';

const BY_MESSAGE: [RegExp, ErrorCode][] = [
  [/object not found|directory not found|file does not exist|no such file|not found/i, 'NOT_FOUND'],
  [
    /permission denied|operation not permitted|access denied|forbidden|\b403\b|read-only file system/i,
    'PERMISSION_DENIED',
  ],
  [
    /unable to authenticate|authentication failed|unauthorized|\b401\b|invalid_grant|token.*expired/i,
    'PERMISSION_DENIED',
  ],
  [/quota|no space left|insufficient storage|\b507\b/i, 'QUOTA_EXCEEDED'],
  [/rate limit|too many requests|\b429\b/i, 'RATE_LIMITED'],
  [/file exists|already exists/i, 'ALREADY_EXISTS'],
  [
    /connection refused|no such host|i\/o timeout|dial tcp|connection reset|couldn't connect|network is unreachable|EOF$/i,
    'NETWORK',
  ],
  [/not supported|can't .* on this remote|doesn't support/i, 'UNSUPPORTED'],
];

export function rcloneError(status: number, message: string, path: string): SyncoxideError {
  let code: ErrorCode | undefined;
  if (status === 404) code = 'NOT_FOUND';
  else if (status === 400) code = 'INVALID_INPUT';
  else code = BY_MESSAGE.find(([pattern]) => pattern.test(message))?.[1];
  return new SyncoxideError(code ?? 'INTERNAL', `rclone: ${message.trim().slice(0, 300)}`, {
    path,
    // rclone already retried low-level failures; a network error may pass, the rest will not.
    retriable: code === 'NETWORK' || code === 'RATE_LIMITED',
  });
}
