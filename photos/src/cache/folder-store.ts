// Renditions in a folder on this machine (one node, or a shared volume). Written to a temp
// name and renamed, so a crash leaves a stray temp file, never a half rendition.
import { randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SyncoxideError } from '@syncoxide/core';
import { keyPath, mimeOfKey, type RenditionStore, type StoredRendition } from './store.js';

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

export class FolderStore implements RenditionStore {
  constructor(readonly root: string) {}

  async get(key: string): Promise<StoredRendition | null> {
    const path = join(this.root, keyPath(key));
    let handle: FileHandle;
    try {
      handle = await open(path, 'r');
    } catch (err) {
      if (isMissing(err)) return null;
      throw storeError(err, key);
    }
    try {
      // Stat the open handle: the size belongs to the bytes we will stream, even if replaced meanwhile.
      const { size } = await handle.stat();
      return { stream: handle.createReadStream(), bytes: size, mime: mimeOfKey(key) };
    } catch (err) {
      await handle.close();
      throw storeError(err, key);
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      await stat(join(this.root, keyPath(key)));
      return true;
    } catch (err) {
      if (isMissing(err)) return false;
      throw storeError(err, key);
    }
  }

  async put(key: string, data: Buffer): Promise<void> {
    const path = join(this.root, keyPath(key));
    const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(dirname(path), { recursive: true });
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(data);
        // No fsync: a rendition lost in a power cut is regenerated, and fsync would cost each one.
      } finally {
        await handle.close();
      }
      await rename(temp, path);
    } catch (err) {
      await rm(temp, { force: true });
      throw storeError(err, key);
    }
  }

  async delete(key: string): Promise<void> {
    await rm(join(this.root, keyPath(key)), { force: true });
  }
}

function storeError(err: unknown, key: string): SyncoxideError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new SyncoxideError('QUOTA_EXCEEDED', 'rendition cache is full', { path: key, cause: err });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new SyncoxideError('PERMISSION_DENIED', 'rendition cache is not writable', {
      path: key,
      cause: err,
    });
  }
  return new SyncoxideError('UNAVAILABLE', 'rendition cache failed', { path: key, cause: err });
}
