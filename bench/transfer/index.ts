// `npm run bench -- transfer [--size N]`: local → S3 (S3Proxy) and local → SFTP (sshd), one big
// file (N MiB, default 1 GiB) and N×10 small files of 1–64 KiB (default 10,240), with our
// providers (16 small files at once; the big one streamed: S3 in parallel parts, SFTP with
// pipelined writes) and `rclone copy` of the same data to the same server in the same run.
// Prints a table, then one JSON line: {"bench":"transfer","size":N,"figures":{…},"ratios":{…}}.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalProvider, type Provider } from '@syncoxide/sync';
import PQueue from 'p-queue';
import { benchArgs, printResult, printTable, timed } from '../report.ts';
import { writeBigFile, writeSmallFiles } from './data.ts';
import { rcloneCopy } from './peers.ts';
import { s3Target, sftpTarget, type Target } from './targets.ts';

const MiB = 1024 * 1024;
const CONCURRENCY = 16;

async function copyTree(source: Provider, dest: Provider, dir: string): Promise<number> {
  const queue = new PQueue({ concurrency: CONCURRENCY });
  let files = 0;
  for await (const entry of source.list(dir)) {
    if (entry.kind !== 'file') continue;
    files++;
    // Back-pressure on the listing: never more than a few batches of work queued.
    if (queue.size > CONCURRENCY * 4) await queue.onSizeLessThan(CONCURRENCY * 2);
    void queue.add(async () => {
      const options = { size: entry.size, ...(entry.mtime !== null ? { mtime: entry.mtime } : {}) };
      await dest.write(entry.path, await source.read(entry.path), options);
    });
  }
  await queue.onIdle();
  return files;
}

async function count(p: Provider, dir: string): Promise<number> {
  let n = 0;
  for await (const e of p.list(dir)) if (e.kind === 'file') n++;
  return n;
}

export async function run(args: string[]): Promise<void> {
  const { size } = benchArgs(args, { size: 1024 });
  const bigBytes = Math.round(size * MiB);
  const smallCount = Math.max(1, Math.round(size * 10));
  const work = await mkdtemp(join(tmpdir(), 'syncoxide-bench-transfer-'));
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 200);
  try {
    const src = join(work, 'src');
    await mkdir(join(src, 'big'), { recursive: true });
    const gen = await timed(async () => {
      await writeBigFile(join(src, 'big', 'big.bin'), bigBytes);
      return writeSmallFiles(join(src, 'small'), smallCount);
    });
    const smallBytes = gen.value.bytes;
    console.log(
      `data: 1 file of ${(bigBytes / MiB).toFixed(0)} MiB, ${smallCount} files of 1–64 KiB ` +
        `(${(smallBytes / MiB).toFixed(1)} MiB) generated in ${(gen.ms / 1000).toFixed(1)} s at ${src}`,
    );
    const source = await createLocalProvider(src);
    const rows: Record<string, string | number>[] = [];
    const figures: Record<string, number> = {};
    const ratios: Record<string, number> = {};
    for (const make of [() => s3Target(), () => sftpTarget(work)]) {
      const target: Target = await make();
      try {
        // Untimed warm-up: S3Proxy is a JVM whose first thousands of requests run before its
        // JIT has compiled the hot paths; whoever went first would pay for it.
        await rcloneCopy(join(src, 'small'), target.rclone('warm-up'), [
          '--transfers',
          String(CONCURRENCY),
          ...target.flags,
        ]);
        const oursBig = await timed(() => copyTree(source, target.ours, 'big'));
        const rcloneBig = await rcloneCopy(join(src, 'big'), target.rclone('big'), target.flags);
        const oursSmall = await timed(() => copyTree(source, target.ours, 'small'));
        const rcloneSmall = await rcloneCopy(join(src, 'small'), target.rclone('small'), [
          '--transfers',
          String(CONCURRENCY),
          '--checkers',
          String(CONCURRENCY),
          ...target.flags,
        ]);
        const landed = await count(target.ours, 'small');
        if (landed !== smallCount)
          throw new Error(`${target.name}: ${landed} of ${smallCount} small files landed`);
        const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);
        const fps = (n: number, ms: number) => n / (ms / 1000);
        const t = target.name;
        figures[`${t}_big_ours_MBps`] = mbps(bigBytes, oursBig.ms);
        figures[`${t}_big_rclone_MBps`] = mbps(bigBytes, rcloneBig);
        figures[`${t}_small_ours_files_per_s`] = fps(smallCount, oursSmall.ms);
        figures[`${t}_small_rclone_files_per_s`] = fps(smallCount, rcloneSmall);
        ratios[`${t}_big_time_ours_over_rclone`] = oursBig.ms / rcloneBig;
        ratios[`${t}_small_time_ours_over_rclone`] = oursSmall.ms / rcloneSmall;
        rows.push(
          {
            target: t,
            data: 'big file',
            'ours s': oursBig.ms / 1000,
            'rclone s': rcloneBig / 1000,
            'ours MB/s': mbps(bigBytes, oursBig.ms),
            'rclone MB/s': mbps(bigBytes, rcloneBig),
            'ours files/s': fps(1, oursBig.ms),
            'rclone files/s': fps(1, rcloneBig),
            'time ratio': oursBig.ms / rcloneBig,
          },
          {
            target: t,
            data: `${smallCount} small`,
            'ours s': oursSmall.ms / 1000,
            'rclone s': rcloneSmall / 1000,
            'ours MB/s': mbps(smallBytes, oursSmall.ms),
            'rclone MB/s': mbps(smallBytes, rcloneSmall),
            'ours files/s': fps(smallCount, oursSmall.ms),
            'rclone files/s': fps(smallCount, rcloneSmall),
            'time ratio': oursSmall.ms / rcloneSmall,
          },
        );
      } finally {
        await target.stop();
      }
    }
    await source.close();
    clearInterval(sampler);
    figures.peak_rss_MiB = peakRss / MiB;
    console.log('');
    printTable(rows);
    console.log(
      `\ntime ratio = our time / rclone time (below 1: we are faster). MB = 10^6 bytes. ` +
        `Peak RSS of this process: ${(peakRss / MiB).toFixed(0)} MiB (flat: data is streamed).`,
    );
    printResult('transfer', size, figures, ratios);
  } finally {
    clearInterval(sampler);
    await rm(work, { recursive: true, force: true });
  }
}
