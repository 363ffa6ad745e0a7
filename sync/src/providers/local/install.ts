// The last step of every local write (DESIGN-NOTES §4): check the destination did not change
// since the plan, then move the finished temp file into place and make the rename durable.
import { createReadStream } from 'node:fs';
import { link, rename, unlink, utimes } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SyncoxideError } from '@syncoxide/core';
import { checkExpected } from '../common/expect.js';
import { hashOf } from '../common/hashing.js';
import type { Entry, Expected, Hashes, HashType } from '../types.js';
import { fsError } from './errors.js';
import { entryOf, fsyncDir, lstatOrNull } from './fs.js';

export function hashFile(abs: string, type: HashType): Promise<string> {
  return hashOf(createReadStream(abs), type);
}

export async function install(
  temp: string,
  dest: { rel: string; abs: string },
  options: { expect?: Expected; mtime?: number },
  hashes: Hashes,
): Promise<Entry> {
  if (options.mtime !== undefined) {
    const seconds = options.mtime / 1000;
    await utimes(temp, seconds, seconds).catch((err) => {
      throw fsError(err, dest.rel, 'cannot set modification time');
    });
  }
  const current = await lstatOrNull(dest.abs, dest.rel);
  await checkExpected(
    dest.rel,
    current ? entryOf(dest.rel, current) : null,
    options.expect,
    (type) => hashFile(dest.abs, type),
    1,
  );
  try {
    if (options.expect?.absent) {
      // link() refuses an existing name atomically: no window for a writer to slip in between
      // the check above and the rename.
      await linkOrRename(temp, dest.abs);
    } else {
      await rename(temp, dest.abs);
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'EEXIST') {
      throw new SyncoxideError('PRECONDITION_FAILED', 'destination changed since planned (now exists)', {
        path: dest.rel,
      });
    }
    throw fsError(err, dest.rel, 'cannot move the finished file into place');
  }
  await fsyncDir(dirname(dest.abs));
  const st = await lstatOrNull(dest.abs, dest.rel);
  if (!st)
    throw new SyncoxideError('CONFLICT', 'file vanished right after it was written', { path: dest.rel });
  return entryOf(dest.rel, st, hashes);
}

async function linkOrRename(temp: string, abs: string): Promise<void> {
  try {
    await link(temp, abs);
  } catch (err) {
    const code = (err as { code?: string }).code;
    // File systems without hard links (FAT, some FUSE mounts): the check above has to do.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EMLINK') {
      await rename(temp, abs);
      return;
    }
    throw err;
  }
  await unlink(temp);
}
