// Ranged reads of encrypted shares when the recipient's copy lives on SFTP (OpenSSH) and on S3
// (S3Proxy): alice shares a folder encrypted with bob (SFTP) and with dave (S3); each reads
// 1 MiB from the middle of a 3 MiB file, and small ranges at both ends, as the app does (one
// ranged request for the covering ciphertext segments, decrypted and hash-checked): exactly the
// plaintext, far less than the file fetched. Real gpg still decrypts the whole stored message.
// Carol, and each recipient for the other's share, get NOT_FOUND.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type SftpServer, sharedS3Server, startSftpServer } from '@syncoxide/sync/testing';
import * as openpgp from 'openpgp';
import { SEGMENT_BYTES } from '../src/sharing/cipher-index.js';
import { rangeSource, readRange, sessionKeyOf } from './encrypted-helpers.js';
import { all, CONNECT, connectLocal } from './fixtures.js';
import { type Client, startTestGateway, type TestGateway } from './harness.js';
import { emailOf } from './sharing-helpers.js';

const BIG = randomBytes(3 * 1024 * 1024 + 5);
const PASS = 'recipient passphrase';

let gw: TestGateway;
let sftp: SftpServer;
let alice: Client;
let carol: Client;
const recipients: {
  label: string;
  client: Client;
  remoteId: string;
  shareId: string;
  keys: { privateKey: string };
}[] = [];

async function connect(c: Client, name: string, config: Record<string, unknown>): Promise<string> {
  return (await c.ok<{ connectRemote: { remote: { id: string } } }>(CONNECT, { name, config })).connectRemote
    .remote.id;
}

before(async () => {
  gw = await startTestGateway();
  alice = await gw.user('alice');
  carol = await gw.user('carol');
  const a = await connectLocal(gw, alice, 'AliceDisk', { 'secret/.keep': '' });
  await mkdir(join(a.root, 'secret'), { recursive: true });
  await writeFile(join(a.root, 'secret/big.bin'), BIG);
  await alice.ok('mutation($id: ID!) { scanRemote(id: $id) { entries } }', { id: a.remoteId });
  await alice.ok('mutation { generateMyKeyPair(passphrase: "alice passphrase") { fingerprint } }');

  sftp = await startSftpServer();
  const bob = await gw.user('bob');
  const bobRoot = await mkdtemp(join(sftp.root, 'bob-'));
  const bobRemote = await connect(bob, 'Bob SFTP', {
    type: 'sftp',
    host: sftp.host,
    port: sftp.port,
    username: sftp.username,
    privateKey: sftp.privateKey,
    hostKey: sftp.hostKeyFingerprint,
    root: bobRoot,
  });
  const s3 = await sharedS3Server();
  const bucket = `encrange-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
  await s3.createBucket(bucket);
  const dave = await gw.user('dave');
  const daveRemote = await connect(dave, 'Dave S3', {
    type: 's3',
    endpoint: s3.endpoint,
    region: s3.region,
    bucket,
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    forcePathStyle: true,
  });

  const secret = (await all(alice, 'myDrive', `remoteId: "${a.remoteId}"`, 100)).find(
    (n) => n.name === 'secret',
  )!;
  for (const [label, client, remoteId] of [
    ['bob (SFTP)', bob, bobRemote],
    ['dave (S3)', dave, daveRemote],
  ] as const) {
    const keys = (
      await client.ok<{ generateMyKeyPair: { privateKey: string } }>(
        'mutation($p: String!) { generateMyKeyPair(passphrase: $p) { privateKey } }',
        { p: PASS },
      )
    ).generateMyKeyPair;
    const made = await alice.ok<{ shareWithUser: { share: { id: string } } }>(
      'mutation($f: ID!, $e: String!) { shareWithUser(file: $f, email: $e, access: READ, encrypted: true) { share { id } } }',
      { f: secret.id, e: await emailOf(client) },
    );
    const shareId = made.shareWithUser.share.id;
    const r = await client.ok<{ acceptShare: { firstSync: { result: string } } }>(
      'mutation($id: ID!, $r: ID!) { acceptShare(id: $id, placement: SYNC, remote: $r, path: "from-alice") { firstSync { result } } }',
      { id: shareId, r: remoteId },
    );
    assert.equal(r.acceptShare.firstSync.result, 'ok', label);
    recipients.push({ label, client, remoteId, shareId, keys });
  }
});

after(async () => {
  await gw?.close();
  await sftp?.stop();
});

test('each recipient reads ranges of the file from their own provider, fetching only the segments around them', async () => {
  for (const r of recipients) {
    const { userShare } = await r.client.ok<{ userShare: { sessionKey: string } }>(
      'query($id: ID!) { userShare(id: $id) { sessionKey } }',
      { id: r.shareId },
    );
    const key = await sessionKeyOf(userShare.sessionKey, r.keys.privateKey, PASS);
    const info = await rangeSource(r.client, r.shareId, 'big.bin');
    assert.equal(info.size, BIG.length, r.label);
    assert.ok(info.segments && info.segments.length >= 8, `${r.label}: indexed`);
    const mid = Math.floor(BIG.length / 2);
    for (const [a, b] of [
      [mid, mid + (1 << 20) - 1],
      [0, 9],
      [BIG.length - 9, BIG.length - 1],
    ] as const) {
      const got = await readRange(r.client, r.shareId, 'big.bin', key, a, b);
      assert.ok(got.verified, r.label);
      assert.ok(Buffer.from(got.bytes).equals(BIG.subarray(a, b + 1)), `${r.label}: bytes ${a}-${b}`);
      assert.ok(
        got.cipherRead <= b - a + 1 + 3 * SEGMENT_BYTES,
        `${r.label}: ${got.cipherRead} ciphertext bytes for ${b - a + 1}`,
      );
    }
  }
});

test("real gpg decrypts the whole message stored on each recipient's provider", async () => {
  for (const r of recipients) {
    const res = await r.client.fetch(`/user-shares/${r.shareId}/encrypted?path=big.bin`);
    assert.equal(res.status, 200);
    const home = await mkdtemp(join(tmpdir(), 'sox-encrange-gpg-'));
    try {
      const gpg = (...args: string[]) =>
        execFileSync(
          'gpg',
          ['--homedir', home, '--batch', '--pinentry-mode', 'loopback', '--passphrase', PASS, ...args],
          {
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
      await writeFile(join(home, 'key.asc'), r.keys.privateKey);
      await writeFile(join(home, 'big.pgp'), Buffer.from(await res.arrayBuffer()));
      gpg('--import', join(home, 'key.asc'));
      gpg('--output', join(home, 'big.bin'), '--decrypt', join(home, 'big.pgp'));
      assert.ok((await readFile(join(home, 'big.bin'))).equals(BIG), r.label);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  }
});

test("nobody else reads a share's ciphertext or index: not carol, not the other recipient", async () => {
  const [bob, dave] = recipients as [(typeof recipients)[0], (typeof recipients)[0]];
  for (const [who, shareId] of [
    [carol, bob.shareId],
    [carol, dave.shareId],
    [dave.client, bob.shareId],
    [bob.client, dave.shareId],
  ] as const) {
    for (const route of ['encrypted', 'encrypted-index']) {
      const res = await who.fetch(`/user-shares/${shareId}/${route}?path=big.bin`, {
        headers: { range: 'bytes=0-99' },
      });
      assert.equal(res.status, 404, route);
      await res.body?.cancel();
    }
  }
  // openpgp agrees the stored message is only for its recipient (and alice).
  const res = await bob.client.fetch(`/user-shares/${bob.shareId}/encrypted?path=big.bin`);
  const message = await openpgp.readMessage({ binaryMessage: new Uint8Array(await res.arrayBuffer()) });
  assert.equal(message.getEncryptionKeyIDs().length, 2);
});
