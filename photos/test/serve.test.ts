// The thumbnail handler over real HTTP on loopback: bytes with immutable caching, 304 on a
// matching ETag, format negotiation, HEAD, 404 and coded errors without internals.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { SyncoxideError } from '@syncoxide/core';
import {
  cacheKey,
  FolderStore,
  type RenditionStore,
  type ServeOptions,
  serveThumbnail,
} from '../src/index.js';

let dir: string;
let server: Server;
let base: string;
let options: Partial<ServeOptions> = {};
const store = () => new FolderStore(dir);
const id = { nodeId: 'node-1', contentTag: 'sha1:abc', size: 'thumb' } as const;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'syncoxide-photos-serve-'));
  await store().put(cacheKey({ ...id, format: 'webp' }), Buffer.from('webp bytes'));
  await store().put(cacheKey({ ...id, format: 'avif' }), Buffer.from('avif bytes!'));
  server = createServer((req, res) => {
    void serveThumbnail(req, res, { store: store(), ...id, ...options });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/thumb`;
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

test('200 with immutable caching; AVIF only for clients that accept it', async () => {
  options = {};
  const webp = await fetch(base, { headers: { accept: 'image/webp,*/*' } });
  assert.equal(webp.status, 200);
  assert.equal(webp.headers.get('content-type'), 'image/webp');
  assert.equal(webp.headers.get('cache-control'), 'private, max-age=31536000, immutable');
  assert.equal(webp.headers.get('vary'), 'Accept');
  assert.equal(webp.headers.get('etag'), `"${cacheKey({ ...id, format: 'webp' }).slice(0, 40)}"`);
  assert.equal(await webp.text(), 'webp bytes');
  const avif = await fetch(base, { headers: { accept: 'image/avif,image/webp,*/*' } });
  assert.equal(avif.headers.get('content-type'), 'image/avif');
  assert.equal(avif.headers.get('content-length'), '11');
  assert.equal(await avif.text(), 'avif bytes!');
});

test('304 on a matching If-None-Match, without reading the store', async () => {
  options = {
    format: 'webp',
    store: { get: () => assert.fail('store read on a 304') } as unknown as RenditionStore,
  };
  const etag = `"${cacheKey({ ...id, format: 'webp' }).slice(0, 40)}"`;
  const res = await fetch(base, { headers: { 'if-none-match': `"other", W/${etag}` } });
  assert.equal(res.status, 304);
  assert.equal(res.headers.get('etag'), etag);
  assert.equal(res.headers.get('vary'), null);
});

test('HEAD, 404, 405, regeneration on a miss, and coded errors', async () => {
  options = { format: 'webp' };
  const head = await fetch(base, { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('content-length'), '10');
  assert.equal(await head.text(), '');

  options = { size: 'large', format: 'webp' };
  const missing = await fetch(base);
  assert.equal(missing.status, 404);
  assert.deepEqual(await missing.json(), {
    error: { code: 'NOT_FOUND', message: 'no such rendition (yet)' },
  });

  options = {
    size: 'large',
    format: 'webp',
    regenerate: async (key) => {
      await store().put(key, Buffer.from('made on demand'));
      return true;
    },
  };
  assert.equal(await (await fetch(base)).text(), 'made on demand');

  assert.equal((await fetch(base, { method: 'POST' })).status, 405);

  options = {
    store: {
      get: async () => Promise.reject(new SyncoxideError('UNAVAILABLE', 'bucket down')),
    } as unknown as RenditionStore,
  };
  const down = await fetch(base);
  assert.equal(down.status, 503);
  assert.equal(((await down.json()) as { error: { code: string } }).error.code, 'UNAVAILABLE');
  options = {
    store: {
      get: async () => Promise.reject(new Error('secret /internal/path')),
    } as unknown as RenditionStore,
  };
  const broken = await fetch(base);
  assert.equal(broken.status, 500);
  assert.doesNotMatch(await broken.text(), /internal\/path/);
});
