import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mayBeMedia, recogniseBytes } from './format.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

/** An ISO-BMFF 'ftyp' box with a major brand and compatible brands. */
function ftyp(major: string, ...compatible: string[]): Buffer {
  const body = bytes(major, [0, 0, 0, 0], ...compatible);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(8 + body.length);
  return bytes([...size], 'ftyp', [...body], [0, 0, 0, 8], 'mdat');
}

test('images are recognised by their first bytes, whatever the name says', () => {
  assert.equal(recogniseBytes(bytes([0xff, 0xd8, 0xff, 0xe1]), 'a.jpg').kind, 'image');
  assert.deepEqual(recogniseBytes(bytes([0x89], 'PNG\r\n\x1a\n'), 'renamed.jpg'), {
    kind: 'image',
    format: 'png',
    mime: 'image/png',
  });
  assert.equal((recogniseBytes(bytes('GIF89a')) as { format: string }).format, 'gif');
  assert.equal(
    (recogniseBytes(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 ')) as { format: string }).format,
    'webp',
  );
  assert.equal((recogniseBytes(bytes('II*', [0])) as { format: string }).format, 'tiff');
  assert.equal((recogniseBytes(bytes('MM', [0, 42]), 'x.DNG') as { format: string }).format, 'dng');
  assert.equal((recogniseBytes(bytes('II*', [0]), 'DSC_0001.NEF') as { format: string }).format, 'raw');
  assert.equal((recogniseBytes(ftyp('avif', 'mif1', 'miaf')) as { format: string }).format, 'avif');
  assert.equal((recogniseBytes(ftyp('mif1', 'avif', 'miaf')) as { format: string }).format, 'avif');
});

test('HEIC is recognised and reported unsupported with a reason', () => {
  for (const brand of ['heic', 'heix', 'mif1']) {
    const r = recogniseBytes(ftyp(brand, 'mif1', 'heic'), 'IMG_0001.HEIC');
    assert.equal(r.kind, 'unsupported');
    assert.equal(r.kind === 'unsupported' && r.format, 'heic');
    assert.match(r.kind === 'unsupported' ? r.reason : '', /HEVC/);
  }
  assert.equal(recogniseBytes(ftyp('crx ', 'isom'), 'a.cr3').kind, 'unsupported');
});

test('videos are recognised by type', () => {
  assert.equal(
    (recogniseBytes(ftyp('isom', 'iso2', 'avc1', 'mp41'), 'v.mp4') as { format: string }).format,
    'mp4',
  );
  assert.equal((recogniseBytes(ftyp('qt  ', 'qt  '), 'v.mov') as { format: string }).format, 'mov');
  assert.equal((recogniseBytes(bytes([0, 0, 0, 8], 'wide'), 'old.mov') as { format: string }).format, 'mov');
  assert.equal(
    (
      recogniseBytes(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84], 'webm'), 'v.webm') as {
        format: string;
      }
    ).format,
    'webm',
  );
});

test('anything else, and a photo name over other content, is "other" with a reason', () => {
  const fake = recogniseBytes(bytes('hello, I am text'), 'holiday.jpg');
  assert.equal(fake.kind, 'other');
  assert.match(fake.kind === 'other' ? fake.reason : '', /\.jpg/);
  assert.equal(recogniseBytes(bytes('%PDF-1.7'), 'doc.pdf').kind, 'other');
  assert.equal(recogniseBytes(bytes(), 'empty.png').kind, 'other');
});

test('mayBeMedia filters by name or mime before any read', () => {
  assert.equal(mayBeMedia('IMG_1.JPG'), true);
  assert.equal(mayBeMedia('clip.MOV'), true);
  assert.equal(mayBeMedia('notes.txt'), false);
  assert.equal(mayBeMedia('no-extension', 'image/png'), true);
  assert.equal(mayBeMedia('.jpg'), false);
});
