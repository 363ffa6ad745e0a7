// MD5 and SHA1 whose running state can be saved as JSON and loaded in another process, so a
// resumed upload still knows the hashes of the bytes a dead process sent (and can verify them
// before the content becomes visible). Node's own hashes cannot be exported; hash-wasm's can.
import { SyncoxideError } from '@syncoxide/core';
import { createMD5, createSHA1, type IHasher } from 'hash-wasm';
import type { Hashes } from '../types.js';

export interface SavedHashes {
  /** Format tag: states are only loadable by a compatible hash-wasm build. */
  v: 'hash-wasm-1';
  bytes: number;
  md5: string;
  sha1: string;
}

export class ResumableHashes {
  private constructor(
    private readonly md5: IHasher,
    private readonly sha1: IHasher,
    public bytes: number,
  ) {}

  static async create(saved?: SavedHashes): Promise<ResumableHashes> {
    const [md5, sha1] = await Promise.all([createMD5(), createSHA1()]);
    md5.init();
    sha1.init();
    const hashes = new ResumableHashes(md5, sha1, 0);
    if (saved) hashes.load(saved);
    return hashes;
  }

  load(saved: SavedHashes): void {
    if (saved?.v !== 'hash-wasm-1') throw new SyncoxideError('INVALID_INPUT', 'unknown saved hash state');
    try {
      this.md5.load(Buffer.from(saved.md5, 'base64'));
      this.sha1.load(Buffer.from(saved.sha1, 'base64'));
    } catch (cause) {
      throw new SyncoxideError('INVALID_INPUT', 'saved hash state cannot be loaded', { cause });
    }
    this.bytes = saved.bytes;
  }

  update(chunk: Uint8Array): void {
    this.md5.update(chunk);
    this.sha1.update(chunk);
    this.bytes += chunk.length;
  }

  save(): SavedHashes {
    return {
      v: 'hash-wasm-1',
      bytes: this.bytes,
      md5: Buffer.from(this.md5.save()).toString('base64'),
      sha1: Buffer.from(this.sha1.save()).toString('base64'),
    };
  }

  /** Hex digests so far; the state stays usable for more updates. */
  digests(): Required<Hashes> {
    const saved = this.save();
    const out = { md5: this.md5.digest('hex'), sha1: this.sha1.digest('hex') };
    this.load(saved);
    return out;
  }
}
