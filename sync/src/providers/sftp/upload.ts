// SFTP writes. A whole write streams into a temporary file beside the destination and renames
// it into place. A resumable session appends to that temporary file at its offset; after a
// crash the file is what was stored: the session resumes at its size (less the requests that
// may have been in flight), cuts anything beyond, and rebuilds its hashes by reading it back.
import { addAbortSignal, type Readable } from 'node:stream';
import { SyncoxideError } from '@syncoxide/core';
import type { SFTPWrapper } from 'ssh2';
import { digestsOf, type HashState, newHashState, updateHashState } from '../common/hashing.js';
import { baseName, isTempName, normalizeWritablePath, parentOf, tempPathFor } from '../common/paths.js';
import type { Entry, UploadSession, UploadState, WriteOptions } from '../types.js';
import { inflightWindow, readStream, writeFrom } from './io.js';
import * as ops from './ops.js';
import { placedEntry, placeTemp, sealTemp } from './place.js';
import type { SftpProvider } from './provider.js';

type SessionOptions = Omit<WriteOptions, 'onProgress' | 'signal'>;

const NO_SUCH_FILE = 2;
const codeOf = (error: unknown): unknown => (error as { code?: unknown }).code;

/**
 * Opens the temp file and runs `fn` with it on one channel (held for the whole call), closing it
 * after; a 'w' open makes the destination's missing folders first.
 */
async function withTemp<T>(
  p: SftpProvider,
  temp: string,
  flags: 'w' | 'r+',
  label: string,
  fn: (s: SFTPWrapper, handle: Buffer, tempAbs: string) => Promise<T>,
): Promise<T> {
  const attempt = () =>
    p.run(
      temp,
      async (s, tempAbs) => {
        const handle = await ops.open(s, tempAbs, flags);
        try {
          return await fn(s, handle, tempAbs);
        } finally {
          await ops.closeHandle(s, handle, tempAbs).catch(() => {});
        }
      },
      label,
    );
  try {
    return await attempt();
  } catch (error) {
    // Only the open can fail with NOT_FOUND here: the folder is missing.
    if (codeOf(error) !== 'NOT_FOUND' || flags !== 'w') throw error;
    await p.mkdir(parentOf(temp));
    return attempt();
  }
}

/** Streams `source` into `handle` from `offset`, feeding `hashes`; ends the source on abort. */
function stream(
  s: SFTPWrapper,
  handle: Buffer,
  source: Readable,
  offset: number,
  hashes: HashState,
  signal?: AbortSignal,
  onProgress?: (bytes: number) => void,
): Promise<number> {
  signal?.throwIfAborted();
  // An abort must also end a source that is waiting for data, not only a busy one.
  if (signal) addAbortSignal(signal, source);
  const onChunk = (chunk: Buffer) => {
    updateHashState(hashes, chunk);
    onProgress?.(hashes.bytes);
  };
  return writeFrom(s, handle, source, offset, onChunk, signal);
}

/** A whole write: one open, the bytes, flush, mtime, rename (the fewest round trips). */
export async function writeWhole(p: SftpProvider, path: string, source: Readable, options: WriteOptions) {
  const { onProgress, signal, ...rest } = options;
  const temp = tempPathFor(path);
  const hashes = newHashState();
  try {
    const st = await withTemp(p, temp, 'w', path, async (s, handle, tempAbs) => {
      await stream(s, handle, source, 0, hashes, signal, onProgress);
      return sealTemp(s, handle, tempAbs, rest.mtime);
    });
    await placeTemp(p, await p.abs(temp), path, rest);
    return placedEntry(path, st, digestsOf(hashes));
  } catch (error) {
    await p.run(temp, (s, abs) => ops.unlink(s, abs), path).catch(() => {});
    throw error;
  }
}

export class SftpUploadSession implements UploadSession {
  /** Set when an append failed midway: the temp file may hold bytes past `offset`. */
  private dirty = false;

  private constructor(
    private readonly p: SftpProvider,
    readonly state: UploadState,
    private hashes: HashState,
  ) {}

  private get temp(): string {
    return (this.state.data as { temp: string }).temp;
  }

  static async begin(p: SftpProvider, path: string, options: SessionOptions): Promise<SftpUploadSession> {
    const temp = tempPathFor(path);
    await withTemp(p, temp, 'w', path, async () => {});
    const state: UploadState = { provider: 'sftp', path, offset: 0, data: { temp }, options };
    return new SftpUploadSession(p, state, newHashState());
  }

  static async resume(p: SftpProvider, saved: UploadState): Promise<SftpUploadSession> {
    const path = normalizeWritablePath(saved.path);
    const temp = (saved.data as { temp?: unknown }).temp;
    // The state may come from storage: only ever touch a temp file beside the destination.
    if (typeof temp !== 'string' || parentOf(temp) !== parentOf(path) || !isTempName(baseName(temp))) {
      throw new SyncoxideError('INVALID_INPUT', 'upload state does not name a temporary file beside it', {
        path,
      });
    }
    const session = new SftpUploadSession(p, { ...saved, path, offset: 0, data: { temp } }, newHashState());
    const found = await p.run(
      temp,
      async (s, abs) => {
        const st = await ops.stat(s, abs).catch((error: unknown) => {
          if (codeOf(error) === NO_SUCH_FILE) return null;
          throw error;
        });
        return st && { size: st.size, window: inflightWindow(s) };
      },
      path,
    );
    if (!found) {
      // The temp file is gone (cleaned up, or never made): start again from nothing.
      await withTemp(p, temp, 'w', path, async () => {});
      return session;
    }
    session.state.offset = Math.min(found.size, Math.max(saved.offset, found.size - found.window));
    await session.recover();
    return session;
  }

  /** Cuts the temp file back to `offset` and rebuilds the hashes of what it holds. */
  private async recover(): Promise<void> {
    const offset = this.state.offset;
    this.hashes = await this.p.run(
      this.temp,
      async (s, abs) => {
        await ops.setstat(s, abs, { size: offset });
        const handle = await ops.open(s, abs, 'r');
        const state = newHashState();
        for await (const chunk of readStream(s, handle, 0, offset, this.state.path)) {
          updateHashState(state, chunk as Buffer);
        }
        return state;
      },
      this.state.path,
    );
    if (this.hashes.bytes !== offset) {
      throw new SyncoxideError(
        'CORRUPTED',
        `temporary file holds ${this.hashes.bytes} bytes, expected ${offset}`,
        {
          path: this.state.path,
        },
      );
    }
    this.dirty = false;
  }

  async append(source: Readable, options: { signal?: AbortSignal } = {}): Promise<void> {
    if (this.dirty) await this.recover();
    this.dirty = true;
    this.state.offset = await withTemp(this.p, this.temp, 'r+', this.state.path, (s, handle) =>
      stream(s, handle, source, this.state.offset, this.hashes, options.signal),
    );
    this.dirty = false;
  }

  async commit(): Promise<Entry> {
    if (this.dirty) await this.recover();
    const st = await withTemp(this.p, this.temp, 'r+', this.state.path, (s, handle, tempAbs) =>
      sealTemp(s, handle, tempAbs, this.state.options.mtime),
    );
    const tempAbs = await this.p.abs(this.temp);
    await placeTemp(this.p, tempAbs, this.state.path, this.state.options);
    return placedEntry(this.state.path, st, digestsOf(this.hashes));
  }

  async abort(): Promise<void> {
    await this.p.run(
      this.temp,
      async (s, abs) => {
        await ops.unlink(s, abs).catch((error: unknown) => {
          if (codeOf(error) !== NO_SUCH_FILE) throw error;
        });
      },
      this.state.path,
    );
  }
}
