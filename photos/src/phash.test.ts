import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dhashOfGrey, hamming } from './phash.js';

test('dHash sets a bit where the left pixel is brighter', () => {
  const falling = Uint8Array.from({ length: 72 }, (_, i) => 255 - (i % 9) * 20);
  const rising = Uint8Array.from({ length: 72 }, (_, i) => (i % 9) * 20);
  assert.equal(dhashOfGrey(falling), 'ffffffffffffffff');
  assert.equal(dhashOfGrey(rising), '0000000000000000');
  assert.throws(() => dhashOfGrey(new Uint8Array(10)));
});

test('hamming counts differing bits', () => {
  assert.equal(hamming('0000000000000000', '0000000000000000'), 0);
  assert.equal(hamming('0000000000000000', 'ffffffffffffffff'), 64);
  assert.equal(hamming('8000000000000001', '0000000000000000'), 2);
  assert.equal(hamming('f0f0f0f0f0f0f0f0', '0f0f0f0f0f0f0f0f'), 64);
});
