// `npm run bench -- encshare [--size MB]` (default 64): an encrypted share between two users
// against the real stack (local remotes), one file of MB megabytes (random bytes): the first
// transfer of the encrypted share (openpgp encrypting as it streams into bob's remote) beside
// the first sync of a plain read-only share of the same bytes (the sync engine copying: the
// peer), each with the peak RSS growth of this process (the gateway runs in it); then the app
// side: bob's download of the ciphertext and its decryption with openpgp in Node; then a 1 MiB
// ranged read from the middle of the file, with the file's index and without (how much
// ciphertext is fetched from bob's provider for it).

import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { nodeCfb } from '../../gateway/src/sharing/cipher-index.ts';
import { decryptRange, type RangeSource } from '../../gateway/src/sharing/pgp-walker.ts';
import { all, connectLocal } from '../../gateway/test/fixtures.ts';
import { startTestGateway } from '../../gateway/test/harness.ts';
import { emailOf } from '../../gateway/test/sharing-helpers.ts';
import { benchArgs, printResult, printTable, timed } from '../report.ts';

async function writeRandom(path: string, size: number): Promise<void> {
  const out = createWriteStream(path);
  for (let done = 0; done < size; ) {
    const chunk = randomBytes(Math.min(1 << 20, size - done));
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
    done += chunk.length;
  }
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
}

async function peakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakMB: number }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const value = await fn();
    return { value, peakMB: (peak - base) / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

export async function run(args: string[]): Promise<void> {
  const { size } = benchArgs(args, { size: 64 });
  const bytes = Math.round(size * 1024 * 1024);
  const gw = await startTestGateway();
  try {
    const [alice, bob] = [await gw.user('alice'), await gw.user('bob')];
    const a = await connectLocal(gw, alice, 'AliceDisk', { 'plain/.keep': '', 'secret/.keep': '' });
    for (const f of ['plain', 'secret']) {
      await mkdir(join(a.root, f), { recursive: true });
      await writeRandom(join(a.root, f, 'big.bin'), bytes);
    }
    await alice.ok('mutation($id: ID!) { scanRemote(id: $id) { entries } }', { id: a.remoteId });
    const b = await connectLocal(gw, bob, 'BobDisk', { 'mine.txt': 'bob' });
    const pass = 'bench passphrase';
    await alice.ok('mutation($p: String!) { generateMyKeyPair(passphrase: $p) { fingerprint } }', {
      p: pass,
    });
    await bob.ok('mutation($p: String!) { generateMyKeyPair(passphrase: $p) { fingerprint } }', { p: pass });
    const items = await all(alice, 'myDrive', `remoteId: "${a.remoteId}"`, 100);
    const id = (name: string) => items.find((n) => n.name === name)!.id;
    const bobEmail = await emailOf(bob);

    const shareAndAccept = async (folder: string, encrypted: boolean) => {
      const made = await alice.ok<{ shareWithUser: { share: { id: string } } }>(
        'mutation($f: ID!, $e: String!, $enc: Boolean) { shareWithUser(file: $f, email: $e, access: READ, encrypted: $enc) { share { id } } }',
        { f: id(folder), e: bobEmail, enc: encrypted },
      );
      const shareId = made.shareWithUser.share.id;
      const r = await peakRss(() =>
        timed(() =>
          bob.ok<{ acceptShare: { firstSync: { result: string } } }>(
            'mutation($id: ID!, $r: ID!, $p: String!) { acceptShare(id: $id, placement: SYNC, remote: $r, path: $p) { firstSync { result } } }',
            { id: shareId, r: b.remoteId, p: `in-${folder}` },
          ),
        ),
      );
      if (r.value.value.acceptShare.firstSync.result !== 'ok')
        throw new Error(`${folder}: first sync not ok`);
      return { shareId, ms: r.value.ms, peakMB: r.peakMB };
    };
    const plain = await shareAndAccept('plain', false);
    const enc = await shareAndAccept('secret', true);

    const dl = await peakRss(() =>
      timed(async () => {
        const res = await bob.fetch(`/user-shares/${enc.shareId}/encrypted?path=big.bin`);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return new Uint8Array(await res.arrayBuffer());
      }),
    );
    const { myKeyPair } = await bob.ok<{ myKeyPair: { privateKey: string } }>('{ myKeyPair { privateKey } }');
    const key = await openpgp.decryptKey({
      privateKey: await openpgp.readPrivateKey({ armoredKey: myKeyPair.privateKey }),
      passphrase: pass,
    });
    // Asked before the long decryption: an idle kept-alive connection may be closed meanwhile.
    const { userShare } = await bob.ok<{ userShare: { sessionKey: string } }>(
      'query($id: ID!) { userShare(id: $id) { sessionKey } }',
      { id: enc.shareId },
    );
    const dec = await timed(async () => {
      const { data } = await openpgp.decrypt({
        message: await openpgp.readMessage({ binaryMessage: dl.value.value }),
        decryptionKeys: key,
        format: 'binary',
      });
      return (data as Uint8Array).length;
    });
    if (dec.value !== bytes) throw new Error(`decrypted ${dec.value} bytes, want ${bytes}`);

    // A 1 MiB range from the middle, as the app reads it: with the file's index (only the
    // covering segments), and as for a file written before indexes (walked from the start).
    const [sk] = await openpgp.decryptSessionKeys({
      message: await openpgp.readMessage({ armoredMessage: userShare.sessionKey }),
      decryptionKeys: key,
    });
    const cfb = nodeCfb((sk as openpgp.SessionKey).data);
    const sha256Hex = async (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    const q = `/user-shares/${enc.shareId}/encrypted`;
    const source = async (): Promise<RangeSource> => {
      const info = (await (await bob.fetch(`${q}-index?path=big.bin`)).json()) as RangeSource & {
        etag: string;
      };
      return {
        size: info.size,
        segments: info.segments,
        fetch: async (start, end) => {
          const r = await bob.fetch(`${q}?path=big.bin`, {
            headers: { range: `bytes=${start}-${end === null ? '' : end - 1}`, 'if-range': info.etag },
          });
          if (r.status !== 206) throw new Error(`HTTP ${r.status}`);
          return r.body!;
        },
      };
    };
    const want = await readFile(join(a.root, 'secret', 'big.bin'));
    const mid = Math.floor(bytes / 2);
    const ranged = async () => {
      const r = await timed(async () =>
        decryptRange(await source(), cfb, sha256Hex, mid, mid + (1 << 20) - 1),
      );
      if (!Buffer.from(r.value.bytes).equals(want.subarray(mid, mid + (1 << 20))))
        throw new Error('ranged read: wrong bytes');
      return r;
    };
    const indexed = await ranged();
    const shareRaw = Buffer.from(enc.shareId, 'base64url').toString().split(':').pop();
    const table = `"${gw.names.pgSchema}".encrypted_share_files`;
    await gw.conn.pool.query(`UPDATE ${table} SET segments = NULL WHERE share_id = $1`, [shareRaw]);
    const unindexed = await ranged();

    const mbps = (ms: number) => size / (ms / 1000);
    printTable([
      { step: 'plain share, first sync (engine copy)', 'MB/s': mbps(plain.ms), 'peak RSS +MB': plain.peakMB },
      { step: 'encrypted share, first transfer', 'MB/s': mbps(enc.ms), 'peak RSS +MB': enc.peakMB },
      {
        step: 'recipient downloads ciphertext (buffered)',
        'MB/s': mbps(dl.value.ms),
        'peak RSS +MB': dl.peakMB,
      },
      { step: 'openpgp decrypt in Node (the app)', 'MB/s': mbps(dec.ms), 'peak RSS +MB': '' },
    ]);
    const MiB = 1024 * 1024;
    printTable([
      {
        'ranged read, 1 MiB from the middle': 'indexed (covering segments)',
        'ciphertext fetched MiB': indexed.value.cipherRead / MiB,
        ms: indexed.ms,
      },
      {
        'ranged read, 1 MiB from the middle': 'no index (walked from the start)',
        'ciphertext fetched MiB': unindexed.value.cipherRead / MiB,
        ms: unindexed.ms,
      },
    ]);
    printResult(
      'encshare',
      size,
      {
        plainMBps: mbps(plain.ms),
        encryptedMBps: mbps(enc.ms),
        encryptedPeakRssMB: enc.peakMB,
        plainPeakRssMB: plain.peakMB,
        downloadMBps: mbps(dl.value.ms),
        decryptMBps: mbps(dec.ms),
        rangeIndexedCipherMiB: indexed.value.cipherRead / MiB,
        rangeIndexedMs: indexed.ms,
        rangeUnindexedCipherMiB: unindexed.value.cipherRead / MiB,
        rangeUnindexedMs: unindexed.ms,
      },
      { encryptedVsPlainTime: enc.ms / plain.ms },
    );
  } finally {
    await gw.close();
  }
}
