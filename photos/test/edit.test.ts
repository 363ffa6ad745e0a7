// Edits make a new image from a provider's file and leave the file byte for byte as it was.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { captureFacts, editImage, readExif } from '../src/index.js';
import { near, orientedJpeg, pixelAt, QUADRANTS, quadrants, withCameraExif } from './helpers/images.js';
import { type TempRemote, tempRemote } from './helpers/provider.js';

let remote: TempRemote;
before(async () => {
  remote = await tempRemote('edit');
});
after(() => remote.cleanup());

const sha1 = (b: Buffer) => createHash('sha1').update(b).digest('hex');

test('rotate, crop and resize a sideways photo: new image, original untouched', async () => {
  // Displays as 800 × 600 quadrants; stored sideways with orientation 6 and camera EXIF.
  const sideways = await orientedJpeg(quadrants(800, 600), 6);
  const file = await withCameraExif(
    sharp(sideways).jpeg({ quality: 95 }),
    {
      make: 'Apple',
      model: 'iPhone 15',
      dateTimeOriginal: '2024:02:03 10:11:12',
      lat: 51.5,
      lon: -0.12,
    },
    6,
  ).toBuffer();
  await remote.provider.write('album/IMG_1.jpg', Readable.from([file]));
  const before = sha1(await readFile(join(remote.root, 'album/IMG_1.jpg')));

  // Turn clockwise (600 × 800: red is now top-right), keep the right half, halve it.
  const edited = await editImage(await remote.provider.read('album/IMG_1.jpg'), [
    { op: 'rotate', degrees: 90 },
    { op: 'crop', left: 300, top: 0, width: 300, height: 800 },
    { op: 'resize', width: 150 },
  ]);
  assert.deepEqual(
    [edited.width, edited.height, edited.format, edited.mime],
    [150, 400, 'jpeg', 'image/jpeg'],
  );
  const out = await buffer(edited.stream);
  const meta = await sharp(out).metadata();
  assert.deepEqual([meta.width, meta.height], [150, 400]);
  // After a clockwise turn the right half holds the old top row: red above, green below.
  assert.ok(near(await pixelAt(out, 75, 100), QUADRANTS[0]!), 'red at the top');
  assert.ok(near(await pixelAt(out, 75, 300), QUADRANTS[1]!), 'green at the bottom');
  // Pixels are upright, so no orientation to apply again; EXIF facts are kept.
  assert.ok(meta.orientation === undefined || meta.orientation === 1, `orientation ${meta.orientation}`);
  const facts = captureFacts(await readExif(meta.exif));
  assert.equal(facts.camera, 'Apple iPhone 15');
  assert.equal(facts.takenAt, '2024-02-03T10:11:12');

  // Saved beside the original (the journal will make it a new version later).
  await remote.provider.write('album/IMG_1 (edited).jpg', Readable.from([out]));
  assert.equal(sha1(await readFile(join(remote.root, 'album/IMG_1.jpg'))), before);
});

test('output format and metadata can be chosen; bad edits fail before any output', async () => {
  const png = await quadrants(200, 100).png().toBuffer();
  const webp = await editImage(Readable.from([png]), [{ op: 'resize', height: 50 }], {
    format: 'webp',
    keepMetadata: false,
  });
  const meta = await sharp(await buffer(webp.stream)).metadata();
  assert.deepEqual([meta.format, meta.width, meta.height], ['webp', 100, 50]);
  await assert.rejects(
    editImage(Readable.from([png]), [{ op: 'crop', left: 150, top: 0, width: 100, height: 10 }]),
    {
      code: 'INVALID_INPUT',
    },
  );
  await assert.rejects(editImage(Readable.from([Buffer.from('not an image at all, sorry')]), []), {
    code: 'UNSUPPORTED',
  });
});
