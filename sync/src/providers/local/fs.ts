// File system plumbing of the local provider: root confinement, entries from stats, durable
// streaming into a file handle, directory fsync.
import { type BigIntStats, constants } from 'node:fs';
import { type FileHandle, lstat, open } from 'node:fs/promises';
import { join } from 'node:path';
import { addAbortSignal, type Readable } from 'node:stream';
import { SyncoxideError } from '@syncoxide/core';
import { type HashState, updateHashState } from '../common/hashing.js';
import { baseName, isTempName, normalizePath } from '../common/paths.js';
import type { Entry, Hashes } from '../types.js';
import { fsError } from './errors.js';

/**
 * The normalised provider path and its place on disk. Refuses, before touching the disk,
 * anything that could land outside the root: absolute paths, '..' segments, NUL bytes.
 */
export function confine(root: string, path: string): { rel: string; abs: string } {
  if (typeof path === 'string' && (path.startsWith('/') || path.startsWith('\\'))) {
    throw new SyncoxideError('INVALID_INPUT', 'path must be relative to the remote root', { path });
  }
  const rel = normalizePath(path);
  return { rel, abs: rel === '' ? root : join(root, ...rel.split('/')) };
}

/** Like confine, for paths that will be written: not the root, not a reserved temp name. */
export function confineTarget(root: string, path: string): { rel: string; abs: string } {
  const target = confine(root, path);
  if (target.rel === '')
    throw new SyncoxideError('INVALID_INPUT', 'the root itself cannot be written', { path });
  if (isTempName(baseName(target.rel))) {
    throw new SyncoxideError('INVALID_INPUT', 'name is reserved for temporary files', { path });
  }
  return target;
}

export function entryOf(rel: string, st: BigIntStats, hashes: Hashes = {}): Entry {
  const folder = st.isDirectory();
  return {
    path: rel,
    kind: folder ? 'folder' : 'file',
    size: folder ? 0 : Number(st.size),
    mtime: Number((st.mtimeNs + 500_000n) / 1_000_000n),
    hashes,
    // Survives renames within one file system: lets the planner recognise moves.
    providerId: `${st.dev}:${st.ino}`,
    etag: folder ? null : `${st.size}-${st.mtimeNs}`,
  };
}

/** Stat without following a final symlink; null when nothing is there. */
export async function lstatOrNull(abs: string, rel: string): Promise<BigIntStats | null> {
  try {
    return await lstat(abs, { bigint: true });
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT' || (err as { code?: string }).code === 'ENOTDIR')
      return null;
    throw fsError(err, rel, 'cannot stat');
  }
}

/**
 * Writes the source into `fh` from `position`, hashing as it goes. Back-pressure comes from
 * awaiting each write before pulling the next chunk, so memory stays one chunk deep.
 */
export async function streamInto(
  source: Readable,
  fh: FileHandle,
  options: {
    position: number;
    hashes: HashState;
    onProgress?: (bytes: number) => void;
    signal?: AbortSignal;
  },
): Promise<void> {
  if (options.signal) addAbortSignal(options.signal, source);
  let position = options.position;
  const start = options.hashes.bytes;
  for await (const chunk of source) {
    const buf = chunk as Buffer;
    await fh.write(buf, 0, buf.length, position);
    position += buf.length;
    updateHashState(options.hashes, buf);
    options.onProgress?.(options.hashes.bytes - start);
  }
}

/** Makes a rename or create in `dir` durable (the directory entry itself is data too). */
export async function fsyncDir(dir: string): Promise<void> {
  const fh = await open(dir, constants.O_RDONLY | constants.O_DIRECTORY);
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Source errors (a dead upstream, an abort) are reported as ABORTED with the path. */
export function writeError(err: unknown, rel: string): SyncoxideError {
  const e = err as { code?: string; name?: string; syscall?: string };
  if (e.syscall !== undefined) return fsError(err, rel, 'cannot write');
  if (e.name === 'AbortError' || e.code === 'ABORT_ERR') {
    return new SyncoxideError('ABORTED', 'write aborted', { path: rel, cause: err });
  }
  if (err instanceof SyncoxideError) return err;
  return new SyncoxideError('ABORTED', `write aborted: source failed (${(err as Error).message})`, {
    path: rel,
    cause: err,
    retriable: true,
  });
}
