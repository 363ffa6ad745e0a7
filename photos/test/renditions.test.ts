// Renditions from real encoded images: upright whatever the EXIF orientation, every input
// format libvips decodes here, a large panorama in modest memory, and clear failures.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import sharp, { type Sharp } from 'sharp';
import { DEFAULT_RENDITIONS, processImage, type Rendition } from '../src/index.js';
import { addGrain, near, orientedJpeg, pixelAt, QUADRANTS, quadrants, scene } from './helpers/images.js';

/** Streams a buffer in small chunks, the way a provider's read does. */
function streamOf(data: Buffer, chunk = 16 * 1024): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < data.length; i += chunk) yield data.subarray(i, i + chunk);
    })(),
  );
}

const find = (rs: Rendition[], size: string, format: string) =>
  rs.find((r) => r.size === size && r.format === format)!;

/** Samples the four quadrant centres of an image and checks they show QUADRANTS in order. */
async function assertUpright(image: Buffer, width: number, height: number, label: string) {
  const points = [
    [width / 4, height / 4],
    [(3 * width) / 4, height / 4],
    [width / 4, (3 * height) / 4],
    [(3 * width) / 4, (3 * height) / 4],
  ];
  for (const [i, [x, y]] of points.entries()) {
    const rgb = await pixelAt(image, Math.floor(x!), Math.floor(y!));
    assert.ok(near(rgb, QUADRANTS[i]!), `${label}: quadrant ${i} is ${rgb}, expected ${QUADRANTS[i]}`);
  }
}

describe('EXIF orientation', () => {
  for (const orientation of [1, 3, 6, 8] as const) {
    test(`orientation ${orientation}: renditions come out upright, ${orientation >= 5 ? 'sides swapped' : 'same sides'}`, async () => {
      // Displays as 1200 × 800 landscape; stored as 800 × 1200 for 6 and 8.
      const file = await orientedJpeg(quadrants(1200, 800), orientation);
      const stored = await sharp(file).metadata();
      assert.equal(stored.width, orientation >= 5 ? 800 : 1200);

      const { image, renditions } = await processImage(streamOf(file));
      assert.equal(image.orientation, orientation);
      assert.deepEqual([image.width, image.height], [1200, 800]);

      const preview = find(renditions, 'preview', 'webp');
      assert.deepEqual([preview.width, preview.height], [1024, 683]);
      await assertUpright(preview.data, preview.width, preview.height, `preview o=${orientation}`);
      const thumb = find(renditions, 'thumb', 'avif');
      assert.deepEqual([thumb.width, thumb.height], [256, 256]);
      await assertUpright(thumb.data, 256, 256, `thumb o=${orientation}`);
      // Renditions carry no metadata: no orientation to apply twice, no GPS to leak.
      const meta = await sharp(preview.data).metadata();
      assert.equal(meta.orientation, undefined);
      assert.equal(meta.exif, undefined);
    });
  }
});

describe('input formats', () => {
  const encoders = {
    png: (s: Sharp) => s.png(),
    webp: (s: Sharp) => s.webp({ quality: 90 }),
    gif: (s: Sharp) => s.gif(),
    tiff: (s: Sharp) => s.tiff(),
    avif: (s: Sharp) => s.avif({ quality: 70, effort: 0 }),
  };
  for (const [name, encode] of Object.entries(encoders)) {
    test(`${name} input gives every rendition`, async () => {
      const file = await encode(quadrants(640, 480)).toBuffer();
      const { image, renditions, phash } = await processImage(streamOf(file));
      assert.deepEqual([image.width, image.height], [640, 480]);
      assert.equal(
        renditions.length,
        DEFAULT_RENDITIONS.reduce((n, s) => n + s.formats.length, 0),
      );
      // Smaller than 1024: previews are not enlarged.
      const preview = find(renditions, 'preview', 'webp');
      assert.deepEqual([preview.width, preview.height], [640, 480]);
      assert.equal((await sharp(find(renditions, 'thumb', 'avif').data).metadata()).format, 'heif');
      await assertUpright(preview.data, 640, 480, name);
      assert.match(phash, /^[0-9a-f]{16}$/);
    });
  }

  test('an alpha channel survives into WebP renditions', async () => {
    const file = await sharp({
      create: { width: 300, height: 200, channels: 4, background: { r: 255, g: 0, b: 0, alpha: 0.5 } },
    })
      .png()
      .toBuffer();
    const { renditions } = await processImage(streamOf(file));
    assert.equal((await sharp(find(renditions, 'preview', 'webp').data).metadata()).hasAlpha, true);
  });
});

test('a 12000 × 2000 panorama is thumbnailed in modest memory', async () => {
  // A smooth scene blown up to 24 MP with film grain, so the JPEG is the size a camera makes.
  const { data, info } = await scene(5, 1200, 200)
    .resize(12000, 2000, { kernel: 'linear' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  addGrain(data, 24);
  const file = join(await mkdtemp(join(tmpdir(), 'syncoxide-photos-pano-')), 'pano.jpg');
  await sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } })
    .jpeg({ quality: 90 })
    .toFile(file);
  try {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('./helpers/measure-child.ts', import.meta.url)), file],
      // As the worker is meant to run (README): fewer glibc arenas, less fragmentation per thread.
      { encoding: 'utf8', env: { ...process.env, MALLOC_ARENA_MAX: '2' } },
    );
    assert.equal(child.status, 0, child.stderr);
    const result = JSON.parse(child.stdout.trim().split('\n').pop()!);
    const mb = (kb: number) => Math.round(kb / 1024);
    const grew = mb(result.peakKb - result.baselineKb);
    console.log(
      `panorama 12000x2000 (${Math.round((await stat(file)).size / 1048576)} MiB JPEG): ${Math.round(result.ms)} ms, ` +
        `peak RSS ${mb(result.peakKb)} MiB (+${grew} MiB over the idle process; one decoded RGB frame is 69 MiB)`,
    );
    assert.deepEqual([result.width, result.height], [12000, 2000]);
    const large = result.renditions.find((r: { size: string }) => r.size === 'large');
    assert.deepEqual([large.width, large.height], [2048, 341]);
    // Shrink-on-load and sequential reads keep the whole job below one full decoded frame.
    assert.ok(grew < 69, `peak RSS grew by ${grew} MiB`);
  } finally {
    await rm(dirname(file), { recursive: true, force: true });
  }
});

describe('failures are coded errors', () => {
  test('not an image: UNSUPPORTED', async () => {
    await assert.rejects(processImage(streamOf(Buffer.from('just some text, long enough to look at'))), {
      code: 'UNSUPPORTED',
    });
  });

  test('a truncated JPEG: CORRUPTED', async () => {
    const file = await scene(1, 400, 300, { noise: 30 }).jpeg().toBuffer();
    await assert.rejects(processImage(streamOf(file.subarray(0, file.length / 2))), { code: 'CORRUPTED' });
  });

  test('too many pixels or bytes: INVALID_INPUT, before decoding', async () => {
    const file = await quadrants(400, 300).jpeg().toBuffer();
    const limits = { maxInputPixels: 1000, maxInputBytes: 10_000_000 };
    await assert.rejects(processImage(streamOf(file), { limits }), { code: 'INVALID_INPUT' });
    const bytes = { maxInputPixels: 1e8, maxInputBytes: 1000 };
    await assert.rejects(processImage(streamOf(file, 512), { limits: bytes }), { code: 'INVALID_INPUT' });
  });

  test('a source that fails mid-stream fails the work with a retriable error', async () => {
    const file = await quadrants(400, 300).jpeg().toBuffer();
    const source = Readable.from(
      (async function* () {
        yield file.subarray(0, 1000);
        throw new Error('connection reset');
      })(),
    );
    await assert.rejects(processImage(source), { code: 'NETWORK', retriable: true });
  });
});
