// Whole-object operations on a WebDAV server: PUT/GET/DELETE of single files, MOVE into place,
// folder creation with a cache of folders known to exist (a streamed PUT cannot be retried
// after a 409 for a missing parent, so parents are made first, and cheaply).
import { Readable } from 'node:stream';
import { SyncoxideError } from '@syncoxide/core';
import type { PartStore, SessionOptions } from '../common/parts-session.js';
import { isWithin, parentOf } from '../common/paths.js';
import type { ByteRange, Entry, Hashes } from '../types.js';
import type { WebdavProvider } from './provider.js';

/** Named like a temp file, so listings skip it and walks never enter it. */
const UPLOADS = '.syncoxide-uploads.partial';

import { rangeHeader, slicer } from './range.js';

export class DavObjects implements PartStore {
  readonly type = 'webdav';
  private readonly folders = new Set<string>();
  private readonly making = new Map<string, Promise<void>>();

  private uploads: Promise<string | null> | null = null;

  constructor(private readonly p: WebdavProvider) {}

  /**
   * Temporary objects go to one hidden folder at the root rather than beside the destination
   * (a deliberate exception to DESIGN-NOTES §4): servers built on golang.org/x/net/webdav,
   * rclone's among them, cut a PROPFIND short with a 500 when the folder holds a file still
   * being uploaded, so an upload beside the destination would break listings of its folder for
   * as long as it runs. MOVE stays a rename on the server. Where the root is not writable, beside
   * the destination it is.
   */
  async tempFolder(dest: string): Promise<string> {
    this.uploads ??= this.ensureFolder(UPLOADS).then(
      () => UPLOADS,
      (error: unknown) => {
        if ((error as SyncoxideError).code === 'PERMISSION_DENIED') return null;
        this.uploads = null; // a passing failure: ask again next time
        throw error;
      },
    );
    return (await this.uploads) ?? parentOf(dest);
  }

  /** Makes `rel` and its parents; concurrent calls for one folder share one MKCOL. */
  ensureFolder(rel: string): Promise<void> {
    if (rel === '' || this.folders.has(rel)) return Promise.resolve();
    let pending = this.making.get(rel);
    if (!pending) {
      pending = this.makeFolder(rel).finally(() => this.making.delete(rel));
      this.making.set(rel, pending);
    }
    return pending;
  }

  private async makeFolder(rel: string): Promise<void> {
    const mkcol = () => this.p.dav.request('MKCOL', rel, { folder: true, accept: [405, 409] });
    let response = await mkcol();
    if (response.status === 409) {
      await this.ensureFolder(parentOf(rel));
      response = await mkcol();
    }
    if (response.status === 405 || response.status === 409) {
      // 405: something is there already (fine when it is a folder), or the server refuses.
      const existing = await this.p.stat(rel);
      if (existing && existing.kind !== 'folder') {
        throw new SyncoxideError('ALREADY_EXISTS', 'a file is in the way of the folder', { path: rel });
      }
      if (!existing) {
        throw new SyncoxideError(
          'PERMISSION_DENIED',
          `the server refused to create the folder (HTTP ${response.status})`,
          {
            path: rel,
          },
        );
      }
    }
    this.folders.add(rel);
  }

  /** Our own deletes and moves make cached folders stale. */
  forgetFolders(rel: string): void {
    for (const folder of this.folders) if (isWithin(folder, rel)) this.folders.delete(folder);
  }

  async putObject(path: string, source: Readable, signal?: AbortSignal): Promise<void> {
    await this.ensureFolder(parentOf(path));
    try {
      await this.p.dav.request('PUT', path, { body: source, ...(signal ? { signal } : {}) });
    } catch (error) {
      // A parent removed behind our back: forget it, so a retry makes it again.
      if ((error as SyncoxideError).code === 'CONFLICT') {
        this.forgetFolders(parentOf(path));
        throw new SyncoxideError('CONFLICT', 'parent folder vanished during the write', {
          path,
          cause: error,
          retriable: true,
        });
      }
      throw error;
    }
  }

  async objectSize(path: string): Promise<number | null> {
    const entry = await this.p.stat(path);
    return entry?.kind === 'file' ? entry.size : null;
  }

  readObject(path: string): Promise<Readable> {
    return this.read(path);
  }

  async removeObject(path: string): Promise<void> {
    await this.p.dav.request('DELETE', path, { accept: [404] });
  }

  async read(rel: string, range?: ByteRange): Promise<Readable> {
    const ranged = range !== undefined && (range.start > 0 || range.end !== undefined);
    const response = await this.p.dav.request('GET', rel, {
      ...(ranged ? { headers: { Range: rangeHeader(range) } } : {}),
      accept: [416],
    });
    if (response.status === 416) {
      throw new SyncoxideError('INVALID_INPUT', `range ${rangeHeader(range!)} is past the end of the file`, {
        path: rel,
      });
    }
    const body = response.body
      ? Readable.fromWeb(response.body as import('node:stream/web').ReadableStream)
      : Readable.from([]);
    return ranged && response.status === 200 ? body.pipe(slicer(range)) : body;
  }

  /** MOVE; a refused Overwrite: F is ALREADY_EXISTS. Parents of the destination are made. */
  async moveInto(from: string, to: string, options: { overwrite: boolean; folder: boolean }): Promise<void> {
    await this.ensureFolder(parentOf(to));
    const response = await this.p.dav.request('MOVE', from, {
      folder: options.folder,
      headers: { Destination: this.p.dav.url(to, options.folder), Overwrite: options.overwrite ? 'T' : 'F' },
      accept: [412],
    });
    if (response.status === 412)
      throw new SyncoxideError('ALREADY_EXISTS', 'destination exists', { path: to });
  }

  async finish(
    temp: string,
    path: string,
    options: SessionOptions,
    hashes: Required<Hashes>,
    size: number,
  ): Promise<Entry> {
    const stored = await this.objectSize(temp);
    if (stored !== size) {
      throw new SyncoxideError('CORRUPTED', `server holds ${stored} bytes of ${size} written`, { path });
    }
    if (options.mtime !== undefined && this.p.capabilities.modtime.settable)
      await this.setMtime(temp, options.mtime);
    const current = await this.p.checkExpect(path, options.expect);
    if (current?.kind === 'folder')
      throw new SyncoxideError('CONFLICT', 'a folder is in the way of the file', { path });
    try {
      await this.moveInto(temp, path, { overwrite: !options.expect?.absent, folder: false });
    } catch (error) {
      if ((error as SyncoxideError).code !== 'ALREADY_EXISTS') throw error;
      throw new SyncoxideError('PRECONDITION_FAILED', 'destination changed since planned (it appeared)', {
        path,
      });
    }
    const entry = await this.p.stat(path);
    if (!entry) throw new SyncoxideError('CONFLICT', 'file vanished right after it was written', { path });
    return { ...entry, hashes: { ...entry.hashes, ...hashes } };
  }

  /** ownCloud/Nextcloud accept a PROPPATCH of {DAV:}lastmodified (seconds since the epoch). */
  private async setMtime(rel: string, mtime: number): Promise<void> {
    const body = `<?xml version="1.0"?><d:propertyupdate xmlns:d="DAV:"><d:set><d:prop><d:lastmodified>${Math.floor(
      mtime / 1000,
    )}</d:lastmodified></d:prop></d:set></d:propertyupdate>`;
    await this.p.dav.request('PROPPATCH', rel, { body, headers: { 'Content-Type': 'application/xml' } });
  }
}
