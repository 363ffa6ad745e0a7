// Streaming listing of a local folder tree: one directory handle open at a time, entries
// yielded as they are read, so memory does not grow with the size of the tree.
import { lstat, opendir } from 'node:fs/promises';
import { join } from 'node:path';
import { SyncoxideError } from '@syncoxide/core';
import { isTempName, joinPath } from '../common/paths.js';
import type { Entry } from '../types.js';
import { fsError } from './errors.js';
import { confine, entryOf, lstatOrNull } from './fs.js';

/**
 * Symlinks are skipped (not followed): following them could leave the root or loop, and
 * syncing a link target twice is rarely what a user wants.
 */
export async function* listLocal(root: string, path: string, recursive: boolean): AsyncGenerator<Entry> {
  const start = confine(root, path);
  const st = await lstatOrNull(start.abs, start.rel);
  if (!st) throw new SyncoxideError('NOT_FOUND', 'no such folder', { path: start.rel });
  if (!st.isDirectory()) throw new SyncoxideError('INVALID_INPUT', 'not a folder', { path: start.rel });
  const pending: string[] = [start.rel];
  while (pending.length > 0) {
    const rel = pending.pop()!;
    const abs = rel === '' ? root : join(root, ...rel.split('/'));
    let dir: Awaited<ReturnType<typeof opendir>>;
    try {
      dir = await opendir(abs, { bufferSize: 256 });
    } catch (err) {
      // A folder removed while we walk is not an error of the listing.
      if (rel !== start.rel && (err as { code?: string }).code === 'ENOENT') continue;
      throw fsError(err, rel, 'cannot list');
    }
    for await (const dirent of dir) {
      if (dirent.isSymbolicLink() || isTempName(dirent.name)) continue;
      if (!dirent.isFile() && !dirent.isDirectory()) continue; // sockets, fifos, devices
      const childRel = joinPath(rel, dirent.name);
      let childStat: Awaited<ReturnType<typeof lstatOrNull>>;
      try {
        childStat = await lstat(join(abs, dirent.name), { bigint: true });
      } catch (err) {
        if ((err as { code?: string }).code === 'ENOENT') continue;
        throw fsError(err, childRel, 'cannot stat');
      }
      const entry = entryOf(childRel, childStat);
      yield entry;
      if (recursive && entry.kind === 'folder') pending.push(childRel);
    }
  }
}
