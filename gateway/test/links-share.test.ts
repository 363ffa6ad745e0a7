// Share links through HTTP against the real stack: metadata, inline preview with the right
// types, downloads with Range, folder listing and a streamed zip compared byte for byte after
// unzip, passwords (right, wrong, throttled per link and per IP, batched guesses counted),
// expiry, download limits, revocation, preview-only, tenancy, and the PGP option decrypted by
// real gpg.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { connectLocal } from './fixtures.js';
import { type Client, startTestGateway, type TestGateway } from './harness.js';
import { createLink, nodeId, postFrom } from './links-helpers.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const BIN = randomBytes(300_000);
const TREE = {
  'notes.txt': 'hello from a share link\n',
  'page.html': '<script>alert(1)</script>',
  'pic.png': PNG.toString('latin1'),
  'pack/a.txt': 'alpha',
  'pack/deep/b.bin': BIN.toString('latin1'),
  'pack/deep/c.md': '# c\n',
  'secret.bin': randomBytes(3 * 1024 * 1024 + 7).toString('latin1'),
};

let gw: TestGateway;
let alice: Client;
let bob: Client;
let root: string;
const ids: Record<string, string> = {};

const pub = (path: string, init: RequestInit = {}) => fetch(`${gw.base}${path}`, init);
const gql = (c: Client, q: string, v: Record<string, unknown> = {}) => c.gql(q, v);

before(async () => {
  gw = await startTestGateway();
  alice = await gw.user('alice');
  bob = await gw.user('bob');
  const tree: Record<string, string> = {};
  for (const [k, v] of Object.entries(TREE)) tree[k] = v;
  const r = await connectLocal(gw, alice, 'Share', tree);
  root = r.root;
  // connectLocal writes strings as UTF-8: rewrite the binary ones as bytes.
  await writeFile(join(root, 'pic.png'), PNG);
  await writeFile(join(root, 'pack/deep/b.bin'), BIN);
  await alice.ok('mutation($id: ID!) { scanRemote(id: $id) { entries } }', { id: r.remoteId });
  for (const p of ['notes.txt', 'page.html', 'pic.png', 'pack', 'secret.bin'])
    ids[p] = await nodeId(alice, p);
});
after(() => gw.close());

describe('a file link', () => {
  test('metadata, inline preview with its type, download with Range, counted', async () => {
    const link = await createLink(alice, ids['notes.txt']!, { note: 'for you' });
    assert.equal(link.token.length, 43, '256 bits, base64url');
    const meta = await pub(`/s/${link.token}`);
    assert.equal(meta.status, 200);
    const m = (await meta.json()) as Record<string, unknown>;
    assert.equal(m.name, 'notes.txt');
    assert.equal(m.note, 'for you');
    assert.equal(m.preview, 'text');

    const preview = await pub(`/s/${link.token}/preview`);
    assert.equal(preview.status, 200);
    assert.equal(preview.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.match(preview.headers.get('content-disposition') ?? '', /^inline/);
    assert.equal(await preview.text(), TREE['notes.txt']);

    const part = await pub(`/s/${link.token}/download`, { headers: { range: 'bytes=6-9' } });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-range'), `bytes 6-9/${TREE['notes.txt'].length}`);
    assert.equal(await part.text(), 'from');
    const whole = await pub(`/s/${link.token}/download`);
    assert.match(whole.headers.get('content-disposition') ?? '', /^attachment/);
    assert.equal(await whole.text(), TREE['notes.txt']);
    const beyond = await pub(`/s/${link.token}/download`, { headers: { range: 'bytes=999-' } });
    assert.equal(beyond.status, 416);
    await beyond.body?.cancel();

    const list = await alice.ok<{ shareLinks: { token: string; downloads: number; views: number }[] }>(
      'query($f: ID) { shareLinks(file: $f) { token downloads views } }',
      { f: ids['notes.txt'] },
    );
    const row = list.shareLinks.find((l) => l.token === link.token)!;
    assert.equal(row.downloads, 1, 'the whole download counts; the range in the middle does not');
    assert.equal(row.views, 1);
  });

  test('previews: images inline as images; HTML only ever as text', async () => {
    const png = await createLink(alice, ids['pic.png']!);
    const img = await pub(`/s/${png.token}/preview`);
    assert.equal(img.headers.get('content-type'), 'image/png');
    assert.deepEqual(Buffer.from(await img.arrayBuffer()), PNG);
    const html = await createLink(alice, ids['page.html']!);
    const page = await pub(`/s/${html.token}/preview`);
    assert.equal(page.headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.match(page.headers.get('content-security-policy') ?? '', /sandbox/);
    await page.body?.cancel();
    const noPreview = await pub(`/s/${(await createLink(alice, ids['secret.bin']!)).token}/preview`);
    assert.equal(noPreview.status, 415);
    await noPreview.body?.cancel();
  });

  test('several links per item, each revocable on its own', async () => {
    const one = await createLink(alice, ids['notes.txt']!);
    const two = await createLink(alice, ids['notes.txt']!);
    assert.notEqual(one.token, two.token);
    const r = await alice.ok<{ revokeShareLink: { state: string } }>(
      'mutation($id: ID!) { revokeShareLink(id: $id) { state } }',
      { id: one.id },
    );
    assert.equal(r.revokeShareLink.state, 'revoked');
    // Recorded in the graph as well: the item shows under "shared by me" while a link is live.
    const shared = await alice.ok<{ sharedByMe: { edges: { node: { id: string } }[] } }>(
      'query { sharedByMe(first: 50) { edges { node { id } } } }',
    );
    assert.ok(shared.sharedByMe.edges.some((e) => e.node.id === ids['notes.txt']));
    const gone = await pub(`/s/${one.token}/download`);
    assert.equal(gone.status, 410);
    assert.equal(((await gone.json()) as { error: { reason: string } }).error.reason, 'revoked');
    const still = await pub(`/s/${two.token}/download`);
    assert.equal(still.status, 200);
    await still.body?.cancel();
  });

  test('expiry: in the future works; at or past the instant it is gone', async () => {
    const later = await createLink(alice, ids['notes.txt']!, { expiresAt: new Date(Date.now() + 3600_000) });
    const ok = await pub(`/s/${later.token}`);
    assert.equal(ok.status, 200);
    await ok.body?.cancel();
    // Move the expiry to this very moment (the database's clock is the gateway's here).
    await gw.conn.pool.query(
      `UPDATE "${gw.names.pgSchema}".share_links SET expires_at = now() WHERE token = $1`,
      [later.token],
    );
    const expired = await pub(`/s/${later.token}/download`);
    assert.equal(expired.status, 410);
    assert.equal(((await expired.json()) as { error: { reason: string } }).error.reason, 'expired');
    const past = await createLink(alice, ids['notes.txt']!, { expiresAt: new Date(Date.now() - 1) });
    assert.equal((await pub(`/s/${past.token}`)).status, 410);
  });

  test('download limit: exactly N downloads, then 410 for every byte', async () => {
    const link = await createLink(alice, ids['notes.txt']!, { maxDownloads: 2 });
    for (let i = 0; i < 2; i++) {
      const r = await pub(`/s/${link.token}/download`);
      assert.equal(r.status, 200);
      assert.equal(await r.text(), TREE['notes.txt']);
    }
    const third = await pub(`/s/${link.token}/download`);
    assert.equal(third.status, 410);
    assert.equal(((await third.json()) as { error: { reason: string } }).error.reason, 'exhausted');
    const resumed = await pub(`/s/${link.token}/download`, { headers: { range: 'bytes=3-' } });
    assert.equal(resumed.status, 410);
    await resumed.body?.cancel();
    const list = await alice.ok<{ shareLinks: { token: string; downloads: number; state: string }[] }>(
      'query { shareLinks { token downloads state } }',
    );
    const row = list.shareLinks.find((l) => l.token === link.token)!;
    assert.deepEqual([row.downloads, row.state], [2, 'exhausted']);
  });

  test('preview only: preview yes; download, zip, torrent and PGP no', async () => {
    const link = await createLink(alice, ids['pic.png']!, { previewOnly: true });
    const p = await pub(`/s/${link.token}/preview`);
    assert.equal(p.status, 200);
    await p.body?.cancel();
    for (const path of ['download', 'torrent']) {
      const r = await pub(`/s/${link.token}/${path}`);
      assert.equal(r.status, 403, path);
      assert.equal(((await r.json()) as { error: { reason: string } }).error.reason, 'preview-only');
    }
    const folder = await createLink(alice, ids.pack!, { previewOnly: true });
    assert.equal((await pub(`/s/${folder.token}/zip`)).status, 403);
  });

  test('unknown, malformed and foreign: 404, and only owners make links', async () => {
    assert.equal((await pub(`/s/${'A'.repeat(43)}`)).status, 404);
    assert.equal((await pub('/s/..%2F..%2Fetc')).status, 404);
    const r = await gql(bob, 'mutation($f: ID!) { createShareLink(file: $f) { id } }', {
      f: ids['notes.txt'],
    });
    assert.equal(r.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const mine = await createLink(alice, ids['notes.txt']!);
    const revoke = await gql(bob, 'mutation($id: ID!) { revokeShareLink(id: $id) { id } }', { id: mine.id });
    assert.equal(revoke.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const bobs = await bob.ok<{ shareLinks: unknown[] }>('query { shareLinks { id } }');
    assert.deepEqual(bobs.shareLinks, []);
  });
});

describe('a folder link', () => {
  test('lists, serves files inside, refuses paths outside', async () => {
    const link = await createLink(alice, ids.pack!);
    const top = (await (await pub(`/s/${link.token}/list`)).json()) as {
      items: { name: string; kind: string }[];
    };
    assert.deepEqual(top.items.map((i) => `${i.kind}:${i.name}`).sort(), ['file:a.txt', 'folder:deep']);
    const deep = (await (await pub(`/s/${link.token}/list?path=deep`)).json()) as {
      items: { path: string }[];
    };
    assert.deepEqual(deep.items.map((i) => i.path).sort(), ['deep/b.bin', 'deep/c.md']);
    const b = await pub(`/s/${link.token}/download?path=deep/b.bin`);
    assert.deepEqual(Buffer.from(await b.arrayBuffer()), BIN);
    for (const bad of ['../notes.txt', 'deep/../../notes.txt', '/etc/passwd', 'deep%00x']) {
      const r = await pub(`/s/${link.token}/download?path=${encodeURIComponent(bad)}`);
      assert.equal(r.status, 404, bad);
      await r.body?.cancel();
    }
  });

  test('the zip streams and unzips to the same bytes', async () => {
    const link = await createLink(alice, ids.pack!);
    const res = await pub(`/s/${link.token}/zip`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/zip');
    assert.equal(res.headers.get('content-length'), null, 'streamed, not buffered');
    const dir = await mkdtemp(join(tmpdir(), 'sox-zip-'));
    try {
      await writeFile(join(dir, 'p.zip'), Buffer.from(await res.arrayBuffer()));
      execFileSync('unzip', ['-q', join(dir, 'p.zip'), '-d', join(dir, 'out')]);
      assert.equal(await readFile(join(dir, 'out/a.txt'), 'utf8'), 'alpha');
      assert.deepEqual(await readFile(join(dir, 'out/deep/b.bin')), BIN);
      assert.equal(await readFile(join(dir, 'out/deep/c.md'), 'utf8'), '# c\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the PGP option', () => {
  test('delivers the file encrypted to the posted key; real gpg decrypts it byte for byte', async () => {
    const home = await mkdtemp(join(tmpdir(), 'sox-gpg-'));
    try {
      const gpg = (...args: string[]) =>
        execFileSync(
          'gpg',
          ['--homedir', home, '--batch', '--pinentry-mode', 'loopback', '--passphrase', '', ...args],
          {
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
      gpg('--quick-gen-key', 'Recipient <recipient@example.test>', 'future-default', 'default', 'never');
      const publicKey = gpg('--armor', '--export', 'recipient@example.test').toString();
      const link = await createLink(alice, ids['secret.bin']!, { requirePgp: true });
      const meta = (await (await pub(`/s/${link.token}`)).json()) as {
        gpgCommand: string;
        urls: { download: null };
      };
      assert.equal(meta.gpgCommand, "gpg --output 'secret.bin' --decrypt 'secret.bin.gpg'");
      assert.equal(meta.urls.download, null);
      const plain = await pub(`/s/${link.token}/download`);
      assert.equal(plain.status, 403, 'plain downloads are refused');
      await plain.body?.cancel();
      const badKey = await pub(`/s/${link.token}/pgp`, { method: 'POST', body: 'not a key' });
      assert.equal(badKey.status, 400);
      await badKey.body?.cancel();
      const enc = await pub(`/s/${link.token}/pgp`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: publicKey,
      });
      assert.equal(enc.status, 200);
      assert.match(enc.headers.get('content-disposition') ?? '', /secret\.bin\.gpg/);
      await writeFile(join(home, 'secret.bin.gpg'), Buffer.from(await enc.arrayBuffer()));
      gpg('--output', join(home, 'secret.bin'), '--decrypt', join(home, 'secret.bin.gpg'));
      assert.deepEqual(await readFile(join(home, 'secret.bin')), await readFile(join(root, 'secret.bin')));
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});

describe('passwords', () => {
  test('locked until the right password; a grant opens only its own link', async () => {
    const link = await createLink(alice, ids['notes.txt']!, { password: 'open sesame' });
    const other = await createLink(alice, ids['pic.png']!, { password: 'another one' });
    const locked = await pub(`/s/${link.token}`);
    assert.equal(locked.status, 401);
    const body = (await locked.json()) as { error: { reason: string }; name?: string };
    assert.equal(body.error.reason, 'password');
    assert.equal(body.name, undefined, 'nothing about the item before the password');
    assert.equal((await pub(`/s/${link.token}/download`)).status, 401);
    const wrong = await postFrom(gw, '127.0.0.2', `/s/${link.token}/unlock`, { password: 'nope' });
    assert.equal(wrong.status, 403);
    const right = await postFrom(gw, '127.0.0.2', `/s/${link.token}/unlock`, { password: 'open sesame' });
    assert.equal(right.status, 200);
    const grant = right.body.grant as string;
    const dl = await pub(`/s/${link.token}/download?grant=${grant}`);
    assert.equal(await dl.text(), TREE['notes.txt']);
    const viaHeader = await pub(`/s/${link.token}`, { headers: { 'x-link-grant': grant } });
    assert.equal(viaHeader.status, 200);
    await viaHeader.body?.cancel();
    assert.equal((await pub(`/s/${other.token}?grant=${grant}`)).status, 401);
  });

  test('throttled per client IP: each guess of a batch counts, then even the right one waits', async () => {
    const link = await createLink(alice, ids['notes.txt']!, { password: 'right password' });
    const batch = await postFrom(gw, '127.0.0.3', `/s/${link.token}/unlock`, {
      password: Array.from({ length: 11 }, (_, i) => `guess ${i}`),
    });
    assert.equal(batch.status, 429, 'eleven guesses in one request are eleven guesses');
    const right = await postFrom(gw, '127.0.0.3', `/s/${link.token}/unlock`, { password: 'right password' });
    assert.equal(right.status, 429);
    const elsewhere = await postFrom(gw, '127.0.0.4', `/s/${link.token}/unlock`, {
      password: 'right password',
    });
    assert.equal(elsewhere.status, 200, 'another client is not held back by the IP limit');
  });

  test('throttled per link: guesses from many clients add up', async () => {
    const link = await createLink(alice, ids['notes.txt']!, { password: 'the right one' });
    const statuses: number[] = [];
    for (const ip of ['127.0.0.5', '127.0.0.6', '127.0.0.7']) {
      for (let i = 0; i < 8; i++)
        statuses.push((await postFrom(gw, ip, `/s/${link.token}/unlock`, { password: `wrong ${i}` })).status);
    }
    assert.deepEqual(statuses.slice(0, 20), Array(20).fill(403));
    assert.deepEqual(statuses.slice(20), Array(4).fill(429));
    const right = await postFrom(gw, '127.0.0.8', `/s/${link.token}/unlock`, { password: 'the right one' });
    assert.equal(right.status, 429, 'the link is locked for everyone for the window');
  });
});
