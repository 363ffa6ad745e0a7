// `npm run bench -- links [--size MB]` (default 256): throughput of public share links against
// the real stack, one file of MB megabytes (random bytes) on a local remote and a folder of 8
// files of MB/8 each: an outsider's download through a link, beside the owner's authenticated
// download of the same file (the peer); the folder as a streamed zip; the PGP option (openpgp.js
// encrypting as it streams); the .torrent's piece hashing (first request; the next is cached);
// and aria2c fetching the file through the .torrent's web seed.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as openpgp from 'openpgp';
import { CONNECT } from '../../gateway/test/fixtures.ts';
import { startTestGateway } from '../../gateway/test/harness.ts';
import { createLink, nodeId } from '../../gateway/test/links-helpers.ts';
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

/** Reads a response to its end; returns the bytes seen (nothing kept). */
async function drain(res: Response): Promise<number> {
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
  let n = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) n += chunk.length;
  return n;
}

/** Runs `fn`, sampling this process's RSS (the gateway runs in it): the peak growth in MB. */
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
  const { size: mb } = benchArgs(args, { size: 256 });
  const bytes = Math.round(mb * 1024 * 1024);
  const gw = await startTestGateway();
  const work = await mkdtemp(join(tmpdir(), 'sox-bench-links-'));
  try {
    const owner = await gw.user('bench');
    const root = join(gw.localRoot, 'bench');
    await mkdir(join(root, 'folder'), { recursive: true });
    await writeRandom(join(root, 'big.bin'), bytes);
    for (let i = 0; i < 8; i++)
      await writeRandom(join(root, 'folder', `part-${i}.bin`), Math.round(bytes / 8));
    await owner.ok(CONNECT, { name: 'Bench', config: { type: 'local', root } });
    const fileId = await nodeId(owner, 'big.bin');
    const folderId = await nodeId(owner, 'folder');
    const link = await createLink(owner, fileId);
    const folderLink = await createLink(owner, folderId);
    const pgpLink = await createLink(owner, fileId, { requirePgp: true });
    const { contentUrl } = (
      await owner.ok<{ file: { contentUrl: string } }>('query($id: ID!) { file(id: $id) { contentUrl } }', {
        id: fileId,
      })
    ).file;

    const mbps = (n: number, ms: number) => n / 1024 / 1024 / (ms / 1000);
    const ownerDl = await timed(() => owner.fetch(contentUrl).then(drain));
    const linkDl = await timed(() => fetch(`${gw.base}/s/${link.token}/download`).then(drain));
    const zipRun = await peakRss(() =>
      timed(() => fetch(`${gw.base}/s/${folderLink.token}/zip`).then(drain)),
    );
    const zip = zipRun.value;

    const { publicKey } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ email: 'bench@example.test' }],
      format: 'armored',
    });
    const pgpRun = await peakRss(() =>
      timed(() =>
        fetch(`${gw.base}/s/${pgpLink.token}/pgp`, { method: 'POST', body: publicKey }).then(drain),
      ),
    );
    const pgp = pgpRun.value;
    const torrentFirst = await timed(() =>
      fetch(`${gw.base}/s/${link.token}/torrent`).then((r) => r.arrayBuffer()),
    );
    const torrentAgain = await timed(() =>
      fetch(`${gw.base}/s/${link.token}/torrent`).then((r) => r.arrayBuffer()),
    );
    await writeFile(join(work, 'big.torrent'), Buffer.from(torrentFirst.value));
    const aria = await timed(() =>
      promisify(execFile)(
        'aria2c',
        [
          `--dir=${join(work, 'out')}`,
          '--seed-time=0',
          '--enable-dht=false',
          '--enable-dht6=false',
          '--bt-enable-lpd=false',
          '--enable-peer-exchange=false',
          '--file-allocation=none',
          '--summary-interval=0',
          '--console-log-level=error',
          join(work, 'big.torrent'),
        ],
        { timeout: 30 * 60_000 },
      ),
    );

    const rows = [
      {
        what: "owner's download (REST, the peer)",
        MB: mb,
        ms: ownerDl.ms,
        'MB/s': mbps(ownerDl.value, ownerDl.ms),
      },
      { what: 'share link download', MB: mb, ms: linkDl.ms, 'MB/s': mbps(linkDl.value, linkDl.ms) },
      { what: 'folder as streamed zip (8 files)', MB: mb, ms: zip.ms, 'MB/s': mbps(zip.value, zip.ms) },
      { what: 'PGP-encrypted download', MB: mb, ms: pgp.ms, 'MB/s': mbps(bytes, pgp.ms) },
      {
        what: '.torrent, first (hashing pieces)',
        MB: mb,
        ms: torrentFirst.ms,
        'MB/s': mbps(bytes, torrentFirst.ms),
      },
      { what: '.torrent, again (cached)', MB: mb, ms: torrentAgain.ms, 'MB/s': 0 },
      { what: 'aria2c via web seed', MB: mb, ms: aria.ms, 'MB/s': mbps(bytes, aria.ms) },
    ];
    printTable(rows);
    console.log(
      `peak RSS growth of the process (gateway + client) during the zip: ${zipRun.peakMB.toFixed(0)} MB, during PGP: ${pgpRun.peakMB.toFixed(0)} MB`,
    );
    printResult(
      'links',
      mb,
      {
        ownerDownloadMBps: mbps(ownerDl.value, ownerDl.ms),
        linkDownloadMBps: mbps(linkDl.value, linkDl.ms),
        zipMBps: mbps(zip.value, zip.ms),
        pgpMBps: mbps(bytes, pgp.ms),
        torrentHashMBps: mbps(bytes, torrentFirst.ms),
        torrentCachedMs: torrentAgain.ms,
        aria2cMBps: mbps(bytes, aria.ms),
        zipPeakRssGrowthMB: zipRun.peakMB,
        pgpPeakRssGrowthMB: pgpRun.peakMB,
      },
      {
        linkVsOwnerDownloadTime: linkDl.ms / ownerDl.ms,
        zipVsLinkDownloadTime: zip.ms / linkDl.ms,
        pgpVsLinkDownloadTime: pgp.ms / linkDl.ms,
      },
    );
  } finally {
    await rm(work, { recursive: true, force: true });
    await gw.close();
  }
}
