// `npm run bench -- encshare [--size MB]` (default 64): an encrypted share between two users
// against the real stack (local remotes), one file of MB megabytes (random bytes): the first
// transfer of the encrypted share (openpgp encrypting as it streams into bob's remote) beside
// the first sync of a plain read-only share of the same bytes (the sync engine copying: the
// peer), each with the peak RSS growth of this process (the gateway runs in it); then the app
// side: bob's download of the ciphertext and its decryption with openpgp in Node.

import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
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
    const dec = await timed(async () => {
      const { data } = await openpgp.decrypt({
        message: await openpgp.readMessage({ binaryMessage: dl.value.value }),
        decryptionKeys: key,
        format: 'binary',
      });
      return (data as Uint8Array).length;
    });
    if (dec.value !== bytes) throw new Error(`decrypted ${dec.value} bytes, want ${bytes}`);

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
      },
      { encryptedVsPlainTime: enc.ms / plain.ms },
    );
  } finally {
    await gw.close();
  }
}
