import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rangesBetween } from './replay.js';

test('ranges run from the start watermarks to the end ones; new partitions from 0', () => {
  const ranges = rangesBetween(
    new Map([
      [0, 5n],
      [1, 7n],
    ]),
    new Map([
      [0, 9n],
      [1, 7n],
      [2, 3n],
    ]),
  );
  assert.deepEqual(
    [...ranges],
    [
      [0, { from: 5n, to: 9n }],
      [2, { from: 0n, to: 3n }],
    ],
  );
});
