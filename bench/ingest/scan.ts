// The scan stage: a streaming listing of the tree with MD5 and SHA1 computed from each file's
// bytes (one read for both), a few files at a time, entries yielded in listing order. Lists
// with the sync package's local provider when @syncoxide/sync exports createProvider, else
// with a minimal walk of the same shape (dev:ino as provider id, like the local provider).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, opendir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProviderEntry } from '@syncoxide/graph';

type Lister = (root: string) => AsyncIterable<ProviderEntry>;

/** Small files are read in one call (a stream costs more than the bytes); big ones streamed. */
const WHOLE_READ_MAX = 1024 * 1024;

async function hashFile(abs: string, size: number): Promise<{ md5: string; sha1: string }> {
  const md5 = createHash('md5');
  const sha1 = createHash('sha1');
  if (size <= WHOLE_READ_MAX) {
    const bytes = await readFile(abs);
    return { md5: md5.update(bytes).digest('hex'), sha1: sha1.update(bytes).digest('hex') };
  }
  for await (const chunk of createReadStream(abs, { highWaterMark: 256 * 1024 })) {
    md5.update(chunk as Buffer);
    sha1.update(chunk as Buffer);
  }
  return { md5: md5.digest('hex'), sha1: sha1.digest('hex') };
}

async function* walk(root: string): AsyncGenerator<ProviderEntry> {
  const pending = [''];
  while (pending.length > 0) {
    const rel = pending.pop()!;
    for await (const d of await opendir(rel ? join(root, rel) : root, { bufferSize: 256 })) {
      if (!d.isFile() && !d.isDirectory()) continue;
      const path = rel ? `${rel}/${d.name}` : d.name;
      const st = await lstat(join(root, path), { bigint: true });
      const folder = d.isDirectory();
      yield {
        path,
        kind: folder ? 'folder' : 'file',
        size: folder ? 0 : Number(st.size),
        mtime: Number(st.mtimeMs),
        hashes: {},
        providerId: `${st.dev}:${st.ino}`,
        etag: folder ? null : `${st.size}-${st.mtimeNs}`,
      };
      if (folder) pending.push(path);
    }
  }
}

export async function lister(): Promise<{ name: string; list: Lister }> {
  const sync = (await import('@syncoxide/sync')) as Record<string, unknown>;
  const create = sync.createProvider as
    | ((config: unknown) => Promise<{
        list(p: string, o: { recursive: boolean }): AsyncIterable<ProviderEntry>;
        close(): Promise<void>;
      }>)
    | undefined;
  if (typeof create !== 'function') return { name: 'minimal fs walk', list: walk };
  return {
    name: 'sync local provider',
    list: async function* (root: string) {
      const provider = await create({ type: 'local', root });
      try {
        yield* provider.list('', { recursive: true });
      } finally {
        await provider.close();
      }
    },
  };
}

/** Every entry of the tree, files hashed; `concurrency` files are read at once. */
export async function* scan(root: string, list: Lister, concurrency = 16): AsyncGenerator<ProviderEntry> {
  const pending: Array<Promise<ProviderEntry>> = [];
  for await (const entry of list(root)) {
    if (entry.path.startsWith('.syncoxide-bench')) continue;
    pending.push(
      entry.kind === 'file'
        ? hashFile(join(root, ...entry.path.split('/')), entry.size).then((hashes) => ({ ...entry, hashes }))
        : Promise.resolve(entry),
    );
    if (pending.length >= concurrency) yield await pending.shift()!;
  }
  while (pending.length > 0) yield await pending.shift()!;
}
