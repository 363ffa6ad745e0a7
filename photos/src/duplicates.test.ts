import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BkTree, groupNearDuplicates } from './duplicates.js';
import { hamming } from './phash.js';

function randomHash(rnd: () => number): string {
  return Array.from({ length: 16 }, () => Math.floor(rnd() * 16).toString(16)).join('');
}
function flipBits(hash: string, bits: number[]): string {
  let v = BigInt(`0x${hash}`);
  for (const b of bits) v ^= 1n << BigInt(b);
  return v.toString(16).padStart(16, '0');
}

test('the BK-tree finds exactly what a brute-force scan finds', () => {
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const hashes = Array.from({ length: 500 }, () => randomHash(rnd));
  for (let i = 0; i < 100; i++) hashes.push(flipBits(hashes[i]!, [i % 64, (i * 7) % 64]));
  const tree = new BkTree();
  for (const [i, h] of hashes.entries()) tree.add(h, i);
  for (const q of hashes.slice(0, 50)) {
    for (const radius of [0, 4, 12]) {
      const expected = hashes.flatMap((h, i) => (hamming(q, h) <= radius ? [i] : [])).sort((a, b) => a - b);
      assert.deepEqual(
        tree.within(q, radius).sort((a, b) => a - b),
        expected,
      );
    }
  }
});

test('grouping is transitive and leaves singletons out', () => {
  const a = '0123456789abcdef';
  const b = flipBits(a, [0, 1, 2, 3, 4, 5]); // 6 from a
  const c = flipBits(b, [10, 11, 12, 13, 14, 15]); // 6 from b, 12 from a
  const far = 'fedcba9876543210';
  const groups = groupNearDuplicates(
    [
      { id: 'a', phash: a },
      { id: 'far', phash: far },
      { id: 'c', phash: c },
      { id: 'b', phash: b },
    ],
    8,
  );
  assert.deepEqual(groups, [['a', 'c', 'b']]);
  assert.deepEqual(groupNearDuplicates([{ id: 'x', phash: a }]), []);
});
