// "Did it change since I planned?" (DESIGN-NOTES §4): the check every destructive step makes
// against the caller's Expected before it goes ahead.
import { SyncoxideError } from '@syncoxide/core';
import type { Entry, Expected, HashType } from '../types.js';

/**
 * Throws PRECONDITION_FAILED unless `current` (the destination as it is now) matches `expected`.
 * Hashes the listing lacks are fetched through `hashOf` only when the caller asked for them.
 * `precisionMs` lets an mtime that the provider stores coarser than given still match.
 */
export async function checkExpected(
  path: string,
  current: Entry | null,
  expected: Expected | undefined,
  hashOf: (type: HashType) => Promise<string>,
  precisionMs = 0,
): Promise<void> {
  if (!expected) return;
  const fail = (why: string): never => {
    throw new SyncoxideError('PRECONDITION_FAILED', `destination changed since planned (${why})`, { path });
  };
  if (expected.absent) {
    if (current) fail(`expected nothing there, found a ${current.kind}`);
    return;
  }
  if (!current) return fail('expected an existing file, found nothing');
  if (expected.size !== undefined && current.size !== expected.size) {
    fail(`size ${current.size}, expected ${expected.size}`);
  }
  if (expected.mtime !== undefined) {
    const tolerance = Math.max(precisionMs, 0);
    if (current.mtime === null || Math.abs(current.mtime - expected.mtime) > tolerance) {
      fail(`mtime ${current.mtime}, expected ${expected.mtime}`);
    }
  }
  if (expected.etag !== undefined && current.etag !== expected.etag) {
    fail(`etag ${current.etag}, expected ${expected.etag}`);
  }
  for (const type of ['md5', 'sha1'] as const) {
    const want = expected[type];
    if (want === undefined) continue;
    if (current.kind !== 'file') fail(`expected a file with ${type} ${want}, found a folder`);
    const have = current.hashes[type] ?? (await hashOf(type));
    if (have.toLowerCase() !== want.toLowerCase()) fail(`${type} ${have}, expected ${want}`);
  }
}
