// Perceptual hash (dHash, 64 bits): shrink to 9×8 grey, one bit per horizontal neighbour pair
// ("is the left pixel brighter?"). It survives resizing, re-encoding and small shifts, which
// change pixels but not the coarse light/dark layout; different scenes differ in ~half the bits.
import type { Sharp } from 'sharp';

/** 16 lowercase hex digits. */
export type PHash = string;

const W = 9;
const H = 8;

/** dHash of 9×8 grey pixels (row-major, one byte each). */
export function dhashOfGrey(pixels: Uint8Array): PHash {
  if (pixels.length !== W * H) throw new Error(`dHash needs ${W * H} grey pixels, got ${pixels.length}`);
  let bits = 0n;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W - 1; x++) {
      bits = (bits << 1n) | (pixels[y * W + x]! > pixels[y * W + x + 1]! ? 1n : 0n);
    }
  }
  return bits.toString(16).padStart(16, '0');
}

/** dHash of an image pipeline (already oriented: a rotated copy must hash like the original). */
export async function dhash(image: Sharp): Promise<PHash> {
  // 'fill' ignores the aspect ratio on purpose: a crop-free resized copy lands on the same grid.
  const grey = await image.greyscale().resize(W, H, { fit: 'fill', kernel: 'cubic' }).raw().toBuffer();
  return dhashOfGrey(grey);
}

const POPCOUNT = new Uint8Array(256).map((_, i) => {
  let n = 0;
  for (let v = i; v; v >>= 1) n += v & 1;
  return n;
});

/** Number of differing bits between two hashes. */
export function hamming(a: PHash, b: PHash): number {
  let distance = 0;
  for (let i = 0; i < 16; i += 2) {
    distance += POPCOUNT[Number.parseInt(a.slice(i, i + 2), 16) ^ Number.parseInt(b.slice(i, i + 2), 16)]!;
  }
  return distance;
}
