// Renditions on any Provider: an S3-compatible bucket in production, or any other remote. The
// provider's atomic write gives the whole-or-nothing guarantee; its error codes pass through.
import { Readable } from 'node:stream';
import { isSyncoxideError } from '@syncoxide/core';
import type { Provider } from '@syncoxide/sync';
import { keyPath, mimeOfKey, type RenditionStore, type StoredRendition } from './store.js';

export class ProviderStore implements RenditionStore {
  /** `prefix`: folder inside the provider's root that holds the cache ('' for the root). */
  constructor(
    readonly provider: Provider,
    readonly prefix = 'renditions',
  ) {}

  private pathOf(key: string): string {
    return this.prefix ? `${this.prefix.replace(/\/+$/, '')}/${keyPath(key)}` : keyPath(key);
  }

  async get(key: string): Promise<StoredRendition | null> {
    const path = this.pathOf(key);
    const entry = await this.provider.stat(path);
    if (entry?.kind !== 'file') return null;
    try {
      return { stream: await this.provider.read(path), bytes: entry.size, mime: mimeOfKey(key) };
    } catch (err) {
      // Deleted between stat and read (a cleanup racing us): a miss, not a failure.
      if (isSyncoxideError(err, 'NOT_FOUND')) return null;
      throw err;
    }
  }

  async has(key: string): Promise<boolean> {
    return (await this.provider.stat(this.pathOf(key)))?.kind === 'file';
  }

  async put(key: string, data: Buffer): Promise<void> {
    const path = this.pathOf(key);
    const write = () =>
      this.provider.write(path, Readable.from([data]), { size: data.length, mime: mimeOfKey(key) });
    try {
      await write();
    } catch (err) {
      // Providers with real folders may want the parent made first.
      if (!isSyncoxideError(err, 'NOT_FOUND')) throw err;
      await this.provider.mkdir(path.slice(0, path.lastIndexOf('/')));
      await write();
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.provider.delete(this.pathOf(key));
    } catch (err) {
      if (!isSyncoxideError(err, 'NOT_FOUND')) throw err;
    }
  }
}
