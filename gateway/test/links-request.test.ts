// File requests through HTTP against the real stack: uploads with the official tus client
// (tus-js-client in Node) — killed halfway and resumed — ending with the exact bytes on S3
// (S3Proxy) and SFTP remotes; folders kept, no overwrite (suffixes), owner notified; deadline and
// late windows, password, size/count/type limits, close and reopen; hostile names and bodies
// refused with nothing written outside the destination.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type SftpServer, sharedS3Server, startSftpServer } from '@syncoxide/sync/testing';
import { Upload } from 'tus-js-client';
import { CONNECT, connectLocal } from './fixtures.js';
import { type Client, startTestGateway, type TestGateway } from './harness.js';
import { postFrom } from './links-helpers.js';

let gw: TestGateway;
let alice: Client;
let bob: Client;
let local: { remoteId: string; root: string };
let sftp: SftpServer | null = null;

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const b64 = (s: string) => Buffer.from(s).toString('base64');
const sha1 = (b: Buffer) => createHash('sha1').update(b).digest('hex');

async function createRequest(c: Client, destination: string, opts: Record<string, unknown> = {}) {
  const r = await c.gql<{ createFileRequest: { id: string; token: string; url: string } }>(
    `mutation($t: String!, $d: ID!, $deadline: DateTime, $late: LateUploads, $password: String, $maxFileBytes: Float,
      $maxFiles: Int, $allowedTypes: [String!], $description: String) {
      createFileRequest(title: $t, destination: $d, deadline: $deadline, lateUploads: $late, password: $password,
        maxFileBytes: $maxFileBytes, maxFiles: $maxFiles, allowedTypes: $allowedTypes, description: $description) {
        id token url } }`,
    { t: 'Send me files', d: destination, ...opts },
  );
  if (r.errors?.length || !r.data) throw new Error(JSON.stringify(r.errors));
  return r.data.createFileRequest;
}

/** Raw tus creation (for hostile input the official client would not send). */
function tusCreate(meta: Record<string, string>, length: number, headers: Record<string, string> = {}) {
  return fetch(`${gw.base}/r/uploads`, {
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

/** Uploads with tus-js-client; `abortAt` (a fraction) aborts there and returns the upload URL. */
function tusUpload(
  token: string,
  data: Buffer,
  meta: Record<string, string>,
  o: { chunkSize?: number; abortAt?: number; uploadUrl?: string; grant?: string } = {},
): Promise<{ url: string; firstOffset: number }> {
  return new Promise((resolve, reject) => {
    let firstOffset = -1;
    const upload: Upload = new Upload(data, {
      endpoint: `${gw.base}/r/uploads`,
      uploadUrl: o.uploadUrl ?? null,
      metadata: { token, ...meta },
      chunkSize: o.chunkSize ?? Number.POSITIVE_INFINITY,
      retryDelays: null,
      storeFingerprintForResuming: false,
      headers: o.grant ? { 'x-link-grant': o.grant } : {},
      onProgress: (sent) => {
        if (firstOffset < 0) firstOffset = sent;
      },
      onChunkComplete: (_chunk, accepted, total) => {
        if (o.abortAt !== undefined && accepted >= total * o.abortAt) {
          upload.abort(false).then(() => resolve({ url: upload.url!, firstOffset }), reject);
        }
      },
      onSuccess: () => resolve({ url: upload.url!, firstOffset }),
      onError: reject,
    });
    upload.start();
  });
}

async function offsetOf(url: string): Promise<number> {
  const r = await fetch(new URL(url, gw.base), { method: 'HEAD', headers: { 'tus-resumable': '1.0.0' } });
  return Number(r.headers.get('upload-offset'));
}

async function uploadsOf(c: Client, token: string) {
  const r = await c.ok<{
    fileRequests: { token: string; uploads: { path: string; size: number; late: boolean }[] }[];
  }>('query { fileRequests { token uploads { path size late } } }');
  return r.fileRequests.find((f) => f.token === token)!.uploads;
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile())
      out.push(join(e.parentPath ?? (e as unknown as { path: string }).path, e.name).slice(dir.length + 1));
  return out.sort();
}

before(async () => {
  gw = await startTestGateway();
  alice = await gw.user('alice');
  bob = await gw.user('bob');
  local = await connectLocal(gw, alice, 'Drop', {
    'inbox/report.pdf': 'the original report',
    'other.txt': 'x',
  });
});
after(async () => {
  await gw.close();
  await sftp?.stop();
});

describe('uploads into a request', () => {
  test('files and folders land in the destination; nothing is overwritten; the owner is told', async () => {
    const dest = (
      await alice.ok<{ myDrive: { edges: { node: { id: string; name: string } }[] } }>(
        'query { myDrive(first: 50) { edges { node { id name } } } }',
      )
    ).myDrive.edges.find((e) => e.node.name === 'inbox')!.node.id;
    const req = await createRequest(alice, dest);
    const notes = gw.services.events.subscribe('notifications', alice.userId)[Symbol.asyncIterator]();
    const first = notes.next();

    const meta = await fetch(`${gw.base}/r/${req.token}`);
    const m = (await meta.json()) as Record<string, unknown>;
    assert.equal(m.title, 'Send me files');
    assert.deepEqual(
      Object.keys(m).sort(),
      [
        'allowedTypes',
        'deadline',
        'description',
        'late',
        'lateUploads',
        'maxFileBytes',
        'maxFiles',
        'title',
        'uploadUrl',
      ],
      'what is asked for, nothing about other uploads',
    );

    await tusUpload(req.token, Buffer.from('a new report'), {
      filename: 'report.pdf',
      filetype: 'application/pdf',
    });
    await tusUpload(req.token, Buffer.from('another new report'), { filename: 'report.pdf' });
    await tusUpload(req.token, Buffer.from('int main() {}'), {
      filename: 'main.c',
      relativePath: 'project/src/main.c',
    });
    assert.equal(await readFile(join(local.root, 'inbox/report.pdf'), 'utf8'), 'the original report');
    assert.equal(await readFile(join(local.root, 'inbox/report (1).pdf'), 'utf8'), 'a new report');
    assert.equal(await readFile(join(local.root, 'inbox/report (2).pdf'), 'utf8'), 'another new report');
    assert.equal(await readFile(join(local.root, 'inbox/project/src/main.c'), 'utf8'), 'int main() {}');
    const note = (await first).value as { kind: string; message: string };
    assert.equal(note.kind, 'file-request-upload');
    assert.match(note.message, /inbox\/report \(1\)\.pdf/);
    await notes.return?.();
    const ups = await uploadsOf(alice, req.token);
    assert.deepEqual(ups.map((u) => u.path).sort(), [
      'inbox/project/src/main.c',
      'inbox/report (1).pdf',
      'inbox/report (2).pdf',
    ]);
    assert.ok(ups.every((u) => !u.late));
  });

  test('a wrong checksum discards the upload; the right one keeps it', async () => {
    const req = await createRequest(alice, local.remoteId);
    const data = randomBytes(5000);
    await assert.rejects(
      tusUpload(req.token, data, { filename: 'sum.bin', sha1: sha1(Buffer.from('other')) }),
      /460/,
    );
    await assert.rejects(readFile(join(local.root, 'sum.bin')));
    await tusUpload(req.token, data, { filename: 'sum.bin', sha1: sha1(data) });
    assert.deepEqual(await readFile(join(local.root, 'sum.bin')), data);
  });
});

describe('resumable: killed halfway, resumed, exact bytes', () => {
  async function killAndResume(destination: string, read: (path: string) => Promise<Buffer>) {
    const req = await createRequest(alice, destination);
    const data = randomBytes(6 * 1024 * 1024 + 123);
    const half = await tusUpload(
      req.token,
      data,
      { filename: 'movie.bin', relativePath: 'takes/movie.bin' },
      {
        chunkSize: 1024 * 1024,
        abortAt: 0.5,
      },
    );
    const offset = await offsetOf(half.url);
    assert.ok(offset >= data.length / 2 && offset < data.length, `stopped halfway (${offset})`);
    const resumed = await tusUpload(req.token, data, {}, { chunkSize: 1024 * 1024, uploadUrl: half.url });
    assert.equal(resumed.firstOffset >= offset, true, 'continued from the stored offset, not from zero');
    assert.equal(sha1(await read('takes/movie.bin')), sha1(data));
  }

  test('on S3 (S3Proxy)', async () => {
    const s3 = await sharedS3Server();
    const bucket = `req-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
    await s3.createBucket(bucket);
    const r = await alice.ok<{ connectRemote: { remote: { id: string } } }>(CONNECT, {
      name: 'S3',
      config: {
        type: 's3',
        endpoint: s3.endpoint,
        region: s3.region,
        bucket,
        prefix: 'drop',
        accessKeyId: s3.accessKeyId,
        secretAccessKey: s3.secretAccessKey,
        forcePathStyle: true,
        partSize: 5 * 1024 * 1024,
      },
    });
    await killAndResume(r.connectRemote.remote.id, (p) => readFile(join(s3.dataDir, bucket, 'drop', p)));
  });

  test('on SFTP (OpenSSH)', async () => {
    sftp = await startSftpServer();
    const root = await mkdtemp(join(sftp.root, 'req-'));
    const r = await alice.ok<{ connectRemote: { remote: { id: string } } }>(CONNECT, {
      name: 'SFTP',
      config: {
        type: 'sftp',
        host: sftp.host,
        port: sftp.port,
        username: sftp.username,
        privateKey: sftp.privateKey,
        password: sftp.password,
        hostKey: sftp.hostKeyFingerprint,
        root,
      },
    });
    await killAndResume(r.connectRemote.remote.id, (p) => readFile(join(root, p)));
  });
});

describe('deadlines and late uploads', () => {
  const cases: [string, number, string | undefined, 'on-time' | 'late' | 'refused'][] = [
    ['before the deadline', -HOUR, undefined, 'on-time'],
    ['just past, no late uploads', 1000, undefined, 'refused'],
    ['one day allowed, 23 h late', 23 * HOUR, 'DAYS_1', 'late'],
    ['one day allowed, 25 h late', 25 * HOUR, 'DAYS_1', 'refused'],
    ['two days allowed, 47 h late', 47 * HOUR, 'DAYS_2', 'late'],
    ['two days allowed, 49 h late', 49 * HOUR, 'DAYS_2', 'refused'],
    ['seven days allowed, 6 d late', 6 * DAY, 'DAYS_7', 'late'],
    ['seven days allowed, 8 d late', 8 * DAY, 'DAYS_7', 'refused'],
    ['thirty days allowed, 29 d late', 29 * DAY, 'DAYS_30', 'late'],
    ['thirty days allowed, 31 d late', 31 * DAY, 'DAYS_30', 'refused'],
    ['always allowed, a year late', 365 * DAY, 'ALWAYS', 'late'],
  ];
  for (const [name, over, late, expect] of cases) {
    test(name, async () => {
      const req = await createRequest(alice, local.remoteId, {
        deadline: new Date(Date.now() - over),
        ...(late ? { late } : {}),
      });
      const meta = await fetch(`${gw.base}/r/${req.token}`);
      if (expect === 'refused') {
        assert.equal(meta.status, 410);
        assert.equal(((await meta.json()) as { error: { reason: string } }).error.reason, 'deadline');
        const create = await tusCreate({ token: req.token, filename: 'late.txt' }, 3);
        assert.equal(create.status, 410);
        return;
      }
      assert.equal(((await meta.json()) as { late: boolean }).late, expect === 'late');
      const name = `t-${randomBytes(4).toString('hex')}.txt`;
      await tusUpload(req.token, Buffer.from('abc'), { filename: name });
      const ups = await uploadsOf(alice, req.token);
      assert.deepEqual(
        ups.map((u) => [u.path, u.late]),
        [[name, expect === 'late']],
      );
    });
  }
});

describe('request options', () => {
  test('password: locked, wrong, right; uploads need the grant', async () => {
    const req = await createRequest(alice, local.remoteId, { password: 'drop it here' });
    const locked = await fetch(`${gw.base}/r/${req.token}`);
    assert.equal(locked.status, 401);
    assert.equal((await tusCreate({ token: req.token, filename: 'p.txt' }, 3)).status, 401);
    assert.equal(
      (await postFrom(gw, '127.0.0.20', `/r/${req.token}/unlock`, { password: 'no' })).status,
      403,
    );
    const right = await postFrom(gw, '127.0.0.20', `/r/${req.token}/unlock`, { password: 'drop it here' });
    assert.equal(right.status, 200);
    const grant = right.body.grant as string;
    await tusUpload(req.token, Buffer.from('pwd'), { filename: 'p.txt' }, { grant });
    assert.equal(await readFile(join(local.root, 'p.txt'), 'utf8'), 'pwd');
  });

  test('size: 413 before any byte; a body longer than announced: 413; nothing stored', async () => {
    const req = await createRequest(alice, local.remoteId, { maxFileBytes: 10 });
    const big = await tusCreate({ token: req.token, filename: 'big.txt' }, 11);
    assert.equal(big.status, 413);
    const huge = await tusCreate({ token: req.token, filename: 'huge.txt' }, 60 * 1024 ** 3);
    assert.equal(huge.status, 413);
    const ok = await tusCreate({ token: req.token, filename: 'four.txt' }, 4);
    assert.equal(ok.status, 201);
    const over = await fetch(new URL(ok.headers.get('location')!, gw.base), {
      method: 'PATCH',
      headers: {
        'tus-resumable': '1.0.0',
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
      },
      body: 'ten bytes!',
    });
    assert.equal(over.status, 413);
    for (const n of ['big.txt', 'huge.txt', 'four.txt']) await assert.rejects(readFile(join(local.root, n)));
  });

  test('count and types: by extension, whatever Content-Type the client claims', async () => {
    const req = await createRequest(alice, local.remoteId, { maxFiles: 2, allowedTypes: ['pdf', 'image/*'] });
    const html = await tusCreate({ token: req.token, filename: 'evil.html', filetype: 'application/pdf' }, 3);
    assert.equal(html.status, 415);
    await tusUpload(req.token, Buffer.from('%PDF'), { filename: 'doc-a.pdf', filetype: 'text/html' });
    await tusUpload(req.token, Buffer.from('jpg'), { filename: 'pic-a.jpg' });
    const third = await tusCreate({ token: req.token, filename: 'doc-b.pdf' }, 3);
    assert.equal(third.status, 409);
    assert.equal(await readFile(join(local.root, 'doc-a.pdf'), 'utf8'), '%PDF');
  });

  test('closed, then reopened', async () => {
    const req = await createRequest(alice, local.remoteId);
    const closed = await alice.ok<{ setFileRequestOpen: { open: boolean } }>(
      'mutation($id: ID!) { setFileRequestOpen(id: $id, open: false) { open } }',
      { id: req.id },
    );
    assert.equal(closed.setFileRequestOpen.open, false);
    const page = await fetch(`${gw.base}/r/${req.token}`);
    assert.equal(page.status, 410);
    assert.equal(((await page.json()) as { error: { reason: string } }).error.reason, 'closed');
    assert.equal((await tusCreate({ token: req.token, filename: 'c.txt' }, 3)).status, 410);
    await alice.ok('mutation($id: ID!) { setFileRequestOpen(id: $id, open: true) { open } }', { id: req.id });
    assert.equal((await fetch(`${gw.base}/r/${req.token}`)).status, 200);
  });

  test('another user cannot aim a request at my remote, nor see mine', async () => {
    const r = await bob.gql('mutation($d: ID!) { createFileRequest(title: "x", destination: $d) { id } }', {
      d: local.remoteId,
    });
    assert.equal(r.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    assert.deepEqual(
      (await bob.ok<{ fileRequests: unknown[] }>('query { fileRequests { id } }')).fileRequests,
      [],
    );
  });
});

describe('hostile input', () => {
  test('bad names are refused; nothing is written outside the destination', async () => {
    const req = await createRequest(alice, local.remoteId);
    const before = await listFiles(gw.localRoot);
    for (const relativePath of [
      '../escape.txt',
      'a/../../escape.txt',
      '/etc/passwd',
      'C:/windows/escape.txt',
      'a\\..\\escape.txt',
      'nul\u0000.txt',
      'bell\u0007.txt',
      `${'x'.repeat(256)}.txt`,
      `${'d/'.repeat(40)}deep.txt`,
      'CON',
      'aux.txt',
      'trailing.',
      '.syncoxide-abc.partial',
      'a//b.txt',
    ]) {
      const res = await tusCreate({ token: req.token, filename: 'ok.txt', relativePath }, 3);
      assert.equal(res.status, 400, JSON.stringify(relativePath));
    }
    assert.deepEqual(await listFiles(gw.localRoot), before);
  });

  test('unknown and malformed tokens and upload ids are 404', async () => {
    assert.equal((await fetch(`${gw.base}/r/${'B'.repeat(43)}`)).status, 404);
    assert.equal((await tusCreate({ token: 'nope', filename: 'x.txt' }, 3)).status, 404);
    const head = await fetch(`${gw.base}/r/uploads/${'0'.repeat(32)}`, {
      method: 'HEAD',
      headers: { 'tus-resumable': '1.0.0' },
    });
    assert.equal(head.status, 404);
  });
});
