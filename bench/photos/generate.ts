// The benchmark's photos: N camera-like 12 MP JPEGs, generated once into
// $SYNCOXIDE_HOME/bench-data/photos (default ~/.syncoxide) and reused by later runs. Content is a
// smooth random scene with film grain, so files have the size and entropy of real photos.
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';

/** Bumped when the generator changes, so old sets are not mixed with new ones. */
const SET_VERSION = 1;

export function photosDir(): string {
  return join(
    process.env.SYNCOXIDE_HOME ?? join(homedir(), '.syncoxide'),
    'bench-data',
    'photos',
    `v${SET_VERSION}`,
  );
}

// A mix like a phone library: mostly 4:3, some held upright (EXIF orientation 6), some 3:2 and 16:9.
const SHAPES = [
  ...Array(14).fill({ width: 4000, height: 3000, orientation: 1 }),
  ...Array(3).fill({ width: 4000, height: 3000, orientation: 6 }),
  ...Array(2).fill({ width: 4240, height: 2832, orientation: 1 }),
  { width: 4608, height: 2592, orientation: 1 },
] as { width: number; height: number; orientation: number }[];
const CAMERAS = [
  ['Apple', 'iPhone 13'],
  ['samsung', 'SM-G991B'],
  ['Google', 'Pixel 7'],
  ['FUJIFILM', 'X-T4'],
];

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

async function makePhoto(index: number, path: string): Promise<void> {
  const rnd = random(index * 2654435761);
  const shape = SHAPES[index % SHAPES.length]!;
  const [make, model] = CAMERAS[index % CAMERAS.length]!;
  const { data, info } = await sharp(smallScene(rnd), { raw: { width: 160, height: 120, channels: 3 } })
    .resize(shape.width, shape.height, { fit: 'fill', kernel: 'cubic' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  addGrain(data, 20, index + 1);
  const day = new Date(Date.UTC(2020, 0, 1) + index * 7_200_000).toISOString();
  const exifDate = `${day.slice(0, 10).replaceAll('-', ':')} ${day.slice(11, 19)}`;
  const jpeg = await sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: shape.orientation })
    .withExifMerge({
      IFD0: { Make: make!, Model: model! },
      IFD2: { DateTimeOriginal: exifDate, OffsetTimeOriginal: '+01:00' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: `${40 + (index % 10)}/1 0/1 0/1`,
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 0/1 0/1',
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

export async function totalBytes(paths: string[]): Promise<number> {
  let total = 0;
  for (const p of paths) total += (await stat(p)).size;
  return total;
}
