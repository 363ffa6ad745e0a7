// Resumable writes for providers that can only store whole objects (WebDAV, rclone remotes):
// each `append` stores its bytes as one temporary part object; `commit` joins the parts. What a
// crash can lose is the append in flight, never a finished one. Joining more than one part is
// not a standard server operation, so it streams the parts back through this process into one
// temporary object (costing one extra download and upload of the content) before the move.
import { randomBytes } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isSyncoxideError, SyncoxideError } from '@syncoxide/core';
import type { Entry, Hashes, UploadSession, UploadState, WriteOptions } from '../types.js';
import { digestsOf, HashingStream, type HashState, hashReadable, newHashState } from './hashing.js';
import { joinPath, parentOf } from './paths.js';
import { relabel } from './relabel.js';

export type SessionOptions = Omit<WriteOptions, 'onProgress' | 'signal'>;

/** The few whole-object operations a parts session needs from its provider. */
export interface PartStore {
  readonly type: string;
  /** Stores a stream as the object at `path`, creating parent folders. */
  putObject(path: string, source: Readable, signal?: AbortSignal): Promise<void>;
  /** Size of the object at `path`, or null when there is none. */
  objectSize(path: string): Promise<number | null>;
  readObject(path: string): Promise<Readable>;
  /** Deletes the object; missing is fine. */
  removeObject(path: string): Promise<void>;
  /** Makes the finished temporary object the destination (expect, mtime), returning its entry. */
  finish(
    temp: string,
    path: string,
    options: SessionOptions,
    hashes: Required<Hashes>,
    size: number,
  ): Promise<Entry>;
}

interface Part {
  path: string;
  size: number;
}

interface PartsData {
  id: string;
  parts: Part[];
}

function partPath(dest: string, id: string, index: number): string {
  return joinPath(parentOf(dest), `.syncoxide-${id}-${index}.partial`);
}

function finalTemp(dest: string, id: string): string {
  return joinPath(parentOf(dest), `.syncoxide-${id}.partial`);
}

export class PartsUploadSession implements UploadSession {
  /** Hashes of everything appended, when this process saw all of it. */
  private hashes: HashState | null;

  private constructor(
    private readonly store: PartStore,
    readonly state: UploadState,
    hashes: HashState | null,
  ) {
    this.hashes = hashes;
  }

  private get data(): PartsData {
    return this.state.data as unknown as PartsData;
  }

  static begin(store: PartStore, path: string, options: SessionOptions): PartsUploadSession {
    const data: PartsData = { id: randomBytes(8).toString('hex'), parts: [] };
    const state: UploadState = { provider: store.type, path, offset: 0, data: { ...data }, options };
    return new PartsUploadSession(store, state, newHashState());
  }

  /** Keeps the parts that are stored whole; a part cut short by a crash is dropped and removed. */
  static async resume(store: PartStore, state: UploadState): Promise<PartsUploadSession> {
    const data = state.data as Partial<PartsData>;
    if (typeof data.id !== 'string' || !Array.isArray(data.parts)) {
      throw new SyncoxideError('INVALID_INPUT', 'upload state is not a parts session', { path: state.path });
    }
    const kept: Part[] = [];
    for (const part of data.parts) {
      if ((await store.objectSize(part.path)) !== part.size) break;
      kept.push(part);
    }
    for (const dropped of data.parts.slice(kept.length)) await store.removeObject(dropped.path);
    await store.removeObject(partPath(state.path, data.id, kept.length));
    const offset = kept.reduce((sum, p) => sum + p.size, 0);
    const next: UploadState = { ...state, offset, data: { id: data.id, parts: kept } };
    return new PartsUploadSession(store, next, null);
  }

  append(source: Readable, options: { signal?: AbortSignal } = {}): Promise<void> {
    return this.appendWith(source, options.signal);
  }

  async appendWith(
    source: Readable,
    signal?: AbortSignal,
    onProgress?: (bytes: number) => void,
  ): Promise<void> {
    const { id, parts } = this.data;
    const path = partPath(this.state.path, id, parts.length);
    const start = this.hashes?.bytes ?? 0;
    const hashing = new HashingStream({
      ...(this.hashes ? { resumeFrom: this.hashes } : {}),
      ...(onProgress ? { onProgress: (bytes: number) => onProgress(bytes - start) } : {}),
    });
    const body = new PassThrough();
    const feeding = signal ? pipeline(source, hashing, body, { signal }) : pipeline(source, hashing, body);
    try {
      await Promise.all([this.store.putObject(path, body, signal), feeding]);
    } catch (error) {
      body.destroy();
      await this.store.removeObject(path).catch(() => {});
      throw relabel(error, this.state.path);
    }
    if (this.hashes) this.hashes = hashing.state();
    const size = hashing.bytes - start;
    parts.push({ path, size });
    this.state.offset += size;
    this.state.data = { id, parts: [...parts] };
  }

  async commit(): Promise<Entry> {
    const { id, parts } = this.data;
    const dest = this.state.path;
    let temp: string;
    let hashes: Required<Hashes>;
    if (parts.length === 1 && this.hashes) {
      temp = parts[0]!.path;
      hashes = digestsOf(this.hashes);
    } else if (parts.length === 1) {
      temp = parts[0]!.path;
      hashes = digestsOf(await hashReadable(await this.store.readObject(temp)));
    } else {
      temp = finalTemp(dest, id);
      hashes = await this.join(temp, parts);
    }
    try {
      return await this.store.finish(temp, dest, this.state.options, hashes, this.state.offset);
    } catch (error) {
      // A refused precondition leaves the destination as it was; the parts go, the error stays.
      if (isSyncoxideError(error, 'PRECONDITION_FAILED')) await this.abort();
      throw relabel(error, dest);
    }
  }

  /** Streams every part, in order, into one temporary object, hashing on the way. */
  private async join(temp: string, parts: Part[]): Promise<Required<Hashes>> {
    const store = this.store;
    async function* concatenated(): AsyncGenerator<Buffer> {
      for (const part of parts) {
        for await (const chunk of await store.readObject(part.path)) yield chunk as Buffer;
      }
    }
    const hashing = new HashingStream();
    const body = new PassThrough();
    await Promise.all([store.putObject(temp, body), pipeline(concatenated(), hashing, body)]);
    const expected = parts.reduce((sum, p) => sum + p.size, 0);
    if (hashing.bytes !== expected) {
      await store.removeObject(temp);
      throw new SyncoxideError(
        'CORRUPTED',
        `joined parts hold ${hashing.bytes} bytes, expected ${expected}`,
        {
          path: this.state.path,
        },
      );
    }
    for (const part of parts) await store.removeObject(part.path);
    return digestsOf(hashing.state());
  }

  async abort(): Promise<void> {
    const { id, parts } = this.data;
    for (const part of parts) await this.store.removeObject(part.path);
    await this.store.removeObject(partPath(this.state.path, id, parts.length));
    await this.store.removeObject(finalTemp(this.state.path, id));
    this.state.data = { id, parts: [] };
    this.state.offset = 0;
  }
}
