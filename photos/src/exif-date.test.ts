import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localDay, normaliseOffset, offsetFromUtc, parseExifDate, takenAtMillis } from './exif-date.js';

test('EXIF dates become ISO 8601, with offset and sub-seconds when present', () => {
  assert.equal(parseExifDate('2024:05:01 12:34:56'), '2024-05-01T12:34:56');
  assert.equal(parseExifDate('2024:05:01 12:34:56', '12', '+02:00'), '2024-05-01T12:34:56.120+02:00');
  assert.equal(parseExifDate('2024:05:01 12:34:56', undefined, '-0530'), '2024-05-01T12:34:56-05:30');
  assert.equal(parseExifDate('2024-05-01T12:34:56+09:00'), '2024-05-01T12:34:56+09:00');
  assert.equal(parseExifDate('2024-05-01T12:34'), '2024-05-01T12:34:00');
});

test('placeholders and impossible dates are null', () => {
  for (const bad of [
    '0000:00:00 00:00:00',
    '    :  :     :  :  ',
    '2023:02:30 10:00:00',
    '2024:13:01 10:00:00',
    '',
    42,
    null,
  ]) {
    assert.equal(parseExifDate(bad), null, String(bad));
  }
  assert.equal(normaliseOffset('+25:00'), null);
  assert.equal(normaliseOffset('Z'), '+00:00');
});

test('instants, days and offsets derived from GPS time', () => {
  assert.equal(takenAtMillis('2024-05-01T12:00:00+02:00'), Date.UTC(2024, 4, 1, 10));
  assert.equal(takenAtMillis('2024-05-01T12:00:00'), Date.UTC(2024, 4, 1, 12));
  assert.equal(localDay('2024-05-01T23:30:00-07:00'), '2024-05-01');
  assert.equal(offsetFromUtc('2024-05-01T12:34:56', Date.UTC(2024, 4, 1, 10, 35, 10)), '+02:00');
  assert.equal(offsetFromUtc('2024-05-01T05:04:56', Date.UTC(2024, 4, 1, 10, 34, 56)), '-05:30');
  assert.equal(offsetFromUtc('2024-05-01T12:20:00', Date.UTC(2024, 4, 1, 10, 0, 0)), null); // drifted clock
});
