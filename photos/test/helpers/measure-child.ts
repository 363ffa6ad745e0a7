// Run as a child process: makes the renditions of one image file, streamed from disk, and
// prints peak RSS before and after as JSON. A fresh process, so the peak is this image's alone.
import { createReadStream } from 'node:fs';
import { processImage } from '../../src/index.js';

const file = process.argv[2]!;
// Sampled RSS (libvips works on its own threads, so the event loop is free to sample): the
// process's lifetime maximum would be the TypeScript loader's start-up peak instead.
const kb = () => Math.round(process.memoryUsage().rss / 1024);
const baselineKb = kb();
let peakKb = baselineKb;
const sampler = setInterval(() => {
  peakKb = Math.max(peakKb, kb());
}, 2);
const t0 = performance.now();
const { image, renditions } = await processImage(createReadStream(file, { highWaterMark: 256 * 1024 }));
const ms = performance.now() - t0;
clearInterval(sampler);
peakKb = Math.max(peakKb, kb());
console.log(
  JSON.stringify({
    baselineKb,
    peakKb,
    ms,
    width: image.width,
    height: image.height,
    renditions: renditions.map((r) => ({ size: r.size, format: r.format, width: r.width, height: r.height })),
  }),
);
