// Test images made with sharp: smooth random scenes (so perceptual hashes mean something),
// four-colour quadrant cards (so a sampled pixel proves which way an image was turned), and
// EXIF written into them the way cameras do.
import sharp, { type Sharp } from 'sharp';

export type RGB = [number, number, number];

/** Top-left, top-right, bottom-left, bottom-right, as displayed. */
export const QUADRANTS: RGB[] = [
  [220, 30, 30], // red
  [30, 200, 30], // green
  [30, 30, 220], // blue
  [230, 210, 20], // yellow
];

/** A width × height card with QUADRANTS colours, as raw RGB. */
export function quadrantPixels(width: number, height: number): Buffer {
  const px = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const q = (y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1);
      px.set(QUADRANTS[q]!, (y * width + x) * 3);
    }
  }
  return px;
}

export function quadrants(width: number, height: number): Sharp {
  return sharp(quadrantPixels(width, height), { raw: { width, height, channels: 3 } });
}

/** Deterministic pseudo-random numbers (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A smooth random scene of width × height: a few overlapping waves and blobs in colour.
 * `shift` moves the scene by that many pixels (a burst's next frame); `noise` adds grain.
 */
export function scenePixels(
  seed: number,
  width: number,
  height: number,
  options: { shift?: number; noise?: number } = {},
): Buffer {
  const rnd = random(seed);
  const waves = Array.from({ length: 4 }, () => ({
    fx: (rnd() * 3 + 0.5) / width,
    fy: (rnd() * 3 + 0.5) / height,
    phase: rnd() * Math.PI * 2,
    channel: Math.floor(rnd() * 3),
  }));
  const blobs = Array.from({ length: 5 }, () => ({
    cx: rnd() * width,
    cy: rnd() * height,
    r: (0.1 + rnd() * 0.25) * Math.min(width, height),
    colour: [rnd() * 255, rnd() * 255, rnd() * 255],
  }));
  const grain = random(seed * 7919 + 1);
  const shift = options.shift ?? 0;
  const noise = options.noise ?? 0;
  const px = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x0 = 0; x0 < width; x0++) {
      const x = x0 + shift;
      const c = [96, 96, 96];
      for (const w of waves) c[w.channel]! += 70 * Math.sin(2 * Math.PI * (w.fx * x + w.fy * y) + w.phase);
      for (const b of blobs) {
        const d2 = ((x - b.cx) ** 2 + (y - b.cy) ** 2) / (b.r * b.r);
        if (d2 < 1) for (let i = 0; i < 3; i++) c[i] = c[i]! * d2 + b.colour[i]! * (1 - d2);
      }
      const o = (y * width + x0) * 3;
      for (let i = 0; i < 3; i++) px[o + i] = Math.max(0, Math.min(255, c[i]! + (grain() - 0.5) * noise));
    }
  }
  return px;
}

export function scene(
  seed: number,
  width: number,
  height: number,
  options: { shift?: number; noise?: number } = {},
): Sharp {
  return sharp(scenePixels(seed, width, height, options), { raw: { width, height, channels: 3 } });
}

/** The EXIF a test writes and expects back. */
export interface CameraExif {
  make?: string;
  model?: string;
  lens?: string;
  /** "YYYY:MM:DD HH:MM:SS" */
  dateTimeOriginal?: string;
  offset?: string;
  lat?: number;
  lon?: number;
  iso?: number;
  /** e.g. "1/250" */
  exposure?: string;
  fNumber?: number;
  focalLength?: number;
}

function dms(value: number): string {
  const abs = Math.abs(value);
  const deg = Math.floor(abs);
  const min = Math.floor((abs - deg) * 60);
  const sec = Math.round(((abs - deg) * 60 - min) * 60 * 10000);
  return `${deg}/1 ${min}/1 ${sec}/10000`;
}

/** Adds camera EXIF (and the orientation tag, if given) to a pipeline about to be encoded. */
export function withCameraExif(image: Sharp, exif: CameraExif, orientation?: number): Sharp {
  const ifd0: Record<string, string> = {};
  const ifd2: Record<string, string> = {};
  const ifd3: Record<string, string> = {};
  if (exif.make) ifd0.Make = exif.make;
  if (exif.model) ifd0.Model = exif.model;
  if (exif.lens) ifd2.LensModel = exif.lens;
  if (exif.dateTimeOriginal) ifd2.DateTimeOriginal = exif.dateTimeOriginal;
  if (exif.offset) ifd2.OffsetTimeOriginal = exif.offset;
  if (exif.iso) ifd2.ISOSpeedRatings = String(exif.iso);
  if (exif.exposure) ifd2.ExposureTime = exif.exposure;
  if (exif.fNumber) ifd2.FNumber = `${Math.round(exif.fNumber * 10)}/10`;
  if (exif.focalLength) ifd2.FocalLength = `${exif.focalLength}/1`;
  if (exif.lat !== undefined && exif.lon !== undefined) {
    ifd3.GPSLatitudeRef = exif.lat >= 0 ? 'N' : 'S';
    ifd3.GPSLatitude = dms(exif.lat);
    ifd3.GPSLongitudeRef = exif.lon >= 0 ? 'E' : 'W';
    ifd3.GPSLongitude = dms(exif.lon);
  }
  const out = image.withExifMerge({ IFD0: ifd0, IFD2: ifd2, IFD3: ifd3 });
  return orientation ? out.withMetadata({ orientation }) : out;
}

/**
 * An image that displays as `canonical` once EXIF `orientation` is applied: the stored pixels
 * are the canonical ones turned the other way, as a camera held sideways stores them.
 */
export async function orientedJpeg(canonical: Sharp, orientation: 1 | 3 | 6 | 8): Promise<Buffer> {
  const undo = { 1: 0, 3: 180, 6: 270, 8: 90 }[orientation];
  const stored = await canonical.rotate(undo).png().toBuffer();
  return sharp(stored).jpeg({ quality: 95 }).withMetadata({ orientation }).toBuffer();
}

/** RGB of the pixel at (x, y) of an encoded image. */
export async function pixelAt(image: Buffer, x: number, y: number): Promise<RGB> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const o = (y * info.width + x) * info.channels;
  return [data[o]!, data[o + 1]!, data[o + 2]!];
}

/** Is `actual` within `tolerance` of `expected` in every channel? */
export function near(actual: RGB, expected: RGB, tolerance = 40): boolean {
  return actual.every((v, i) => Math.abs(v - expected[i]!) <= tolerance);
}

/** Adds uniform grain of ±amplitude/2 in place (xorshift: fast enough for tens of megapixels). */
export function addGrain(pixels: Buffer, amplitude: number, seed = 12345): void {
  let s = seed | 0;
  for (let i = 0; i < pixels.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const v = pixels[i]! + (((s >>> 0) % (amplitude + 1)) - amplitude / 2);
    pixels[i] = Math.max(0, Math.min(255, v));
  }
}
