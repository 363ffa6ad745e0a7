// The benchmark's photos: N camera-like 12 MP JPEGs, generated once into
// $SYNCOXIDE_HOME/bench-data/photos (default ~/.syncoxide) and reused by later runs. Content is a
// smooth random scene with film grain, so files have the size and entropy of real photos. Every
// file is its own: scene, grain, date, camera and place come from the photo's index; one photo in
// 40 is a burst frame of the one before (same scene, brightness and grain moved: a near-duplicate,
// never a byte copy). `assertDistinct` proves no two files are equal before a run counts them.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

/** Bumped when the generator changes, so old sets are not mixed with new ones. */
const SET_VERSION = 2;

export function photosDir(): string {
  return join(
    process.env.SYNCOXIDE_HOME ?? join(homedir(), '.syncoxide'),
    'bench-data',
    'photos',
    `v${SET_VERSION}`,
  );
}

// A mix like a phone library: mostly 4:3, some held upright (EXIF orientation 6 or 8), one
// upside down (3), some 3:2 and 16:9.
const SHAPES = [
  ...Array(13).fill({ width: 4000, height: 3000, orientation: 1 }),
  ...Array(2).fill({ width: 4000, height: 3000, orientation: 6 }),
  { width: 4000, height: 3000, orientation: 8 },
  { width: 4000, height: 3000, orientation: 3 },
  ...Array(2).fill({ width: 4240, height: 2832, orientation: 1 }),
  { width: 4608, height: 2592, orientation: 1 },
] as { width: number; height: number; orientation: number }[];
const CAMERAS = [
  ['Apple', 'iPhone 13', 'iPhone 13 back dual wide camera 5.1mm f/1.6'],
  ['samsung', 'SM-G991B', 'Samsung S5KGN3 4.3mm f/1.8'],
  ['Google', 'Pixel 7', 'Pixel 7 back camera 6.81mm f/1.85'],
  ['FUJIFILM', 'X-T4', 'XF18-55mmF2.8-4 R LM OIS'],
  ['Canon', 'Canon EOS R6', 'RF24-105mm F4 L IS USM'],
];
/** One photo in BURST_EVERY is a burst frame of the photo before it. */
const BURST_EVERY = 40;

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 160 × 120 scene of waves and blobs; upscaled, it becomes the photo's large shapes. */
function smallScene(rnd: () => number, width = 160, height = 120): Buffer {
  const px = Buffer.alloc(width * height * 3);
  const waves = Array.from(
    { length: 5 },
    () => [rnd() * 4, rnd() * 4, rnd() * 6.28, Math.floor(rnd() * 3)] as const,
  );
  const blobs = Array.from({ length: 8 }, () => [
    rnd() * width,
    rnd() * height,
    8 + rnd() * 40,
    rnd() * 255,
    rnd() * 255,
    rnd() * 255,
  ]);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = [110, 110, 110];
      for (const [fx, fy, ph, ch] of waves)
        c[ch]! += 60 * Math.sin(6.28 * ((fx * x) / width + (fy * y) / height) + ph);
      for (const [bx, by, r, ...rgb] of blobs) {
        const d = ((x - bx!) ** 2 + (y - by!) ** 2) / r! ** 2;
        if (d < 1) for (let i = 0; i < 3; i++) c[i] = c[i]! * d + rgb[i]! * (1 - d);
      }
      for (let i = 0; i < 3; i++) px[(y * width + x) * 3 + i] = Math.max(0, Math.min(255, c[i]!));
    }
  }
  return px;
}

function addGrain(pixels: Buffer, amplitude: number, seed: number): void {
  let s = seed | 1;
  for (let i = 0; i < pixels.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    pixels[i] = Math.max(0, Math.min(255, pixels[i]! + ((s >>> 0) % (amplitude + 1)) - amplitude / 2));
  }
}

function brighten(pixels: Buffer, by: number): void {
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.max(0, Math.min(255, pixels[i]! + by));
}

const exifDateOf = (ms: number) => {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10).replaceAll('-', ':')} ${iso.slice(11, 19)}`;
};
const dms = (deg: number) => {
  const d = Math.floor(deg);
  const m = Math.floor((deg - d) * 60);
  return `${d}/1 ${m}/1 ${Math.round(((deg - d) * 60 - m) * 6000)}/100`;
};

async function makePhoto(index: number, path: string): Promise<void> {
  const burst = index % BURST_EVERY === BURST_EVERY - 1;
  // A burst frame shares the scene (seed and shape) of the photo before it.
  const sceneIndex = burst ? index - 1 : index;
  const rnd = random(sceneIndex * 2654435761);
  const shape = SHAPES[sceneIndex % SHAPES.length]!;
  const [make, model, lens] = CAMERAS[Math.floor(sceneIndex / 7) % CAMERAS.length]!;
  // Linear rather than cubic upscaling: the grain carries the detail, and it is a third cheaper.
  const { data, info } = await sharp(smallScene(rnd), { raw: { width: 160, height: 120, channels: 3 } })
    .resize(shape.width, shape.height, { fit: 'fill', kernel: 'linear' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (burst) brighten(data, 3);
  addGrain(data, 20, index + 1);
  // Spread over six years at uneven gaps; a burst frame is 1 s after its first frame.
  const taken =
    Date.UTC(2019, 0, 1) + sceneIndex * 7_200_000 + Math.floor(rnd() * 3_600_000) + (burst ? 1000 : 0);
  const jpeg = await sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } })
    .jpeg({ quality: 88 + (index % 5) })
    .withMetadata({ orientation: shape.orientation })
    .withExifMerge({
      IFD0: { Make: make!, Model: model!, Software: `bench-photos v${SET_VERSION}` },
      IFD2: {
        DateTimeOriginal: exifDateOf(taken),
        OffsetTimeOriginal: index % 3 === 0 ? '+01:00' : '-05:00',
        LensModel: lens!,
        ISOSpeedRatings: String(50 + Math.floor(rnd() * 32) * 50),
        ImageUniqueID: createHash('md5').update(`bench-photos-${SET_VERSION}-${index}`).digest('hex'),
      },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: dms(35 + rnd() * 20),
        GPSLongitudeRef: 'E',
        GPSLongitude: dms(rnd() * 20),
      },
    })
    .toBuffer();
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, jpeg);
  await rename(temp, path);
}

/** Paths of `count` photos, generating the missing ones `concurrency` at a time. */
export async function ensurePhotos(
  count: number,
  concurrency: number,
  onProgress?: (made: number, missing: number) => void,
): Promise<string[]> {
  const dir = photosDir();
  await mkdir(dir, { recursive: true });
  const paths = Array.from({ length: count }, (_, i) => join(dir, `p${String(i).padStart(5, '0')}.jpg`));
  const missing = paths.map((p, i) => [p, i] as const).filter(([p]) => !existsSync(p));
  let next = 0;
  let made = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, missing.length) }, async () => {
      while (next < missing.length) {
        const [path, index] = missing[next++]!;
        try {
          await makePhoto(index, path);
        } catch (err) {
          await rm(`${path}.${process.pid}.tmp`, { force: true });
          throw err;
        }
        onProgress?.(++made, missing.length);
      }
    }),
  );
  return paths;
}

/** Throws when two of the files have the same bytes (a set must not count one photo twice). */
export async function assertDistinct(paths: string[]): Promise<void> {
  const seen = new Map<string, string>();
  for (const path of paths) {
    const hash = createHash('sha1');
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }))
      hash.update(chunk as Buffer);
    const digest = hash.digest('hex');
    const earlier = seen.get(digest);
    if (earlier) throw new Error(`${path} has the same bytes as ${earlier}: regenerate the set`);
    seen.set(digest, path);
  }
}

export async function totalBytes(paths: string[]): Promise<number> {
  let total = 0;
  for (const p of paths) total += (await stat(p)).size;
  return total;
}
