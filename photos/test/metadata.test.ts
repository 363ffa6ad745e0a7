// EXIF written into real images comes back as the facts the indexer and timeline read.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { captureFacts, processImage, readExif } from '../src/index.js';
import { type CameraExif, scene, withCameraExif } from './helpers/images.js';

const written: CameraExif = {
  make: 'FUJIFILM',
  model: 'X100V',
  lens: 'FUJINON 23mm F2',
  dateTimeOriginal: '2023:07:14 18:42:07',
  offset: '+02:00',
  lat: 48.85837,
  lon: -2.294481,
  iso: 400,
  exposure: '1/250',
  fNumber: 5.6,
  focalLength: 23,
};

async function factsOf(file: Buffer, hideLocation = false) {
  const { image } = await processImage(Readable.from([file]), { renditions: [] });
  return { image, facts: captureFacts(await readExif(image.exif), image.xmp, { hideLocation }) };
}

test('what the camera wrote is what comes back, in JPEG, WebP, PNG and AVIF', async () => {
  for (const format of ['jpeg', 'webp', 'png', 'avif'] as const) {
    const file = await withCameraExif(scene(1, 300, 200).toFormat(format), written).toBuffer();
    const { image, facts } = await factsOf(file);
    assert.deepEqual([image.width, image.height], [300, 200]);
    assert.deepEqual(
      facts,
      {
        takenAt: '2023-07-14T18:42:07+02:00',
        camera: 'FUJIFILM X100V',
        make: 'FUJIFILM',
        model: 'X100V',
        lens: 'FUJINON 23mm F2',
        location: { lat: 48.85837, lon: -2.294481 },
        altitude: null,
        iso: 400,
        exposureTime: 0.004,
        fNumber: 5.6,
        focalLength: 23,
      },
      format,
    );
  }
});

test('hideLocation leaves GPS out; other facts stay', async () => {
  const file = await withCameraExif(scene(2, 200, 200).jpeg(), written).toBuffer();
  const { facts } = await factsOf(file, true);
  assert.equal(facts.location, null);
  assert.equal(facts.altitude, null);
  assert.equal(facts.camera, 'FUJIFILM X100V');
});

test('a make repeated in the model is said once; a date without offset stays local', async () => {
  const file = await withCameraExif(scene(3, 200, 100).jpeg(), {
    make: 'Canon',
    model: 'Canon EOS R5',
    dateTimeOriginal: '2021:12:31 23:59:59',
    lat: -33.8568,
    lon: 151.2153,
  }).toBuffer();
  const { facts } = await factsOf(file);
  assert.equal(facts.camera, 'Canon EOS R5');
  assert.equal(facts.takenAt, '2021-12-31T23:59:59');
  assert.deepEqual(facts.location, { lat: -33.8568, lon: 151.2153 });
  assert.equal(facts.lens, null);
});

test('a photo without EXIF has every fact null, and XMP supplies a date when EXIF has none', async () => {
  const plain = await scene(4, 120, 80).png().toBuffer();
  const { facts } = await factsOf(plain);
  assert.ok(Object.values(facts).every((v) => v === null));
  const xmp =
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:DateCreated="2019-03-02T08:15:00+01:00"/>' +
    '</rdf:RDF></x:xmpmeta>';
  const withXmp = await scene(4, 120, 80).jpeg().withXmp(xmp).toBuffer();
  assert.equal((await factsOf(withXmp)).facts.takenAt, '2019-03-02T08:15:00+01:00');
});

test('malformed EXIF costs the field, not the photo', async () => {
  assert.equal(await readExif(Buffer.from('Exif\0\0garbage that is not a TIFF header')), null);
  const facts = captureFacts({
    DateTimeOriginal: '0000:00:00 00:00:00',
    Make: '  ',
    ISO: -5,
    latitude: 0,
    longitude: 0,
  });
  assert.deepEqual([facts.takenAt, facts.make, facts.iso, facts.location], [null, null, null, null]);
});
