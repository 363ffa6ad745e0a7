// SFTP and SSH failures mapped onto SyncoxideError codes, with the path in the message.
import { isSyncoxideError, SyncoxideError } from '@syncoxide/core';

// SFTP v3 status codes (draft-ietf-secsh-filexfer-02), as ssh2 puts them on err.code.
const NO_SUCH_FILE = 2;
const PERMISSION_DENIED = 3;
const FAILURE = 4;
const NO_CONNECTION = 6;
const CONNECTION_LOST = 7;
const OP_UNSUPPORTED = 8;

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ETIMEDOUT',
]);

interface SshError extends Error {
  code?: number | string;
  level?: string;
}

/** Maps an ssh2 error (SFTP status, socket or SSH protocol failure) for an operation on `path`. */
export function mapSftpError(error: unknown, path?: string): SyncoxideError {
  if (isSyncoxideError(error)) return error;
  const err = (error instanceof Error ? error : new Error(String(error))) as SshError;
  const opts = { cause: err, ...(path !== undefined ? { path } : {}) };
  switch (err.code) {
    case NO_SUCH_FILE:
      return new SyncoxideError('NOT_FOUND', 'no such file or folder', opts);
    case PERMISSION_DENIED:
      return new SyncoxideError('PERMISSION_DENIED', 'permission denied by the SFTP server', opts);
    case OP_UNSUPPORTED:
      return new SyncoxideError('UNSUPPORTED', 'operation not supported by the SFTP server', opts);
    case NO_CONNECTION:
    case CONNECTION_LOST:
      return new SyncoxideError('NETWORK', 'SFTP connection lost', opts);
    case FAILURE:
      // v3 has no finer codes: sftp-server reports ENOSPC, EEXIST, ENOTEMPTY... all as FAILURE.
      return new SyncoxideError('INTERNAL', `SFTP server failure (${err.message})`, {
        ...opts,
        retriable: false,
      });
  }
  if (typeof err.code === 'string' && NETWORK_CODES.has(err.code)) {
    return new SyncoxideError('NETWORK', `cannot reach the SFTP server (${err.code})`, opts);
  }
  if (err.level === 'client-authentication') {
    return new SyncoxideError(
      'PERMISSION_DENIED',
      'SFTP authentication failed: the server refused the configured key or password for this user',
      opts,
    );
  }
  if (err.level === 'client-timeout')
    return new SyncoxideError('TIMEOUT', 'SFTP server did not answer in time', opts);
  if (/no response from server|not connected|channel|socket|connection/i.test(err.message)) {
    return new SyncoxideError('NETWORK', `SFTP connection problem (${err.message})`, opts);
  }
  return new SyncoxideError('INTERNAL', `SFTP error (${err.message})`, { ...opts, retriable: false });
}
