// Making things visible and making them go away: a finished temp file into place (atomic
// replace with posix-rename, create-only with hardlink), moves, and recursive deletes.
import { SyncoxideError } from '@syncoxide/core';
import PQueue from 'p-queue';
import type { SFTPWrapper, Stats } from 'ssh2';
import { isWithin, joinPath, parentOf, tempPathFor } from '../common/paths.js';
import type { Entry, Hashes, WriteOptions } from '../types.js';
import { entryOf } from './entry.js';
import * as ops from './ops.js';
import type { SftpProvider } from './provider.js';

const NO_SUCH_FILE = 2;
const codeOf = (error: unknown): unknown => (error as { code?: unknown }).code;
const ignoreMissing = (error: unknown): void => {
  if (codeOf(error) !== NO_SUCH_FILE && codeOf(error) !== 'NOT_FOUND') throw error;
};

/**
 * Replaces `toAbs` with `fromAbs`. posix-rename@openssh.com is rename(2): atomic, readers see
 * old or new. Without it, SFTP's rename refuses an existing target, so the old file steps aside
 * under a temporary name first (a moment with nothing there, but never a partial file).
 */
async function replace(
  p: SftpProvider,
  s: SFTPWrapper,
  fromAbs: string,
  toAbs: string,
  to: string,
): Promise<void> {
  if (ops.hasExtension(s, 'posix-rename@openssh.com')) return ops.posixRename(s, fromAbs, toAbs);
  try {
    await ops.rename(s, fromAbs, toAbs);
    return;
  } catch (error) {
    if (!(await p.stat(to))) throw error;
  }
  const aside = await p.abs(tempPathFor(to));
  await ops.rename(s, toAbs, aside);
  try {
    await ops.rename(s, fromAbs, toAbs);
  } catch (error) {
    await ops.rename(s, aside, toAbs).catch(() => {});
    throw error;
  }
  await ops.unlink(s, aside).catch(() => {});
}

/** Creates `toAbs` from `fromAbs` only if nothing is there: link(2) fails on an existing name. */
async function placeNew(
  p: SftpProvider,
  s: SFTPWrapper,
  fromAbs: string,
  toAbs: string,
  to: string,
): Promise<void> {
  try {
    if (ops.hasExtension(s, 'hardlink@openssh.com')) {
      await ops.hardlink(s, fromAbs, toAbs);
      await ops.unlink(s, fromAbs);
    } else {
      // OpenSSH's plain rename is link+unlink too; other servers may replace (a race we accept).
      await ops.rename(s, fromAbs, toAbs);
    }
  } catch (error) {
    if (await p.stat(to)) {
      throw new SyncoxideError('PRECONDITION_FAILED', 'destination changed since planned (it appeared)', {
        path: to,
        cause: error,
      });
    }
    throw error;
  }
}

/** Where supported, flushes the temp file to disk and sets its mtime; returns its attributes. */
export async function sealTemp(
  s: SFTPWrapper,
  handle: Buffer,
  tempAbs: string,
  mtime: number | undefined,
): Promise<Stats> {
  if (ops.hasExtension(s, 'fsync@openssh.com')) await ops.fsync(s, handle, tempAbs);
  if (mtime !== undefined) {
    const seconds = Math.floor(mtime / 1000);
    await ops.setstat(s, tempAbs, { atime: seconds, mtime: seconds });
  }
  return ops.fstat(s, handle, tempAbs);
}

/** Moves a finished temp file to `path`, after checking `expect` (DESIGN-NOTES §4). */
export async function placeTemp(
  p: SftpProvider,
  tempAbs: string,
  path: string,
  options: Omit<WriteOptions, 'onProgress' | 'signal'>,
): Promise<void> {
  if (options.expect) {
    const current = await p.checkExpect(path, options.expect);
    if (current?.kind === 'folder')
      throw new SyncoxideError('CONFLICT', 'a folder is in the way of the file', { path });
  }
  try {
    await p.run(path, async (s, abs) => {
      if (options.expect?.absent) await placeNew(p, s, tempAbs, abs, path);
      else await replace(p, s, tempAbs, abs, path);
    });
  } catch (error) {
    if ((await p.stat(path).catch(() => null))?.kind === 'folder') {
      throw new SyncoxideError('CONFLICT', 'a folder is in the way of the file', { path, cause: error });
    }
    throw error;
  }
}

/** The entry of a file just placed, from the temp file's attributes (same inode). */
export function placedEntry(path: string, st: Stats, hashes: Required<Hashes>): Entry {
  return { ...entryOf(path, st), hashes };
}

export async function moveEntry(
  p: SftpProvider,
  from: string,
  to: string,
  overwrite: boolean,
): Promise<Entry> {
  const entry = await p.stat(from);
  if (!entry) throw new SyncoxideError('NOT_FOUND', 'nothing to move', { path: from });
  if (from === to) return entry;
  if (isWithin(to, from))
    throw new SyncoxideError('INVALID_INPUT', 'cannot move a folder into itself', { path: to });
  const existing = await p.stat(to);
  if (existing && !overwrite) throw new SyncoxideError('ALREADY_EXISTS', 'destination exists', { path: to });
  if (existing && (existing.kind === 'folder' || entry.kind === 'folder')) {
    throw new SyncoxideError('CONFLICT', 'a folder cannot replace or be replaced by a move', { path: to });
  }
  await p.mkdir(parentOf(to));
  const fromAbs = await p.abs(from);
  await p.run(to, async (s, toAbs) => {
    if (existing) return replace(p, s, fromAbs, toAbs, to);
    try {
      await ops.rename(s, fromAbs, toAbs);
    } catch (error) {
      if (await p.stat(to))
        throw new SyncoxideError('ALREADY_EXISTS', 'destination exists', { path: to, cause: error });
      throw error;
    }
  });
  const moved = await p.stat(to);
  if (!moved) throw new SyncoxideError('CONFLICT', 'moved entry vanished', { path: to });
  return moved;
}

/**
 * Deletes a folder and everything in it, temp files and symlinks included (links are removed,
 * never followed). Files go in parallel, then folders deepest first.
 */
export async function removeTree(p: SftpProvider, rel: string): Promise<void> {
  const folders: string[] = [rel];
  const files: string[] = [];
  const queue = new PQueue({ concurrency: 8 });
  const visit = async (dir: string): Promise<void> => {
    const items = await p
      .run(dir, (s, abs) => ops.readdir(s, abs))
      .catch((error: unknown) => {
        ignoreMissing(error);
        return [];
      });
    for (const item of items) {
      if (item.filename === '.' || item.filename === '..') continue;
      const child = joinPath(dir, item.filename);
      if (item.attrs.isDirectory()) {
        folders.push(child);
        void queue.add(() => visit(child));
      } else files.push(child);
    }
  };
  await queue.add(() => visit(rel));
  await queue.onIdle();
  await Promise.all(
    files.map((f) => queue.add(() => p.run(f, (s, abs) => ops.unlink(s, abs)).catch(ignoreMissing))),
  );
  folders.sort((a, b) => b.split('/').length - a.split('/').length);
  for (const folder of folders) await p.run(folder, (s, abs) => ops.rmdir(s, abs)).catch(ignoreMissing);
}
