// Both rendition stores keep the same contract: whole renditions or none, misses are null,
// deletes are idempotent, keys cannot escape the store's folder.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { after, describe, test } from 'node:test';
import { cacheKey, FolderStore, ProviderStore, type RenditionStore } from '../src/index.js';
import { tempRemote, tempS3Remote } from './helpers/provider.js';

const key = (n: number, format: 'webp' | 'avif' = 'webp') =>
  cacheKey({ nodeId: `node-${n}`, contentTag: 'sha1:abc', size: 'thumb', format });

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

function contract(
  name: string,
  make: () => Promise<{ store: RenditionStore; dir: string; cleanup(): Promise<void> }>,
) {
  describe(name, () => {
    const cleanups: (() => Promise<void>)[] = [];
    after(() => Promise.all(cleanups.map((c) => c())));

    test('put, get, has, delete', async () => {
      const { store, dir, cleanup } = await make();
      cleanups.push(cleanup);
      const data = Buffer.from('RIFF....WEBPVP8 fake rendition bytes');
      assert.equal(await store.get(key(1)), null);
      assert.equal(await store.has(key(1)), false);
      await store.put(key(1), data);
      await store.put(key(2, 'avif'), Buffer.from('avif'));
      assert.equal(await store.has(key(1)), true);
      const got = await store.get(key(1));
      assert.ok(got);
      assert.equal(got.bytes, data.length);
      assert.equal(got.mime, 'image/webp');
      assert.deepEqual(await buffer(got.stream), data);
      assert.equal((await store.get(key(2, 'avif')))?.mime, 'image/avif');
      // Overwrite replaces whole; no temp files are left behind.
      await store.put(key(1), Buffer.from('second'));
      assert.deepEqual(await buffer((await store.get(key(1)))!.stream), Buffer.from('second'));
      assert.deepEqual((await listFiles(dir)).sort(), [key(1), key(2, 'avif')].sort());
      await store.delete(key(1));
      await store.delete(key(1));
      assert.equal(await store.get(key(1)), null);
    });

    test('keys that are not cache keys are refused', async () => {
      const { store, cleanup } = await make();
      cleanups.push(cleanup);
      await assert.rejects(store.put('../../escape.webp', Buffer.from('x')), { code: 'INVALID_INPUT' });
      await assert.rejects(store.get('a/b.webp'), { code: 'INVALID_INPUT' });
    });
  });
}

contract('FolderStore', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'syncoxide-photos-cache-'));
  return { store: new FolderStore(dir), dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
});

contract('ProviderStore on the local provider', async () => {
  const remote = await tempRemote('cache');
  return {
    store: new ProviderStore(remote.provider, 'cache/renditions'),
    dir: remote.root,
    cleanup: remote.cleanup,
  };
});

contract('ProviderStore on S3 (S3Proxy)', async () => {
  const remote = await tempS3Remote();
  return { store: new ProviderStore(remote.provider), dir: remote.root, cleanup: remote.cleanup };
});
