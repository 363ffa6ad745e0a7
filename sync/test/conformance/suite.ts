// The provider conformance suite (after rclone's fstests): every provider's test calls
// runProviderSuite with a factory that builds it against a real server on loopback.
// Known failures are listed with a reason by the caller, run, and reported as TODO.
//
//   runProviderSuite('local', async () => ({ provider, cleanup }), { knownFailures: { 'test name': 'why' } });
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { atomicityTests } from './atomicity.js';
import { basicTests } from './basic.js';
import { declared, type FixtureFactory, group, type SuiteOptions } from './context.js';
import { errorTests } from './errors.js';
import { nameTests } from './names.js';
import { resumeTests } from './resume.js';
import { treeTests } from './tree.js';

export type { FixtureFactory, ProviderFixture, SuiteOptions } from './context.js';

export function runProviderSuite(name: string, factory: FixtureFactory, options: SuiteOptions = {}): void {
  describe(`provider conformance: ${name}`, () => {
    // One fixture per group: groups are independent, tests inside one use their own folders.
    group('read and write', factory, options, basicTests);
    group('names', factory, options, nameTests);
    group('atomicity and preconditions', factory, options, atomicityTests);
    group('resumable uploads', factory, options, resumeTests);
    group('folders and listings', factory, options, treeTests);
    group('errors', factory, options, errorTests);
    it('knownFailures name only real tests', () => {
      const unknown = Object.keys(options.knownFailures ?? {}).filter((n) => !declared.has(n));
      assert.deepEqual(unknown, [], 'knownFailures entries that match no test');
    });
  });
}
