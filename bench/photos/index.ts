// `npm run bench -- photos [--size N] [--concurrency=C] [--passes=full,thumb]`: renditions per second for N camera-like
// 12 MP JPEGs (default 1,000), each streamed from disk, decoded once, encoded to the default set
// (thumb WebP+AVIF, preview WebP+AVIF, large WebP) and stored in a folder cache; then the same
// photos for grid thumbnails alone. C images at a time (default 2: the machine's cores).
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  cacheKey,
  DEFAULT_RENDITIONS,
  FolderStore,
  processImage,
  type RenditionSpec,
} from '@syncoxide/photos';
import { benchArgs, printResult, printTable } from '../report.js';
import { assertDistinct, ensurePhotos, photosDir, totalBytes } from './generate.js';

interface Pass {
  label: string;
  photos: number;
  renditions: number;
  seconds: number;
  p50: number;
  p95: number;
  peakRssMb: number;
  baseRssMb: number;
  /** CPU time (all threads) per photo: unlike wall time, barely moved by other work on the machine. */
  cpuMsPerPhoto: number;
  /** The machine's 1-minute load average at the pass's start and end: how shared the cores were. */
  loadBefore: number;
  loadAfter: number;
}

const mb = (bytes: number) => bytes / 1048576;

async function pass(
  label: string,
  paths: string[],
  specs: RenditionSpec[],
  concurrency: number,
): Promise<Pass> {
  const cacheDir = await mkdtemp(join(tmpdir(), 'syncoxide-bench-photos-'));
  const store = new FolderStore(cacheDir);
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 10);
  const loadBefore = loadavg()[0]!;
  const latencies: number[] = [];
  let renditions = 0;
  let next = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < paths.length) {
          const index = next++;
          const started = performance.now();
          const source = createReadStream(paths[index]!, { highWaterMark: 256 * 1024 });
          const result = await processImage(source, { renditions: specs, label: paths[index] });
          const nodeId = `bench-${index}`;
          for (const r of result.renditions) {
            await store.put(
              cacheKey({ nodeId, contentTag: `bench:${index}`, size: r.size, format: r.format }),
              r.data,
            );
          }
          renditions += result.renditions.length;
          latencies.push(performance.now() - started);
        }
      }),
    );
  } finally {
    clearInterval(sampler);
    await rm(cacheDir, { recursive: true, force: true });
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return {
    label,
    photos: paths.length,
    renditions,
    seconds,
    p50: at(0.5),
    p95: at(0.95),
    peakRssMb: mb(Math.max(peakRss, process.memoryUsage().rss)),
    baseRssMb: mb(baseRss),
    cpuMsPerPhoto: (cpu.user + cpu.system) / 1000 / paths.length,
    loadBefore,
    loadAfter: loadavg()[0]!,
  };
}

export async function run(args: string[]): Promise<void> {
  const { size, values } = benchArgs(args, { size: 1000 });
  const concurrency = typeof values.concurrency === 'string' ? Number(values.concurrency) : 2;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new Error('--concurrency must be a positive integer');

  console.log(`photos: ${size} JPEGs of 12 MP in ${photosDir()} (generated once, reused)`);
  const g0 = performance.now();
  let lastShown = 0;
  const paths = await ensurePhotos(size, concurrency, (made, missing) => {
    if (made === missing || performance.now() - lastShown > 10_000) {
      lastShown = performance.now();
      console.log(`  generated ${made}/${missing} (${Math.round((performance.now() - g0) / 1000)} s)`);
    }
  });
  await assertDistinct(paths);
  const inputMb = mb(await totalBytes(paths));
  const [load1] = loadavg();
  console.log(
    `  ${paths.length} distinct files (no two with the same bytes), ${inputMb.toFixed(0)} MiB of JPEG; ${concurrency} at a time; load average ${load1!.toFixed(1)} on ${cpus().length} cores\n`,
  );

  const thumbOnly: RenditionSpec[] = [{ size: 'thumb', edge: 256, square: true, formats: ['webp'] }];
  // --passes=thumb runs only the grid thumbnail pass (what a timeline needs first): the default
  // set costs ~10× the CPU and does not fit a loaded machine's afternoon at 1,000 photos.
  const wanted = typeof values.passes === 'string' ? values.passes.split(',') : ['full', 'thumb'];
  const passes: Pass[] = [];
  if (wanted.includes('full'))
    passes.push(await pass('default set (5 renditions)', paths, DEFAULT_RENDITIONS, concurrency));
  if (wanted.includes('thumb'))
    passes.push(await pass('grid thumb only (256 WebP)', paths, thumbOnly, concurrency));
  if (passes.length === 0) throw new Error('--passes takes full, thumb or full,thumb');
  printTable(
    passes.map((p) => ({
      pass: p.label,
      photos: p.photos,
      'photos/s': p.photos / p.seconds,
      'renditions/s': p.renditions / p.seconds,
      'input MiB/s': inputMb / p.seconds,
      'p50 ms': Math.round(p.p50),
      'p95 ms': Math.round(p.p95),
      'CPU ms/photo': Math.round(p.cpuMsPerPhoto),
      'peak RSS MiB': Math.round(p.peakRssMb),
      'RSS before MiB': Math.round(p.baseRssMb),
      load: `${p.loadBefore.toFixed(1)}→${p.loadAfter.toFixed(1)}`,
    })),
  );
  const full = passes.find((p) => p.label.startsWith('default'));
  const thumbs = passes.find((p) => p.label.startsWith('grid'));
  printResult('photos', size, {
    ...(full
      ? {
          photos_per_s: round(full.photos / full.seconds),
          renditions_per_s: round(full.renditions / full.seconds),
          p50_ms: Math.round(full.p50),
          p95_ms: Math.round(full.p95),
          cpu_ms_per_photo: Math.round(full.cpuMsPerPhoto),
        }
      : {}),
    ...(thumbs
      ? {
          thumbs_only_per_s: round(thumbs.photos / thumbs.seconds),
          thumbs_only_p50_ms: Math.round(thumbs.p50),
          thumbs_only_p95_ms: Math.round(thumbs.p95),
          thumbs_only_cpu_ms_per_photo: Math.round(thumbs.cpuMsPerPhoto),
        }
      : {}),
    peak_rss_mb: Math.round(Math.max(...passes.map((p) => p.peakRssMb))),
    input_mb: Math.round(inputMb),
    concurrency,
    load_average: round(loadavg()[0]!),
    load_average_max: round(Math.max(...passes.flatMap((p) => [p.loadBefore, p.loadAfter]))),
  });
}

const round = (n: number) => Math.round(n * 100) / 100;
