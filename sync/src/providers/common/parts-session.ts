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
  /** Folder for the temporary objects of a write to `dest` (beside it, unless the store says). */
  tempFolder(dest: string): Promise<string>;
  /** Stores a stream as the object at `path`, creating parent folders; `mtime` where it can. */
  putObject(path: string, source: Readable, signal?: AbortSignal, mtime?: number): Promise<void>;
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

/** Persisted in UploadState.data: paths are derived from these, never read from the state. */
interface PartsData {
  id: string;
  dir: string;
  /** Sizes of the parts stored whole, in order. */
  sizes: number[];
}

const partPath = (d: PartsData, index: number) => joinPath(d.dir, `.syncoxide-${d.id}-${index}.partial`);
const finalTemp = (d: PartsData) => joinPath(d.dir, `.syncoxide-${d.id}.partial`);

export class PartsUploadSession implements UploadSession {
  private constructor(
    private readonly store: PartStore,
    readonly state: UploadState,
    /** Hashes of everything appended, when this process saw all of it. */
    private hashes: HashState | null,
  ) {}

  private get data(): PartsData {
    return this.state.data as unknown as PartsData;
  }

  private setData(data: PartsData): void {
    this.state.data = { ...data, sizes: [...data.sizes] };
  }

  static async begin(store: PartStore, path: string, options: SessionOptions): Promise<PartsUploadSession> {
    const data: PartsData = {
      id: randomBytes(8).toString('hex'),
      dir: await store.tempFolder(path),
      sizes: [],
    };
    const state: UploadState = { provider: store.type, path, offset: 0, data: { ...data }, options };
    return new PartsUploadSession(store, state, newHashState());
  }

  /** Keeps the parts that are stored whole; a part cut short by a crash is dropped and removed. */
  static async resume(store: PartStore, state: UploadState): Promise<PartsUploadSession> {
    const data = state.data as Partial<PartsData>;
    // The state may come from storage: it only ever names temporary objects this session made.
    const dirOk = data.dir === parentOf(state.path) || data.dir === (await store.tempFolder(state.path));
    const sizesOk = Array.isArray(data.sizes) && data.sizes.every((n) => Number.isInteger(n) && n >= 0);
    if (typeof data.id !== 'string' || !/^[0-9a-f]{16}$/.test(data.id) || !dirOk || !sizesOk) {
      throw new SyncoxideError('INVALID_INPUT', 'upload state is not a parts session of this path', {
        path: state.path,
      });
    }
    const saved = data as PartsData;
    const kept: number[] = [];
    for (const [index, size] of saved.sizes.entries()) {
      if ((await store.objectSize(partPath(saved, index))) !== size) break;
      kept.push(size);
    }
    for (let index = kept.length; index <= saved.sizes.length; index++) {
      await store.removeObject(partPath(saved, index));
    }
    const offset = kept.reduce((sum, n) => sum + n, 0);
    const next: UploadState = { ...state, offset, data: { ...saved, sizes: kept } };
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
    const data = this.data;
    const path = partPath(data, data.sizes.length);
    const start = this.hashes?.bytes ?? 0;
    const hashing = new HashingStream({
      ...(this.hashes ? { resumeFrom: this.hashes } : {}),
      ...(onProgress ? { onProgress: (bytes: number) => onProgress(bytes - start) } : {}),
    });
    const body = new PassThrough();
    const feeding = signal ? pipeline(source, hashing, body, { signal }) : pipeline(source, hashing, body);
    try {
      await Promise.all([this.store.putObject(path, body, signal, this.state.options.mtime), feeding]);
    } catch (error) {
      body.destroy();
      await this.store.removeObject(path).catch(() => {});
      throw relabel(error, this.state.path);
    }
    if (this.hashes) this.hashes = hashing.state();
    const size = hashing.bytes - start;
    this.state.offset += size;
    this.setData({ ...data, sizes: [...data.sizes, size] });
  }

  async commit(): Promise<Entry> {
    const data = this.data;
    const dest = this.state.path;
    try {
      let temp: string;
      let hashes: Required<Hashes>;
      if (data.sizes.length === 0) {
        temp = finalTemp(data);
        await this.store.putObject(temp, new PassThrough().end(), undefined, this.state.options.mtime);
        hashes = digestsOf(newHashState());
      } else if (data.sizes.length === 1) {
        temp = partPath(data, 0);
        hashes = digestsOf(this.hashes ?? (await hashReadable(await this.store.readObject(temp))));
      } else {
        temp = finalTemp(data);
        hashes = await this.join(temp, data);
      }
      const entry = await this.store.finish(temp, dest, this.state.options, hashes, this.state.offset);
      // Joined parts are removed only now: a failed finish can be retried with them.
      if (data.sizes.length > 1) {
        for (let index = 0; index < data.sizes.length; index++)
          await this.store.removeObject(partPath(data, index));
      }
      return entry;
    } catch (error) {
      // A refused precondition leaves the destination as it was; the parts go, the error stays.
      if (isSyncoxideError(error, 'PRECONDITION_FAILED')) await this.abort();
      throw relabel(error, dest);
    }
  }

  /** Streams every part, in order, into one temporary object, hashing on the way. */
  private async join(temp: string, data: PartsData): Promise<Required<Hashes>> {
    const store = this.store;
    async function* concatenated(): AsyncGenerator<Buffer> {
      for (let index = 0; index < data.sizes.length; index++) {
        for await (const chunk of await store.readObject(partPath(data, index))) yield chunk as Buffer;
      }
    }
    const hashing = new HashingStream();
    const body = new PassThrough();
    await Promise.all([
      store.putObject(temp, body, undefined, this.state.options.mtime),
      pipeline(concatenated(), hashing, body),
    ]);
    if (hashing.bytes !== this.state.offset) {
      await store.removeObject(temp);
      throw new SyncoxideError(
        'CORRUPTED',
        `joined parts hold ${hashing.bytes} bytes, expected ${this.state.offset}`,
        {
          path: this.state.path,
        },
      );
    }
    for (let index = 0; index < data.sizes.length; index++) await store.removeObject(partPath(data, index));
    this.setData({ ...data, sizes: [] });
    return digestsOf(hashing.state());
  }

  async abort(): Promise<void> {
    const data = this.data;
    for (let index = 0; index <= data.sizes.length; index++)
      await this.store.removeObject(partPath(data, index));
    await this.store.removeObject(finalTemp(data));
    this.setData({ ...data, sizes: [] });
    this.state.offset = 0;
  }
}
