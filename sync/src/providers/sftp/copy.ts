// Server-side copy with the copy-data extension (OpenSSH 9.0+): the server copies the bytes
// into a temporary file beside the destination, which is then renamed into place.
import { SyncoxideError } from '@syncoxide/core';
import type { SFTPWrapper } from 'ssh2';
import { parentOf, tempPathFor } from '../common/paths.js';
import type { Entry } from '../types.js';
import * as ops from './ops.js';
import { placedEntry, placeTemp, sealTemp } from './place.js';
import type { SftpProvider } from './provider.js';

function copyData(s: SFTPWrapper, from: Buffer, to: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      // Length 0: until the end of the source.
      s.ext_copy_data(from, 0, 0, to, 0, (err) => (err ? reject(err) : resolve()));
    } catch (err) {
      reject(Object.assign(new Error((err as Error).message), { code: 8 }));
    }
  });
}

/** Copies `from` to `to` on the server, keeping its mtime; hashes are the source's (none listed). */
export async function copyFile(p: SftpProvider, from: string, to: string): Promise<Entry> {
  const entry = await p.stat(from);
  if (!entry) throw new SyncoxideError('NOT_FOUND', 'nothing to copy', { path: from });
  if (entry.kind !== 'file')
    throw new SyncoxideError('INVALID_INPUT', 'only files are copied', { path: from });
  await p.mkdir(parentOf(to));
  const temp = tempPathFor(to);
  const tempAbs = await p.abs(temp);
  try {
    const st = await p.run(
      from,
      async (s, fromAbs) => {
        if (!ops.hasExtension(s, 'copy-data')) {
          throw new SyncoxideError('UNSUPPORTED', 'the SFTP server has no copy-data extension', { path: to });
        }
        const source = await ops.open(s, fromAbs, 'r');
        try {
          const target = await ops.open(s, tempAbs, 'w');
          try {
            await copyData(s, source, target);
            return await sealTemp(s, target, tempAbs, entry.mtime ?? undefined);
          } finally {
            await ops.closeHandle(s, target, tempAbs).catch(() => {});
          }
        } finally {
          await ops.closeHandle(s, source, fromAbs).catch(() => {});
        }
      },
      to,
    );
    await placeTemp(p, tempAbs, to, {});
    return placedEntry(to, st, {} as Required<Entry['hashes']>);
  } catch (error) {
    await p.run(temp, (s, abs) => ops.unlink(s, abs), to).catch(() => {});
    throw error;
  }
}
