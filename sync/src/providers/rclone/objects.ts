// Whole-object operations through rclone: upload (operations/uploadfile, streamed into rclone's
// Rcat), size, ranged read (--rc-serve), delete, and putting a finished temp object in place
// (operations/movefile: a server-side rename where the backend has one).
import { Readable } from 'node:stream';
import { SyncoxideError } from '@syncoxide/core';
import type { PartStore, SessionOptions } from '../common/parts-session.js';
import { baseName, parentOf } from '../common/paths.js';
import type { ByteRange, Entry, Hashes } from '../types.js';
import type { RcloneProvider } from './provider.js';

export class RcloneObjects implements PartStore {
  readonly type = 'rclone';

  constructor(private readonly p: RcloneProvider) {}

  async tempFolder(dest: string): Promise<string> {
    return parentOf(dest);
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
    const ranged = range !== undefined && (range.start > 0 || range.end !== undefined);
    const header = ranged ? `bytes=${range.start}-${range.end ?? ''}` : null;
    const response = await this.p.daemon.get(this.p.fs, path, header, path);
    if (response.status === 404) throw new SyncoxideError('NOT_FOUND', 'no such file', { path });
    if (response.status === 416) {
      throw new SyncoxideError('INVALID_INPUT', `range ${header} is past the end of the file`, { path });
    }
    if (!response.ok) {
      throw new SyncoxideError('INTERNAL', `rclone serve answered HTTP ${response.status}`, { path });
    }
    if ((response.headers.get('content-type') ?? '').startsWith('text/html') && !/\.html?$/i.test(path)) {
      // --rc-serve answers a folder with an HTML index.
      const entry = await this.p.stat(path);
      if (entry?.kind === 'folder') {
        await response.body?.cancel();
        throw new SyncoxideError('INVALID_INPUT', 'is a folder, not a file', { path });
      }
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
    return { ...entry, hashes: { ...entry.hashes, ...hashes } } satisfies Entry;
  }

  moveFile(from: string, to: string): Promise<unknown> {
    const fs = this.p.fs;
    return this.p.daemon.call(
      'operations/movefile',
      { srcFs: fs, srcRemote: from, dstFs: fs, dstRemote: to },
      to,
    );
  }
}
