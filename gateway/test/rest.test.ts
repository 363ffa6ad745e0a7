// Bytes over REST: downloads with Range/ETag and tus uploads streamed into the provider,
// authorized by the session; bad names and malformed uploads refused with 4xx, nothing
// written outside the target folder.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { all, connectLocal } from './fixtures.js';
import { type Client, startTestGateway, type TestGateway } from './harness.js';

let gw: TestGateway;
let alice: Client;
let remote: { remoteId: string; root: string };
let alphabetUrl: string;

const b64 = (s: string) => Buffer.from(s).toString('base64');

export function tusCreate(
  c: Client,
  meta: Record<string, string>,
  length: number,
  headers: Record<string, string> = {},
) {
  return c.fetch('/files/uploads', {
    method: 'POST',
    headers: {
      'tus-resumable': '1.0.0',
      'upload-length': String(length),
      'upload-metadata': Object.entries(meta)
        .map(([k, v]) => `${k} ${b64(v)}`)
        .join(','),
      ...headers,
    },
  });
}

export function tusPatch(c: Client, location: string, offset: number, body: Buffer) {
  return c.fetch(location, {
    method: 'PATCH',
    headers: {
      'tus-resumable': '1.0.0',
      'upload-offset': String(offset),
      'content-type': 'application/offset+octet-stream',
    },
    body: new Uint8Array(body),
  });
}

before(async () => {
  gw = await startTestGateway();
  alice = await gw.user('alice');
  remote = await connectLocal(gw, alice);
  const root = await all(alice, 'myDrive', '', 50);
  const file = await alice.ok<{ file: { contentUrl: string } }>(
    'query($id: ID!) { file(id: $id) { contentUrl } }',
    {
      id: root.find((i) => i.name === 'alphabet.txt')!.id,
    },
  );
  alphabetUrl = file.file.contentUrl;
});
after(() => gw.close());

describe('download', () => {
  test('whole file with ETag; If-None-Match gives 304', async () => {
    const res = await alice.fetch(alphabetUrl);
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'abcdefghijklmnopqrstuvwxyz');
    assert.equal(res.headers.get('accept-ranges'), 'bytes');
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment/);
    const etag = res.headers.get('etag')!;
    assert.ok(etag);
    const again = await alice.fetch(alphabetUrl, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
  });

  test('ranges: 206 with Content-Range, suffix, open end, 416 beyond the end, If-Range', async () => {
    const part = await alice.fetch(alphabetUrl, { headers: { range: 'bytes=2-5' } });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-range'), 'bytes 2-5/26');
    assert.equal(await part.text(), 'cdef');
    const suffix = await alice.fetch(alphabetUrl, { headers: { range: 'bytes=-3' } });
    assert.equal(await suffix.text(), 'xyz');
    const open = await alice.fetch(alphabetUrl, { headers: { range: 'bytes=24-' } });
    assert.equal(await open.text(), 'yz');
    const beyond = await alice.fetch(alphabetUrl, { headers: { range: 'bytes=100-200' } });
    assert.equal(beyond.status, 416);
    assert.equal(beyond.headers.get('content-range'), 'bytes */26');
    await beyond.body?.cancel();
    const stale = await alice.fetch(alphabetUrl, { headers: { range: 'bytes=0-1', 'if-range': '"old"' } });
    assert.equal(stale.status, 200, 'If-Range with another tag: the whole file');
    await stale.body?.cancel();
  });

  test('anonymous is 401; unknown and malformed ids are 404 with the same body', async () => {
    const anon = await fetch(`${gw.base}${alphabetUrl}`);
    assert.equal(anon.status, 401);
    const missing = await alice.fetch(`/files/${b64('File:00000000-0000-4000-8000-000000000000')}/content`);
    const malformed = await alice.fetch('/files/%2E%2E%2Fetc%2Fpasswd/content');
    assert.equal(missing.status, 404);
    assert.equal(malformed.status, 404);
    assert.equal(await missing.text(), await malformed.text());
  });
});

describe('tus upload', () => {
  test('an upload in two parts appears atomically and is listed', async () => {
    const body = Buffer.from('hello, resumable world');
    const created = await tusCreate(alice, { filename: 'hello.txt', parent: remote.remoteId }, body.length);
    assert.equal(created.status, 201, await created.clone().text());
    const location = created.headers.get('location')!;
    const first = await tusPatch(alice, location, 0, body.subarray(0, 7));
    assert.equal(first.status, 204);
    assert.equal(first.headers.get('upload-offset'), '7');
    await assert.rejects(readFile(join(remote.root, 'hello.txt')), 'nothing visible before the last byte');
    const head = await alice.fetch(location, { method: 'HEAD', headers: { 'tus-resumable': '1.0.0' } });
    assert.equal(head.headers.get('upload-offset'), '7');
    const last = await tusPatch(alice, location, 7, body.subarray(7));
    assert.equal(last.status, 204);
    assert.equal(await readFile(join(remote.root, 'hello.txt'), 'utf8'), 'hello, resumable world');
    const names = (await all(alice, 'myDrive', '', 50)).map((i) => i.name);
    assert.ok(names.includes('hello.txt'));
  });

  test('path traversal and bad names are 400; nothing is written outside the remote', async () => {
    const before = await readdir(gw.localRoot);
    for (const filename of [
      '../escape.txt',
      '/etc/passwd',
      'a/b.txt',
      'nul\u0000.txt',
      '..',
      'x'.repeat(256),
    ]) {
      const res = await tusCreate(alice, { filename, parent: remote.remoteId }, 4);
      assert.equal(res.status, 400, JSON.stringify(filename));
    }
    assert.deepEqual(await readdir(gw.localRoot), before);
    assert.deepEqual(
      (await readdir(remote.root)).filter((n) => n.includes('escape')),
      [],
    );
  });

  test('malformed uploads: no length, bad metadata, unknown parent, taken name, wrong offset', async () => {
    const noLength = await alice.fetch('/files/uploads', {
      method: 'POST',
      headers: { 'tus-resumable': '1.0.0', 'upload-metadata': `filename ${b64('x.txt')}` },
    });
    assert.equal(noLength.status, 400);
    const badMeta = await tusCreate(alice, {}, 3, { 'upload-metadata': 'filename !!!notbase64' });
    assert.equal(badMeta.status, 400);
    const noParent = await tusCreate(alice, { filename: 'x.txt', parent: 'nope' }, 3);
    assert.equal(noParent.status, 404);
    const taken = await tusCreate(alice, { filename: 'readme.md', parent: remote.remoteId }, 3);
    assert.equal(taken.status, 409);
    const ok = await tusCreate(alice, { filename: 'offset.txt', parent: remote.remoteId }, 3);
    const wrong = await tusPatch(alice, ok.headers.get('location')!, 2, Buffer.from('x'));
    assert.equal(wrong.status, 409);
    const anon = await fetch(`${gw.base}/files/uploads`, {
      method: 'POST',
      headers: { 'tus-resumable': '1.0.0', 'upload-length': '1' },
    });
    assert.equal(anon.status, 401);
  });

  test('another user cannot see, continue or cancel an upload', async () => {
    const res = await tusCreate(alice, { filename: 'private.txt', parent: remote.remoteId }, 10);
    const location = res.headers.get('location')!;
    const bob = await gw.user('bob');
    const head = await bob.fetch(location, { method: 'HEAD', headers: { 'tus-resumable': '1.0.0' } });
    assert.equal(head.status, 404);
    const patch = await tusPatch(bob, location, 0, Buffer.from('0123456789'));
    assert.equal(patch.status, 404);
    const del = await bob.fetch(location, { method: 'DELETE', headers: { 'tus-resumable': '1.0.0' } });
    assert.equal(del.status, 404);
    const intoAlice = await tusCreate(bob, { filename: 'x.txt', parent: remote.remoteId }, 1);
    assert.equal(intoAlice.status, 404);
    await assert.rejects(readFile(join(remote.root, 'private.txt')));
  });

  test('the OpenAPI document is served', async () => {
    const res = await fetch(`${gw.base}/openapi.yaml`);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /\/files\/\{id\}\/content/);
  });
});
