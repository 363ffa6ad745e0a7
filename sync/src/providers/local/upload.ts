// Resumable writes to a local disk: the temp file beside the destination is the session. Its
// size is the offset (so a process killed mid-append loses nothing it wrote), and the hashes
// are rebuilt on resume by re-reading it, since hash states cannot be persisted.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rm, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import { SyncoxideError } from '@syncoxide/core';
import { digestsOf, type HashState, hashReadable, newHashState } from '../common/hashing.js';
import { baseName, isTempName, parentOf, tempPathFor } from '../common/paths.js';
import type { Entry, UploadSession, UploadState, WriteOptions } from '../types.js';
import { fsError, mapFs } from './errors.js';
import { confine, confineTarget, lstatOrNull, streamInto, writeError } from './fs.js';
import { install } from './install.js';

type SessionOptions = Omit<WriteOptions, 'onProgress' | 'signal'>;

export class LocalUploadSession implements UploadSession {
  private constructor(
    private readonly root: string,
    readonly state: UploadState,
    /** Null until needed after a resume. */
    private hashes: HashState | null,
  ) {}

  private get temp(): { rel: string; abs: string } {
    return confine(this.root, this.state.data.temp as string);
  }

  static async begin(root: string, path: string, options: SessionOptions): Promise<LocalUploadSession> {
    const dest = confineTarget(root, path);
    const temp = confine(root, tempPathFor(dest.rel, `up-${randomBytes(8).toString('hex')}`));
    await mapFs(dest.rel, 'cannot create folder', () => mkdir(dirname(dest.abs), { recursive: true }));
    const fh = await mapFs(dest.rel, 'cannot start upload', () => open(temp.abs, 'wx', 0o644));
    await fh.close();
    const state: UploadState = {
      provider: 'local',
      path: dest.rel,
      offset: 0,
      data: { temp: temp.rel },
      options,
    };
    return new LocalUploadSession(root, state, newHashState());
  }

  static async resume(root: string, state: UploadState): Promise<LocalUploadSession> {
    const dest = confineTarget(root, state.path);
    const tempRel = state.data.temp;
    // The state comes from outside (a journal row): its temp path must be one of ours, beside
    // the destination, or resuming could be made to touch any file under the root.
    if (
      typeof tempRel !== 'string' ||
      !isTempName(baseName(tempRel)) ||
      parentOf(tempRel) !== parentOf(dest.rel)
    ) {
      throw new SyncoxideError('INVALID_INPUT', 'upload state does not belong to the local provider', {
        path: state.path,
      });
    }
    const temp = confine(root, tempRel);
    const st = await lstatOrNull(temp.abs, dest.rel);
    if (!st) throw new SyncoxideError('NOT_FOUND', 'upload session is gone, start again', { path: dest.rel });
    const next: UploadState = { ...state, path: dest.rel, offset: Number(st.size), data: { temp: temp.rel } };
    return new LocalUploadSession(root, next, null);
  }

  private async ensureHashes(): Promise<HashState> {
    if (!this.hashes) {
      const { abs } = this.temp;
      const offset = this.state.offset;
      this.hashes =
        offset === 0
          ? newHashState()
          : await mapFs(this.state.path, 'cannot re-read upload', () =>
              hashReadable(createReadStream(abs, { start: 0, end: offset - 1 })),
            );
    }
    return this.hashes;
  }

  async append(source: Readable, options: { signal?: AbortSignal } = {}): Promise<void> {
    const hashes = await this.ensureHashes();
    const fh = await mapFs(this.state.path, 'cannot open upload', () => open(this.temp.abs, 'r+'));
    try {
      await streamInto(source, fh, { position: this.state.offset, hashes, ...options });
    } catch (err) {
      throw writeError(err, this.state.path);
    } finally {
      // Whatever was written and hashed is kept: the offset moves to it either way.
      await fh.sync().catch(() => {});
      await fh.close().catch(() => {});
      this.state.offset = hashes.bytes;
    }
  }

  async commit(): Promise<Entry> {
    const hashes = await this.ensureHashes();
    const dest = confineTarget(this.root, this.state.path);
    const { abs } = this.temp;
    // A failed append may have written past the offset before it died.
    await mapFs(dest.rel, 'cannot finish upload', () => truncate(abs, this.state.offset));
    const fh = await mapFs(dest.rel, 'cannot finish upload', () => open(abs, 'r+'));
    await fh.sync().finally(() => fh.close());
    const { expect, mtime } = this.state.options;
    return install(abs, dest, { expect, mtime }, digestsOf(hashes));
  }

  async abort(): Promise<void> {
    await rm(this.temp.abs, { force: true }).catch((err) => {
      throw fsError(err, this.state.path, 'cannot remove upload');
    });
  }
}
