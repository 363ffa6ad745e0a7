// The local disk provider: a folder on this machine as a remote. Root-confined, atomic writes
// (temp file beside the destination, fsync, rename, fsync of the folder), hashes computed while
// streaming, a native watcher for changes. Names are stored as the bytes given: on Linux an NFC
// and an NFD spelling of one name are two files, each listed as written (macOS would normalise).
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, mkdir, open, rename, rm, statfs, utimes } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { SyncoxideError } from '@syncoxide/core';
import { checkExpected } from '../common/expect.js';
import { digestsOf, newHashState } from '../common/hashing.js';
import { tempPathFor } from '../common/paths.js';
import type {
  Change,
  ChangeFeedSource,
  Entry,
  Expected,
  HashType,
  Provider,
  ProviderCapabilities,
  ServerSideCopier,
  UploadSession,
  UploadState,
  UploadSweeper,
  Usage,
  WriteOptions,
} from '../types.js';
import { fsError, mapFs } from './errors.js';
import { confine, confineTarget, entryOf, fsyncDir, lstatOrNull, streamInto, writeError } from './fs.js';
import { hashFile, install } from './install.js';
import { listLocal } from './list.js';
import { sweepLocalTemps } from './sweep.js';
import { LocalUploadSession } from './upload.js';
import { watchLocal } from './watch.js';

export const LOCAL_CAPABILITIES: ProviderCapabilities = {
  hashes: [],
  // utimes takes a double of seconds: sub-millisecond values are not reliable, milliseconds are.
  modtime: { supported: true, settable: true, precisionMs: 1 },
  serverSideCopy: true,
  serverSideMove: true,
  nativeSharing: false,
  changeFeed: 'watch',
  maxFileSize: null,
  caseSensitive: process.platform === 'linux',
  emptyFolders: true,
  stableIds: true,
};

export class LocalProvider implements Provider, ServerSideCopier, ChangeFeedSource, UploadSweeper {
  readonly type = 'local';
  readonly capabilities = LOCAL_CAPABILITIES;

  /** `root` must be an absolute path to an existing folder. */
  constructor(readonly root: string) {}

  list(path = '', options: { recursive?: boolean } = {}): AsyncIterable<Entry> {
    return listLocal(this.root, path, options.recursive ?? true);
  }

  async stat(path: string): Promise<Entry | null> {
    const { rel, abs } = confine(this.root, path);
    const st = await lstatOrNull(abs, rel);
    return st && !st.isSymbolicLink() ? entryOf(rel, st) : null;
  }

  private async fileStat(path: string) {
    const { rel, abs } = confine(this.root, path);
    const st = await lstatOrNull(abs, rel);
    if (!st) throw new SyncoxideError('NOT_FOUND', 'no such file', { path: rel });
    if (!st.isFile()) throw new SyncoxideError('INVALID_INPUT', 'not a file', { path: rel });
    return { rel, abs, st };
  }

  async read(path: string, range?: { start: number; end?: number }): Promise<Readable> {
    const { rel, abs, st } = await this.fileStat(path);
    const size = Number(st.size);
    const start = range?.start ?? 0;
    const end = Math.min(range?.end ?? size - 1, size - 1);
    const emptyWhole = size === 0 && start === 0;
    if (start < 0 || (start >= size && !emptyWhole) || (range?.end !== undefined && range.end < start)) {
      throw new SyncoxideError(
        'INVALID_INPUT',
        `range ${start}-${range?.end ?? ''} outside a ${size}-byte file`,
        {
          path: rel,
        },
      );
    }
    if (emptyWhole) return Readable.from([]);
    // Opened here so that a vanished file is a NOT_FOUND now, not a stream error later.
    const fh = await mapFs(rel, 'cannot open', () => openForReading(abs));
    // A small file is read in one buffer of its size, not 64 KiB ones (less garbage per file).
    const highWaterMark = Math.max(1, Math.min(64 * 1024, end - start + 1));
    return fh.createReadStream({ start, end, autoClose: true, highWaterMark });
  }

  async write(path: string, source: Readable, options: WriteOptions = {}): Promise<Entry> {
    const dest = confineTarget(this.root, path);
    const temp = confine(this.root, tempPathFor(dest.rel));
    await mapFs(dest.rel, 'cannot create folder', () => mkdir(dirname(dest.abs), { recursive: true }));
    const fh = await mapFs(dest.rel, 'cannot create temp file', () => open(temp.abs, 'wx', 0o644));
    const hashes = newHashState();
    try {
      try {
        await streamInto(source, fh, {
          position: 0,
          hashes,
          onProgress: options.onProgress,
          signal: options.signal,
        });
        await fh.sync();
      } finally {
        await fh.close();
      }
      return await install(temp.abs, dest, options, digestsOf(hashes));
    } catch (err) {
      // A failed write never touches what was there: only the temp file goes.
      await rm(temp.abs, { force: true }).catch(() => {});
      source.destroy();
      throw writeError(err, dest.rel);
    }
  }

  beginUpload(
    path: string,
    options: Omit<WriteOptions, 'onProgress' | 'signal'> = {},
  ): Promise<UploadSession> {
    return LocalUploadSession.begin(this.root, path, options);
  }

  resumeUpload(state: UploadState): Promise<UploadSession> {
    if (state.provider !== 'local') {
      throw new SyncoxideError('INVALID_INPUT', `upload state of a ${state.provider} provider`, {
        path: state.path,
      });
    }
    return LocalUploadSession.resume(this.root, state);
  }

  sweepUploads(folders: string[], options: { before: number; keep: UploadState[] }): Promise<number> {
    return sweepLocalTemps(this.root, folders, options);
  }

  async delete(path: string, options: { expect?: Expected } = {}): Promise<void> {
    const target = confineTarget(this.root, path);
    const st = await lstatOrNull(target.abs, target.rel);
    if (!st) throw new SyncoxideError('NOT_FOUND', 'nothing to delete', { path: target.rel });
    await checkExpected(
      target.rel,
      entryOf(target.rel, st),
      options.expect,
      (t) => hashFile(target.abs, t),
      1,
    );
    await mapFs(target.rel, 'cannot delete', () => rm(target.abs, { recursive: true }));
  }

  async mkdir(path: string): Promise<void> {
    const target = confineTarget(this.root, path);
    await mapFs(target.rel, 'cannot create folder', () => mkdir(target.abs, { recursive: true }));
  }

  async move(from: string, to: string, options: { overwrite?: boolean } = {}): Promise<Entry> {
    const src = confineTarget(this.root, from);
    const dst = confineTarget(this.root, to);
    const st = await lstatOrNull(src.abs, src.rel);
    if (!st) throw new SyncoxideError('NOT_FOUND', 'nothing to move', { path: src.rel });
    const existing = await lstatOrNull(dst.abs, dst.rel);
    // On a case-insensitive disk a case-only rename finds "itself" at the destination.
    const same = existing !== null && existing.ino === st.ino && existing.dev === st.dev;
    if (existing && !same && !options.overwrite) {
      throw new SyncoxideError('ALREADY_EXISTS', 'destination exists', { path: dst.rel });
    }
    if (existing && !same && existing.isDirectory() !== st.isDirectory()) {
      throw new SyncoxideError('CONFLICT', 'cannot replace a file with a folder or the reverse', {
        path: dst.rel,
      });
    }
    await mapFs(dst.rel, 'cannot create folder', () => mkdir(dirname(dst.abs), { recursive: true }));
    await mapFs(dst.rel, 'cannot move', () => rename(src.abs, dst.abs));
    await fsyncDir(dirname(dst.abs));
    if (dirname(src.abs) !== dirname(dst.abs)) await fsyncDir(dirname(src.abs)).catch(() => {});
    const moved = await lstatOrNull(dst.abs, dst.rel);
    if (!moved) throw new SyncoxideError('CONFLICT', 'moved entry vanished', { path: dst.rel });
    return entryOf(dst.rel, moved);
  }

  async copy(from: string, to: string): Promise<Entry> {
    const { rel, abs, st } = await this.fileStat(from);
    const dst = confineTarget(this.root, to);
    const temp = confine(this.root, tempPathFor(dst.rel, `cp-${randomBytes(8).toString('hex')}`));
    await mapFs(dst.rel, 'cannot create folder', () => mkdir(dirname(dst.abs), { recursive: true }));
    try {
      // A reflink where the file system can (instant, shares blocks), a plain copy elsewhere.
      await mapFs(rel, 'cannot copy', () => copyFile(abs, temp.abs, constants.COPYFILE_FICLONE));
      const seconds = Number(st.mtimeNs / 1000n) / 1e6;
      await utimes(temp.abs, seconds, seconds);
      return await install(temp.abs, dst, {}, {});
    } catch (err) {
      await rm(temp.abs, { force: true }).catch(() => {});
      throw fsError(err, dst.rel, 'cannot copy');
    }
  }

  async hash(path: string, type: HashType): Promise<string> {
    const { rel, abs } = await this.fileStat(path);
    return mapFs(rel, 'cannot read', () => hashFile(abs, type));
  }

  async usage(): Promise<Usage> {
    const fs = await mapFs('', 'cannot read usage', () => statfs(this.root));
    const total = fs.blocks * fs.bsize;
    return { used: total - fs.bfree * fs.bsize, free: fs.bavail * fs.bsize, total };
  }

  changes(options: { cursor: string | null; signal: AbortSignal; pollIntervalMs?: number }): AsyncIterable<{
    cursor: string;
    changes: Change[];
  }> {
    return watchLocal(this.root, { signal: options.signal });
  }

  async close(): Promise<void> {}
}

/**
 * Opens without updating the access time where allowed (Linux O_NOATIME, owner or root): a sync
 * reading every file would otherwise write every inode and wake every watcher of the folder.
 */
async function openForReading(abs: string) {
  const noatime = (constants as { O_NOATIME?: number }).O_NOATIME;
  if (noatime) {
    try {
      return await open(abs, constants.O_RDONLY | noatime);
    } catch (err) {
      if ((err as { code?: string }).code !== 'EPERM') throw err;
    }
  }
  return open(abs, 'r');
}

/** Builds a local provider; the root folder must exist (a missing disk must not look empty). */
export async function createLocalProvider(folder: string): Promise<LocalProvider> {
  const root = resolve(folder);
  const st = await lstatOrNull(root, '').catch(() => null);
  if (!st?.isDirectory()) {
    throw new SyncoxideError('NOT_FOUND', 'local root folder does not exist', { path: root });
  }
  return new LocalProvider(root);
}
