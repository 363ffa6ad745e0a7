// Near-duplicates on real images: a resized copy, a re-encoded copy and a burst of slightly
// shifted frames group with their original; different scenes stay apart.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { groupNearDuplicates, hamming, processImage } from '../src/index.js';
import { scene } from './helpers/images.js';

async function phashOf(file: Buffer): Promise<string> {
  return (await processImage(Readable.from([file]), { renditions: [] })).phash;
}

test('copies and bursts group together, unrelated photos do not', async () => {
  const original = await scene(10, 800, 600, { noise: 12 }).jpeg({ quality: 90 }).toBuffer();
  const files: Record<string, Buffer> = {
    original,
    resized: await scene(10, 800, 600, { noise: 12 }).resize(400, 300).webp({ quality: 80 }).toBuffer(),
    reencoded: await scene(10, 800, 600, { noise: 12 }).jpeg({ quality: 35 }).toBuffer(),
  };
  // A burst: each frame the camera panned 16 px (2%) further; the last is 48 px from the first.
  for (const n of [1, 2, 3]) {
    files[`burst-${n}`] = await scene(10, 800, 600, { shift: 16 * n, noise: 12 })
      .jpeg({ quality: 90 })
      .toBuffer();
  }
  for (const seed of [11, 12, 13, 14, 15, 16]) {
    files[`other-${seed}`] = await scene(seed, 800, 600, { noise: 12 }).jpeg({ quality: 90 }).toBuffer();
  }
  const hashed = [];
  for (const [id, file] of Object.entries(files)) hashed.push({ id, phash: await phashOf(file) });

  const base = hashed[0]!.phash;
  const distances = Object.fromEntries(hashed.map((h) => [h.id, hamming(base, h.phash)]));
  const byId = Object.fromEntries(hashed.map((h) => [h.id, h.phash]));
  const steps = [1, 2, 3].map((n) =>
    hamming(byId[n === 1 ? 'original' : `burst-${n - 1}`]!, byId[`burst-${n}`]!),
  );
  console.log('distance from the original:', distances, 'burst frame to frame:', steps);

  const groups = groupNearDuplicates(hashed);
  assert.deepEqual(groups, [['original', 'resized', 'reencoded', 'burst-1', 'burst-2', 'burst-3']]);
  // The margin is real, not luck: copies are close, unrelated scenes far.
  for (const id of ['resized', 'reencoded']) assert.ok(distances[id]! <= 4, `${id}: ${distances[id]}`);
  for (const seed of [11, 12, 13, 14, 15, 16]) assert.ok(distances[`other-${seed}`]! > 16, `other-${seed}`);
});

test('a rotated copy (EXIF or pixels) hashes like the upright original', async () => {
  const upright = await scene(20, 600, 400).jpeg().toBuffer();
  const sideways = await scene(20, 600, 400).rotate(270).jpeg().withMetadata({ orientation: 6 }).toBuffer();
  assert.ok(hamming(await phashOf(upright), await phashOf(sideways)) <= 4);
});
