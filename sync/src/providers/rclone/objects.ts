// Whole-object operations through rclone: upload (operations/uploadfile, streamed into rclone's
// Rcat), size, ranged read (--rc-serve), delete, and putting a finished temp object in place
// (operations/movefile: a server-side rename where the backend has one).
import { Readable } from 'node:stream';
import { SyncoxideError } from '@syncoxide/core';
import type { PartStore, SessionOptions } from '../common/parts-session.js';
import { baseName, parentOf } from '../common/paths.js';
import type { ByteRange, Entry, Hashes } from '../types.js';
import type { RcloneProvider } from './provider.js';

/** Named like a temp file, so listings skip it and walks never enter it. */
const UPLOADS = '.syncoxide-uploads.partial';

export class RcloneObjects implements PartStore {
  readonly type = 'rclone';

  constructor(private readonly p: RcloneProvider) {}

  private uploads: Promise<string | null> | null = null;

  /**
   * One hidden folder at the root holds the temporary objects (as for the WebDAV provider):
   * rclone's webdav backend lists through PROPFIND, which servers built on golang.org/x/net/webdav
   * cut short while a folder holds a file being uploaded. Moves into place stay server-side
   * (a rename, or a copy for bucket stores). Where the root is not writable: beside the file.
   */
  async tempFolder(dest: string): Promise<string> {
    this.uploads ??= this.p.mkdir(UPLOADS).then(
      () => UPLOADS,
      (error: unknown) => {
        if ((error as SyncoxideError).code === 'PERMISSION_DENIED') return null;
        this.uploads = null; // a passing failure: ask again next time
        throw error;
      },
    );
    return (await this.uploads) ?? parentOf(dest);
  }

  /**
   * Streams into rclone, which streams on to backends that take unknown-length uploads
   * (PutStream) and spools to its own temp file for the others. With `mtime`, backends that
   * write metadata store it with the upload (no second request).
   */
  async putObject(path: string, source: Readable, signal?: AbortSignal, mtime?: number): Promise<void> {
    const config =
      mtime !== undefined && this.p.features.WriteMetadata
        ? { Metadata: true, MetadataSet: { mtime: new Date(mtime).toISOString() } }
        : undefined;
    await this.p.daemon.upload(
      this.p.fs,
      parentOf(path),
      baseName(path),
      source,
      { ...(config ? { config } : {}), ...(signal ? { signal } : {}) },
      path,
    );
  }

  async objectSize(path: string): Promise<number | null> {
    const entry = await this.p.stat(path);
    return entry?.kind === 'file' ? entry.size : null;
  }

  readObject(path: string): Promise<Readable> {
    return this.read(path);
  }

  async removeObject(path: string): Promise<void> {
    await this.p.daemon
      .call('operations/deletefile', { fs: this.p.fs, remote: path }, path)
      .catch((error) => {
        if ((error as SyncoxideError).code !== 'NOT_FOUND') throw error;
      });
  }

  async read(path: string, range?: ByteRange): Promise<Readable> {
    // Asked first: --rc-serve answers a folder with an HTML index and a range past the end
    // with whatever it has, so both are recognised here.
    const entry = await this.p.stat(path, false);
    if (!entry) throw new SyncoxideError('NOT_FOUND', 'no such file', { path });
    if (entry.kind !== 'file') throw new SyncoxideError('INVALID_INPUT', 'is a folder, not a file', { path });
    const start = range?.start ?? 0;
    if (start >= entry.size && !(start === 0 && entry.size === 0)) {
      throw new SyncoxideError(
        'INVALID_INPUT',
        `range starts at ${start}, past the end (size ${entry.size})`,
        { path },
      );
    }
    const ranged = range !== undefined && (range.start > 0 || range.end !== undefined);
    const header = ranged ? `bytes=${range.start}-${range.end ?? ''}` : null;
    const response = await this.p.daemon.get(this.p.fs, path, header, path);
    if (response.status === 404) throw new SyncoxideError('NOT_FOUND', 'no such file', { path });
    if (!response.ok) {
      await response.body?.cancel();
      throw new SyncoxideError('UNAVAILABLE', `rclone serve answered HTTP ${response.status}`, { path });
    }
    return response.body
      ? Readable.fromWeb(response.body as import('node:stream/web').ReadableStream)
      : Readable.from([]);
  }

  async finish(temp: string, path: string, options: SessionOptions, hashes: Required<Hashes>, size: number) {
    const stored = await this.p.stat(temp, true);
    if (stored?.size !== size) {
      throw new SyncoxideError(
        'CORRUPTED',
        `remote holds ${stored?.size ?? 'nothing'} of ${size} bytes written`,
        {
          path,
        },
      );
    }
    // Where the backend keeps a hash, it must be the one of the bytes we sent.
    for (const type of ['md5', 'sha1'] as const) {
      const theirs = stored.hashes[type];
      if (theirs && theirs !== hashes[type]) {
        throw new SyncoxideError('CORRUPTED', `remote ${type} ${theirs} differs from the ${type} sent`, {
          path,
        });
      }
    }
    const { mtime } = options;
    const { precisionMs, settable } = this.p.capabilities.modtime;
    if (mtime !== undefined && settable && Math.abs((stored.mtime ?? 0) - mtime) > precisionMs) {
      await this.p.touch(temp, mtime);
    }
    const current = await this.p.checkExpect(path, options.expect);
    if (current?.kind === 'folder')
      throw new SyncoxideError('CONFLICT', 'a folder is in the way of the file', { path });
    await this.moveFile(temp, path);
    const entry = await this.p.stat(path);
    if (!entry) throw new SyncoxideError('CONFLICT', 'file vanished right after it was written', { path });
    if (entry.size !== size) {
      throw new SyncoxideError(
        'CONFLICT',
        `destination holds ${entry.size} bytes after the move, not ${size}`,
        { path },
      );
    }
    return { ...entry, hashes: { ...entry.hashes, ...hashes } } satisfies Entry;
  }

  /**
   * operations/movefile, told not to look at the destination first. Left to itself, rclone
   * compares the two and, finding them "equal" (same size, when the backend keeps no hash or
   * modtime to tell them apart), deletes the source and keeps the old destination: a lost write.
   * Not looking also keeps a backend's atomic rename (rclone deletes a destination it knows of
   * before moving). A backend whose move refuses an existing destination gets rclone's own
   * replace, told to transfer regardless (a moment with nothing there, never a partial file).
   */
  async moveFile(from: string, to: string): Promise<void> {
    const fs = this.p.fs;
    const move = (config: Record<string, boolean>) =>
      this.p.daemon.call(
        'operations/movefile',
        { srcFs: fs, srcRemote: from, dstFs: fs, dstRemote: to, _config: config },
        to,
      );
    try {
      await move({ NoCheckDest: true });
    } catch (error) {
      if (!(await this.p.stat(from, false)) || !(await this.p.stat(to, false))) throw error;
      await move({ IgnoreTimes: true });
    }
  }
}
