// What only the S3 provider has: presigned URLs, the polling change feed, credential errors,
// and where its metadata lives.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { isSyncoxideError } from '@syncoxide/core';
import { createProvider } from '../src/providers/registry.js';
import { createS3Provider, type S3Provider } from '../src/providers/s3/index.js';
import type { Change } from '../src/providers/types.js';
import { s3Config } from './s3-fixture.js';

let config: Awaited<ReturnType<typeof s3Config>>;
let p: S3Provider;
const text = (s: string) => Readable.from([Buffer.from(s)]);

before(async () => {
  config = await s3Config();
  p = createS3Provider(config);
});

after(async () => {
  await p.close();
});

test('a presigned GET URL serves the file to plain fetch, ranges included', async () => {
  await p.write('shared/photo.txt', text('presigned content'));
  const url = await p.presignedUrl('shared/photo.txt', { expiresInSeconds: 60 });
  const whole = await fetch(url);
  assert.equal(whole.status, 200);
  assert.equal(await whole.text(), 'presigned content');
  const part = await fetch(url, { headers: { Range: 'bytes=10-16' } });
  assert.equal(part.status, 206);
  assert.equal(await part.text(), 'content');
  const tampered = await fetch(url.replace('photo.txt', 'other.txt'));
  assert.equal(tampered.status, 403);
});

test('a presigned PUT URL stores what is sent', async () => {
  const url = await p.presignedUrl('shared/upload.txt', { expiresInSeconds: 60, method: 'PUT' });
  const res = await fetch(url, { method: 'PUT', body: 'uploaded by a browser' });
  assert.equal(res.status, 200);
  assert.equal((await p.stat('shared/upload.txt'))?.size, 21);
});

test('mtime and hashes live in rclone-compatible object metadata', async () => {
  const entry = await p.write('meta/m.txt', text('metadata'), { mtime: Date.UTC(2022, 1, 3, 4, 5, 6, 789) });
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: true,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
  });
  const head = await client.send(
    new HeadObjectCommand({ Bucket: config.bucket, Key: 'remote-root/meta/m.txt' }),
  );
  client.destroy();
  assert.equal(head.Metadata?.mtime, '1643861106.789');
  assert.equal(Buffer.from(head.Metadata?.md5chksum ?? '', 'base64').toString('hex'), entry.hashes.md5);
  assert.equal(head.Metadata?.sha1, entry.hashes.sha1);
});

test('wrong credentials are UNAUTHENTICATED, a missing bucket NOT_FOUND', async () => {
  const bad = await createProvider({ ...config, secretAccessKey: 'wrong-secret' });
  await assert.rejects(bad.read('x.txt'), (e: unknown) => isSyncoxideError(e, 'UNAUTHENTICATED'));
  await bad.close();
  const nobucket = await createProvider({ ...config, bucket: 'no-such-bucket-here' });
  await assert.rejects(nobucket.write('x.txt', text('x')), (e: unknown) => isSyncoxideError(e, 'NOT_FOUND'));
  await nobucket.close();
});

test('the polling feed reports upserts and deletes with a cursor', async () => {
  await p.write('feed/old.txt', text('old'));
  const controller = new AbortController();
  // A cursor this process never issued: the feed re-reports everything, then diffs.
  const feed = p.changes({
    cursor: 'poll1:from-another-process',
    signal: controller.signal,
    pollIntervalMs: 200,
  });
  const it = feed[Symbol.asyncIterator]();
  const baseline = await it.next();
  assert.ok(baseline.value?.changes.some((c: Change) => c.path === 'feed/old.txt' && c.type === 'upsert'));
  const seen: Change[] = [];
  const until = async (pred: (c: Change) => boolean) => {
    for (let i = 0; i < 50 && !seen.some(pred); i++) {
      const next = await it.next();
      assert.ok(next.value?.cursor.startsWith('poll1:'));
      seen.push(...(next.value?.changes ?? []));
    }
    assert.ok(seen.some(pred), JSON.stringify(seen.map((c) => [c.type, c.path])));
  };
  await p.write('feed/new.txt', text('new'));
  await until((c) => c.type === 'upsert' && c.path === 'feed/new.txt');
  await p.delete('feed/old.txt');
  await until((c) => c.type === 'delete' && c.path === 'feed/old.txt');
  controller.abort();
  await it.return?.();
});

test('a folder held only by its "dir/" marker can be deleted and moved', async () => {
  await p.mkdir('markers/empty');
  await p.mkdir('markers/moving');
  assert.equal((await p.stat('markers/empty'))?.kind, 'folder');
  await p.delete('markers/empty');
  assert.equal(await p.stat('markers/empty'), null, 'the marker is gone');
  await assert.rejects(p.delete('markers/empty'), (e) => isSyncoxideError(e, 'NOT_FOUND'));
  await p.move('markers/moving', 'markers/moved');
  assert.equal(await p.stat('markers/moving'), null);
  assert.equal((await p.stat('markers/moved'))?.kind, 'folder', 'an empty folder survives a move');
});
