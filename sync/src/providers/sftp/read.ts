// Reads: a pipelined stream of a whole file or a byte range, on a channel held until it ends.
import type { Readable } from 'node:stream';
import { SyncoxideError } from '@syncoxide/core';
import type { ByteRange } from '../types.js';
import { readStream } from './io.js';
import * as ops from './ops.js';
import type { SftpProvider } from './provider.js';

export function readFile(p: SftpProvider, rel: string, range?: ByteRange): Promise<Readable> {
  let release = () => {};
  return p
    .run(rel, async (_, abs) => {
      // The stream keeps using its channel after this returns: hold it busy until it closes.
      const lease = await p.conn.lease();
      release = lease.release;
      const s = lease.sftp;
      const handle = await ops.open(s, abs, 'r');
      try {
        const st = await ops.fstat(s, handle, abs);
        if (st.isDirectory())
          throw new SyncoxideError('INVALID_INPUT', 'is a folder, not a file', { path: rel });
        const start = range?.start ?? 0;
        const last = Math.min(range?.end ?? st.size - 1, st.size - 1);
        if (!Number.isInteger(start) || start < 0 || (range?.end !== undefined && range.end < start)) {
          throw new SyncoxideError('INVALID_INPUT', `invalid byte range ${start}-${range?.end ?? ''}`, {
            path: rel,
          });
        }
        if (start >= st.size && !(start === 0 && st.size === 0)) {
          throw new SyncoxideError(
            'INVALID_INPUT',
            `range starts at ${start}, past the end (size ${st.size})`,
            {
              path: rel,
            },
          );
        }
        return readStream(s, handle, start, last + 1, rel).once('close', release);
      } catch (error) {
        await ops.closeHandle(s, handle, abs).catch(() => {});
        throw error;
      }
    })
    .catch((error: unknown) => {
      release();
      throw error;
    });
}
