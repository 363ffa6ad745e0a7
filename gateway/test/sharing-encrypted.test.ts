// Encrypted shares between users, end to end against the real stack: alice (a key pair made by
// the server-side convenience) shares a folder encrypted with bob (a key pair made "in the
// browser": openpgp in Node, uploaded already passphrase-protected). bob's remote then holds
// only OpenPGP messages, which real gpg decrypts with bob's private key byte for byte; the app
// flow (ciphertext + encrypted key downloaded, decrypted client-side) shows bob the plaintext;
// carol gets NOT_FOUND for all of it; no clear private key is ever stored.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as openpgp from 'openpgp';
import { nodeCfb, SEGMENT_BYTES } from '../src/sharing/cipher-index.js';
import { decryptRange } from '../src/sharing/pgp-walker.js';
import { rangeSource as rangeSourceOf, sessionKeyOf, sha256Hex } from './encrypted-helpers.js';
import { all, connectLocal } from './fixtures.js';
import { type Client, startTestGateway, type TestGateway } from './harness.js';
import { emailOf, SHARE_FIELDS, type ShareView, syncShare } from './sharing-helpers.js';

const ALICE_PASS = 'alice passphrase 1';
const BOB_PASS = 'bob passphrase 22';
const BLOB = randomBytes(1024 * 1024 + 17);

let gw: TestGateway;
let alice: Client;
let bob: Client;
let carol: Client;
let alice_: { remoteId: string; root: string };
let bob_: { remoteId: string; root: string };
let bobKeys: { publicKey: string; privateKey: string };
let share: ShareView & { sessionKey: string | null };

const KEYPAIR = 'fingerprint publicKey privateKey';
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

async function projectId(): Promise<string> {
  const items = await all(alice, 'myDrive', `remoteId: "${alice_.remoteId}"`, 100);
  return items.find((n) => n.name === 'project')!.id;
}

/** The share's session key, as the app gets it: unwrapped with bob's unlocked private key. */
const bobsSessionKey = () => sessionKeyOf(share.sessionKey!, bobKeys.privateKey, BOB_PASS);
const rangeSource = (c: Client, path: string) => rangeSourceOf(c, share.id, path);

async function download(c: Client, path: string): Promise<Response> {
  return c.fetch(`/user-shares/${share.id}/encrypted?path=${encodeURIComponent(path)}`);
}

before(async () => {
  gw = await startTestGateway();
  [alice, bob, carol] = [await gw.user('alice'), await gw.user('bob'), await gw.user('carol')];
  alice_ = await connectLocal(gw, alice, 'AliceDisk', {
    'project/plan.txt': 'the secret plan',
    'project/specs/api.md': '# api\n',
    'notes.txt': 'not shared',
  });
  await writeFile(join(alice_.root, 'project/blob.bin'), BLOB);
  await alice.ok('mutation($id: ID!) { scanRemote(id: $id) { entries } }', { id: alice_.remoteId });
  bob_ = await connectLocal(gw, bob, 'BobDisk', { 'mine.txt': 'bob keeps this' });
});

after(async () => {
  await gw?.close();
});

describe('key pairs', () => {
  test('a clear private key is refused and nothing is stored', async () => {
    const clear = await openpgp.generateKey({ userIDs: [{ email: 'bob@example.test' }], format: 'armored' });
    const r = await bob.gql(
      `mutation($p: String!, $k: String!) { setMyKeyPair(publicKey: $p, privateKey: $k) { ${KEYPAIR} } }`,
      {
        p: clear.publicKey,
        k: clear.privateKey,
      },
    );
    assert.equal(code(r), 'INVALID_INPUT');
    assert.match(r.errors![0]!.message, /encrypted with your passphrase/);
    const mismatch = await openpgp.generateKey({
      userIDs: [{ email: 'x@example.test' }],
      passphrase: 'whatever123',
      format: 'armored',
    });
    const r2 = await bob.gql(
      `mutation($p: String!, $k: String!) { setMyKeyPair(publicKey: $p, privateKey: $k) { ${KEYPAIR} } }`,
      {
        p: clear.publicKey,
        k: mismatch.privateKey,
      },
    );
    assert.equal(code(r2), 'INVALID_INPUT', 'a public and a private key of two different pairs');
    assert.equal((await bob.ok<{ myKeyPair: null }>(`{ myKeyPair { ${KEYPAIR} } }`)).myKeyPair, null);
  });

  test('bob uploads a pair made in the browser (already encrypted); alice has the server make hers', async () => {
    // "The browser": openpgp encrypts the private key with the passphrase before it leaves.
    bobKeys = await openpgp.generateKey({
      userIDs: [{ name: 'bob', email: await emailOf(bob) }],
      passphrase: BOB_PASS,
      format: 'armored',
    });
    const set = await bob.ok<{ setMyKeyPair: { fingerprint: string; privateKey: string } }>(
      `mutation($p: String!, $k: String!) { setMyKeyPair(publicKey: $p, privateKey: $k) { ${KEYPAIR} } }`,
      { p: bobKeys.publicKey, k: bobKeys.privateKey },
    );
    assert.equal(
      set.setMyKeyPair.fingerprint,
      (await openpgp.readKey({ armoredKey: bobKeys.publicKey })).getFingerprint(),
    );

    const short = await alice.gql(`mutation { generateMyKeyPair(passphrase: "short") { fingerprint } }`);
    assert.equal(code(short), 'INVALID_INPUT');
    const made = await alice.ok<{ generateMyKeyPair: { privateKey: string } }>(
      `mutation($p: String!) { generateMyKeyPair(passphrase: $p) { ${KEYPAIR} } }`,
      { p: ALICE_PASS },
    );
    const key = await openpgp.readPrivateKey({ armoredKey: made.generateMyKeyPair.privateKey });
    assert.equal(key.isDecrypted(), false);
    await openpgp.decryptKey({ privateKey: key, passphrase: ALICE_PASS }); // the passphrase opens it
  });

  test('the table holds no clear private key and no passphrase', async () => {
    const { rows } = await gw.conn.pool.query<{ private_key: string }>(
      `SELECT private_key FROM "${gw.names.pgSchema}".user_keys`,
    );
    assert.equal(rows.length, 2);
    for (const r of rows) {
      const key = await openpgp.readPrivateKey({ armoredKey: r.private_key });
      assert.equal(key.isDecrypted(), false, 'stored encrypted');
      assert.ok(!r.private_key.includes(ALICE_PASS) && !r.private_key.includes(BOB_PASS));
    }
  });

  test("another user's public key only while a share between us exists", async () => {
    const r = await alice.gql('query($u: ID!) { userPublicKey(user: $u) }', { u: bob.userId });
    assert.equal(code(r), 'NOT_FOUND', 'no share yet');
  });
  test('deleting a key pair removes it; deleting none says so', async () => {
    await carol.ok('mutation { generateMyKeyPair(passphrase: "carol passphrase") { fingerprint } }');
    const del = await carol.ok<{ deleteMyKeyPair: boolean }>('mutation { deleteMyKeyPair }');
    assert.equal(del.deleteMyKeyPair, true);
    assert.equal((await carol.ok<{ myKeyPair: null }>(`{ myKeyPair { ${KEYPAIR} } }`)).myKeyPair, null);
    assert.equal(
      (await carol.ok<{ deleteMyKeyPair: boolean }>('mutation { deleteMyKeyPair }')).deleteMyKeyPair,
      false,
    );
    assert.ok(
      (await bob.ok<{ myKeyPair: object | null }>(`{ myKeyPair { ${KEYPAIR} } }`)).myKeyPair,
      "bob's is untouched",
    );
  });
});

describe('an encrypted share', () => {
  test('refuses read-write, a recipient without a key, and a view-only acceptance', async () => {
    const rw = await alice.gql(
      'mutation($f: ID!, $e: String!) { shareWithUser(file: $f, email: $e, access: READ_WRITE, encrypted: true) { inviteUrl } }',
      { f: await projectId(), e: await emailOf(bob) },
    );
    assert.equal(code(rw), 'INVALID_INPUT');
    const nokey = await alice.gql(
      'mutation($f: ID!, $e: String!) { shareWithUser(file: $f, email: $e, access: READ, encrypted: true) { inviteUrl } }',
      { f: await projectId(), e: await emailOf(carol) },
    );
    assert.equal(code(nokey), 'INVALID_INPUT');
    assert.match(nokey.errors![0]!.message, /no OpenPGP key pair/);
    const { rows } = await gw.conn.pool.query(`SELECT 1 FROM "${gw.names.pgSchema}".user_shares`);
    assert.equal(rows.length, 0, 'nothing was recorded');
  });

  test('alice shares "project" encrypted; bob accepts into his disk: only OpenPGP messages land there', async () => {
    const made = await alice.ok<{ shareWithUser: { share: typeof share } }>(
      `mutation($f: ID!, $e: String!) { shareWithUser(file: $f, email: $e, access: READ, encrypted: true) {
        share { ${SHARE_FIELDS} encrypted sessionKey } } }`,
      { f: await projectId(), e: await emailOf(bob) },
    );
    share = made.shareWithUser.share;
    assert.ok(share.sessionKey?.includes('BEGIN PGP MESSAGE'));

    const view = await bob.gql(
      'mutation($id: ID!) { acceptShare(id: $id, placement: VIEW) { share { id } } }',
      {
        id: share.id,
      },
    );
    assert.equal(code(view), 'INVALID_INPUT');

    const r = await bob.ok<{ acceptShare: { firstSync: { result: string; toRecipient: string[] } } }>(
      `mutation($id: ID!, $r: ID!) { acceptShare(id: $id, placement: SYNC, remote: $r, path: "From Alice") {
        firstSync { result toRecipient } } }`,
      { id: share.id, r: bob_.remoteId },
    );
    assert.equal(r.acceptShare.firstSync.result, 'ok');
    assert.deepEqual(r.acceptShare.firstSync.toRecipient, ['blob.bin', 'plan.txt', 'specs/api.md']);
    const cipher = await readFile(join(bob_.root, 'From Alice/plan.txt.pgp'));
    assert.ok(!cipher.includes(Buffer.from('secret plan')), 'no plaintext on his provider');
    await assert.rejects(stat(join(bob_.root, 'From Alice/plan.txt')), 'no plain copy');
    // OpenPGP packets: a public-key encrypted session key packet first (tag 1, new or old format).
    assert.ok(cipher[0] === 0xc1 || (cipher[0]! & 0xbc) === 0x84, `packet header ${cipher[0]}`);
    assert.equal(await readFile(join(bob_.root, 'mine.txt'), 'utf8'), 'bob keeps this');

    const files = await bob.ok<{ userShare: { encryptedFiles: { path: string; size: number }[] } }>(
      'query($id: ID!) { userShare(id: $id) { encryptedFiles { path size sha256 cipherSize } } }',
      { id: share.id },
    );
    assert.deepEqual(
      files.userShare.encryptedFiles.map((f) => [f.path, f.size]),
      [
        ['blob.bin', BLOB.length],
        ['plan.txt', 15],
        ['specs/api.md', 6],
      ],
    );
  });

  test("real gpg decrypts bob's copy with bob's private key, byte for byte", async () => {
    const home = await mkdtemp(join(tmpdir(), 'sox-encshare-gpg-'));
    try {
      const gpg = (...args: string[]) =>
        execFileSync(
          'gpg',
          ['--homedir', home, '--batch', '--pinentry-mode', 'loopback', '--passphrase', BOB_PASS, ...args],
          {
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
      await writeFile(join(home, 'bob.asc'), bobKeys.privateKey);
      gpg('--import', join(home, 'bob.asc'));
      for (const [rel, want] of [
        ['blob.bin', BLOB],
        ['plan.txt', await readFile(join(alice_.root, 'project/plan.txt'))],
        ['specs/api.md', await readFile(join(alice_.root, 'project/specs/api.md'))],
      ] as const) {
        const out = join(home, rel.replace('/', '_'));
        gpg('--output', out, '--decrypt', join(bob_.root, 'From Alice', `${rel}.pgp`));
        assert.deepEqual(await readFile(out), want, rel);
      }
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });

  test('the app flow: bob downloads ciphertext and his encrypted key, decrypts with his passphrase', async () => {
    const res = await download(bob, 'blob.bin');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pgp-encrypted');
    const ciphertext = new Uint8Array(await res.arrayBuffer());
    const { myKeyPair } = await bob.ok<{ myKeyPair: { privateKey: string } }>(`{ myKeyPair { ${KEYPAIR} } }`);
    // What the browser does: unlock the key with the passphrase, then decrypt.
    const key = await openpgp.decryptKey({
      privateKey: await openpgp.readPrivateKey({ armoredKey: myKeyPair.privateKey }),
      passphrase: BOB_PASS,
    });
    const { data } = await openpgp.decrypt({
      message: await openpgp.readMessage({ binaryMessage: ciphertext }),
      decryptionKeys: key,
      format: 'binary',
    });
    assert.deepEqual(Buffer.from(data as Uint8Array), BLOB);

    // The share's session key, unwrapped with the same key, opens every message of the share.
    const [sessionKey] = await openpgp.decryptSessionKeys({
      message: await openpgp.readMessage({ armoredMessage: share.sessionKey! }),
      decryptionKeys: key,
    });
    const plan = new Uint8Array(await (await download(bob, 'plan.txt')).arrayBuffer());
    const opened = await openpgp.decrypt({
      message: await openpgp.readMessage({ binaryMessage: plan }),
      sessionKeys: sessionKey as openpgp.SessionKey,
      format: 'binary',
    });
    assert.equal(Buffer.from(opened.data as Uint8Array).toString(), 'the secret plan');

    const missing = await download(bob, 'nope.txt');
    assert.equal(missing.status, 404);
    await missing.body?.cancel();
    const outside = await download(bob, '../mine.txt');
    assert.equal(outside.status, 400);
    await outside.body?.cancel();
  });

  test('ranged reads: only the ciphertext segments around a range are fetched, decrypted and checked', async () => {
    const sessionKey = await bobsSessionKey();
    const cfb = nodeCfb(sessionKey);
    const range = async (start: number, end: number) =>
      decryptRange(await rangeSource(bob, 'blob.bin'), cfb, sha256Hex, start, end);

    const index = await rangeSource(bob, 'blob.bin');
    assert.equal(index.size, BLOB.length);
    assert.ok(
      index.segments && index.segments.length >= 3,
      `an index of several segments (${index.segments?.length})`,
    );
    for (const [a, b] of [
      [400_000, 700_000],
      [0, 99],
      [BLOB.length - 10, BLOB.length - 1],
      [SEGMENT_BYTES - 1, SEGMENT_BYTES + 1],
    ] as const) {
      const r = await range(a, b);
      assert.ok(r.verified);
      assert.deepEqual(Buffer.from(r.bytes), BLOB.subarray(a, b + 1), `bytes ${a}-${b}`);
      // At most the segments touching the range (each under two segment lengths) and the header.
      assert.ok(
        r.cipherRead <= b - a + 1 + 4 * SEGMENT_BYTES + 1024,
        `${r.cipherRead} ciphertext bytes for ${a}-${b}`,
      );
    }
    const mid = await range(400_000, 400_999);
    assert.ok(mid.cipherRead < BLOB.length / 2, `${mid.cipherRead} of ${BLOB.length} read`);

    // HTTP Range on the ciphertext route.
    const part = await bob.fetch(`/user-shares/${share.id}/encrypted?path=blob.bin`, {
      headers: { range: 'bytes=10-19' },
    });
    assert.equal(part.status, 206);
    const cipher = await readFile(join(bob_.root, 'From Alice/blob.bin.pgp'));
    assert.equal(part.headers.get('content-range'), `bytes 10-19/${cipher.length}`);
    assert.deepEqual(Buffer.from(await part.arrayBuffer()), cipher.subarray(10, 20));
    assert.equal(index.cipherSize, cipher.length);

    // A damaged ciphertext inside the range is an error, never wrong bytes.
    const at = index.segments![2]!.at!.file + 100;
    const damaged = Buffer.from(cipher);
    damaged[at] = damaged[at]! ^ 0x01;
    await writeFile(join(bob_.root, 'From Alice/blob.bin.pgp'), damaged);
    try {
      await assert.rejects(
        range(index.segments![2]!.at!.plain + 10, index.segments![2]!.at!.plain + 20),
        /does not match its index/,
      );
    } finally {
      await writeFile(join(bob_.root, 'From Alice/blob.bin.pgp'), cipher);
    }

    // A file written before there was an index is walked from its start and read no further
    // than the range (unverified: only the MDC at its end covers it) — until the next pass, which
    // reads its ciphertext back once and indexes it.
    const table = `"${gw.names.pgSchema}".encrypted_share_files`;
    const shareRaw = Buffer.from(share.id, 'base64url').toString().split(':').pop();
    await gw.conn.pool.query(
      `UPDATE ${table} SET segments = NULL WHERE share_id = $1 AND path = 'blob.bin'`,
      [shareRaw],
    );
    assert.equal((await rangeSource(bob, 'blob.bin')).segments, null);
    const old = await range(1000, 1999);
    assert.equal(old.verified, false);
    assert.deepEqual(Buffer.from(old.bytes), BLOB.subarray(1000, 2000));
    assert.ok(old.cipherRead < BLOB.length, 'stopped before the end');
    assert.deepEqual((await syncShare(bob, share.id)).toRecipient, [], 'nothing rewritten');
    const reindexed = await rangeSource(bob, 'blob.bin');
    assert.ok(reindexed.segments && reindexed.segments.length >= 3, 'indexed by the pass');
    const again = await range(600_000, 600_999);
    assert.ok(again.verified);
    assert.deepEqual(Buffer.from(again.bytes), BLOB.subarray(600_000, 601_000));
    assert.ok(again.cipherRead < BLOB.length / 2);
    // A ciphertext that does not read back as what was encrypted (damaged, edited) gets no index
    // and is marked so it is not read again at every pass: it stays readable from the start.
    const cipher2 = await readFile(join(bob_.root, 'From Alice/blob.bin.pgp'));
    const broken = Buffer.from(cipher2);
    broken[broken.length - 30] = broken[broken.length - 30]! ^ 0x01;
    await writeFile(join(bob_.root, 'From Alice/blob.bin.pgp'), broken);
    try {
      await gw.conn.pool.query(
        `UPDATE ${table} SET segments = NULL WHERE share_id = $1 AND path = 'blob.bin'`,
        [shareRaw],
      );
      await syncShare(bob, share.id);
      const { rows } = await gw.conn.pool.query(
        `SELECT segments FROM ${table} WHERE share_id = $1 AND path = 'blob.bin'`,
        [shareRaw],
      );
      assert.deepEqual(rows[0].segments, { v: 1, segments: null }, 'marked: no index');
      assert.equal((await rangeSource(bob, 'blob.bin')).segments, null);
    } finally {
      await writeFile(join(bob_.root, 'From Alice/blob.bin.pgp'), cipher2);
      await gw.conn.pool.query(
        `UPDATE ${table} SET segments = NULL WHERE share_id = $1 AND path = 'blob.bin'`,
        [shareRaw],
      );
      await syncShare(bob, share.id);
    }
    assert.ok((await rangeSource(bob, 'blob.bin')).segments, 'indexed again once intact');
    await assert.rejects(range(5, BLOB.length), RangeError, 'a range past the end');
  });

  test('carol gets nothing: not the ciphertext, not the share, not a key', async () => {
    const res = await download(carol, 'plan.txt');
    assert.equal(res.status, 404);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'NOT_FOUND');
    for (const url of [
      `/user-shares/${share.id}/encrypted-index?path=blob.bin`,
      `/user-shares/${share.id}/encrypted?path=blob.bin`,
    ]) {
      const r = await carol.fetch(url, { headers: { range: 'bytes=0-99' } });
      assert.equal(r.status, 404, url);
      await r.body?.cancel();
    }
    const alicesOwn = await download(alice, 'plan.txt');
    assert.equal(alicesOwn.status, 404, "the ciphertext is read from bob's provider: his only");
    await alicesOwn.body?.cancel();
    const q = await carol.gql(
      'query($id: ID!) { userShare(id: $id) { encryptedFiles { path } sessionKey } }',
      {
        id: share.id,
      },
    );
    assert.equal(code(q), 'NOT_FOUND');
    for (const u of [bob.userId, alice.userId]) {
      const k = await carol.gql('query($u: ID!) { userPublicKey(user: $u) }', { u });
      assert.equal(code(k), 'NOT_FOUND');
    }
    assert.equal((await carol.ok<{ myKeyPair: null }>(`{ myKeyPair { ${KEYPAIR} } }`)).myKeyPair, null);
    // The two parties of the share do see each other's public key.
    const k = await alice.ok<{ userPublicKey: string }>('query($u: ID!) { userPublicKey(user: $u) }', {
      u: bob.userId,
    });
    assert.equal(k.userPublicKey, bobKeys.publicKey);
  });

  test('unchanged files are skipped; a change and a removal reach bob; every write is journaled', async () => {
    assert.deepEqual((await syncShare(bob, share.id)).toRecipient, [], 'nothing changed');
    await writeFile(join(alice_.root, 'project/plan.txt'), 'the secret plan, v2');
    await unlink(join(alice_.root, 'project/specs/api.md'));
    const run = await syncShare(alice, share.id);
    assert.equal(run.result, 'ok');
    assert.deepEqual(run.toRecipient, ['plan.txt', 'specs/api.md']);
    await assert.rejects(stat(join(bob_.root, 'From Alice/specs/api.md.pgp')));
    const v2 = new Uint8Array(await (await download(bob, 'plan.txt')).arrayBuffer());
    const key = await openpgp.decryptKey({
      privateKey: await openpgp.readPrivateKey({ armoredKey: bobKeys.privateKey }),
      passphrase: BOB_PASS,
    });
    const { data } = await openpgp.decrypt({
      message: await openpgp.readMessage({ binaryMessage: v2 }),
      decryptionKeys: key,
    });
    assert.equal(data, 'the secret plan, v2');

    const { rows } = await gw.conn.pool.query<{ kind: string; path: string; state: string }>(
      `SELECT kind, path, state FROM "${gw.names.pgSchema}".encrypted_share_ops WHERE share_id = $1 ORDER BY created_at, path`,
      [Buffer.from(share.id, 'base64url').toString().split(':').pop()],
    );
    assert.deepEqual(
      rows.map((r) => `${r.kind} ${r.path} ${r.state}`),
      [
        'write blob.bin done',
        'write plan.txt done',
        'write specs/api.md done',
        'write plan.txt done',
        'delete specs/api.md done',
      ],
    );
  });

  test("bob's new key pair: the share's session key is wrapped for it, and opens the files already there", async () => {
    const NEW_PASS = 'bob new passphrase';
    const made = await bob.ok<{ generateMyKeyPair: { privateKey: string } }>(
      `mutation($p: String!) { generateMyKeyPair(passphrase: $p) { ${KEYPAIR} } }`,
      { p: NEW_PASS },
    );
    const key = await openpgp.decryptKey({
      privateKey: await openpgp.readPrivateKey({ armoredKey: made.generateMyKeyPair.privateKey }),
      passphrase: NEW_PASS,
    });
    const { userShare } = await bob.ok<{ userShare: { sessionKey: string } }>(
      'query($id: ID!) { userShare(id: $id) { sessionKey } }',
      { id: share.id },
    );
    const [sessionKey] = await openpgp.decryptSessionKeys({
      message: await openpgp.readMessage({ armoredMessage: userShare.sessionKey }),
      decryptionKeys: key,
    });
    const blob = new Uint8Array(await (await download(bob, 'blob.bin')).arrayBuffer());
    const { data } = await openpgp.decrypt({
      message: await openpgp.readMessage({ binaryMessage: blob }),
      sessionKeys: sessionKey as openpgp.SessionKey,
      format: 'binary',
    });
    assert.deepEqual(Buffer.from(data as Uint8Array), BLOB);
  });

  test('revoking without keeping the copy removes the ciphertext from bob', async () => {
    await alice.ok('mutation($id: ID!) { revokeUserShare(id: $id, keepRecipientCopy: false) { state } }', {
      id: share.id,
    });
    await assert.rejects(stat(join(bob_.root, 'From Alice/plan.txt.pgp')));
    const res = await download(bob, 'plan.txt');
    assert.equal(res.status, 404, 'ended: no more downloads');
    await res.body?.cancel();
    const k = await alice.gql('query($u: ID!) { userPublicKey(user: $u) }', { u: bob.userId });
    assert.equal(code(k), 'NOT_FOUND', 'no live share between them any more');
  });
});
