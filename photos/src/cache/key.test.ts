import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cacheKey, contentTagOf, parseCacheKey } from './key.js';
import { keyPath } from './store.js';

test('keys change with node, content, size and format, and are safe as paths', () => {
  const base = { nodeId: 'n1', contentTag: 'sha1:abc', size: 'thumb', format: 'webp' } as const;
  const keys = new Set([
    cacheKey(base),
    cacheKey({ ...base, nodeId: 'n2' }),
    cacheKey({ ...base, contentTag: 'sha1:abd' }),
    cacheKey({ ...base, size: 'preview' }),
    cacheKey({ ...base, format: 'avif' }),
  ]);
  assert.equal(keys.size, 5);
  assert.equal(cacheKey(base), cacheKey({ ...base }));
  const key = cacheKey(base);
  assert.match(key, /^[0-9a-f]{40}\.webp$/);
  assert.deepEqual(parseCacheKey(key)?.format, 'webp');
  assert.equal(keyPath(key), `${key.slice(0, 2)}/${key.slice(2, 4)}/${key}`);
  for (const evil of ['../../etc/passwd', `${key}/..`, 'x.webp', '']) {
    assert.throws(() => keyPath(evil), { code: 'INVALID_INPUT' });
  }
});

test('content tags prefer hashes over size and mtime', () => {
  assert.equal(contentTagOf({ md5: 'm', sha1: 's', size: 1, mtime: 2 }), 'sha1:s');
  assert.equal(contentTagOf({ md5: 'm', sha1: null, size: 1, mtime: 2 }), 'md5:m');
  assert.equal(contentTagOf({ md5: null, sha1: null, size: 1, mtime: 2 }), 'stat:1:2');
});
