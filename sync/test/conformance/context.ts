// What a provider's test gives the conformance suite, and the small helpers every group uses.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it, type TestContext } from 'node:test';
import { type ErrorCode, isSyncoxideError } from '@syncoxide/core';
import type { RemoteConfig } from '../../src/providers/config.js';
import type { Entry, Provider } from '../../src/providers/types.js';

export interface ProviderFixture {
  provider: Provider;
  /** Closes every provider the fixture made and removes what it stored. */
  cleanup(): Promise<void>;
  /** A second, independent instance on the same storage (resume "in a fresh process"). */
  reopen?(): Promise<Provider>;
  /** Config that builds this provider through `createProvider` (the SIGKILL resume test). */
  config?: RemoteConfig;
  /** A provider and a path under it where writes are refused, when the factory can arrange it. */
  denied?(): Promise<{ provider: Provider; path: string; undo(): Promise<void> }>;
  /** A provider configured against an endpoint where nothing listens. */
  unreachable?(): Promise<Provider>;
  /** Folder holding the provider's root on this machine, for direct inspection (local-like). */
  rootDir?: string;
}

export type FixtureFactory = () => Promise<ProviderFixture>;

export interface SuiteOptions {
  /** Test name → reason. Such tests still run and are reported as TODO with the reason. */
  knownFailures?: Record<string, string>;
  /** Size of the "large file" test, bytes (default 24 MiB). */
  largeFileSize?: number;
  /** Part size the provider was configured with, so tests cross part boundaries (default 5 MiB). */
  partSize?: number;
  /** Entries of the listing test (default 10,000). */
  listingCount?: number;
  /** Parallel writes used to create the listing test's entries (default 16). */
  concurrency?: number;
}

export interface Ctx {
  readonly options: Required<Omit<SuiteOptions, 'knownFailures'>>;
  /** The group's fixture, created in `before`. */
  fx(): ProviderFixture;
  /** A fresh folder name for one test. */
  dir(label: string): string;
  /** Declares a test, honouring knownFailures. */
  test(name: string, fn: (t: TestContext) => Promise<void>): void;
}

/** Names of every test declared, to catch knownFailures entries that match nothing. */
export const declared = new Set<string>();

export function group(
  title: string,
  factory: FixtureFactory,
  options: SuiteOptions,
  body: (ctx: Ctx) => void,
): void {
  describe(title, () => {
    let fixture: ProviderFixture | undefined;
    before(async () => {
      fixture = await factory();
    });
    after(async () => {
      await fixture?.cleanup();
    });
    const known = options.knownFailures ?? {};
    const ctx: Ctx = {
      options: {
        largeFileSize: options.largeFileSize ?? 24 * 1024 * 1024,
        partSize: options.partSize ?? 5 * 1024 * 1024,
        listingCount: options.listingCount ?? 10_000,
        concurrency: options.concurrency ?? 16,
      },
      fx: () => {
        if (!fixture) throw new Error('fixture not ready');
        return fixture;
      },
      dir: (label) => `${label}-${randomBytes(4).toString('hex')}`,
      test: (name, fn) => {
        declared.add(name);
        const reason = known[name];
        if (reason === undefined) {
          it(name, fn);
          return;
        }
        // node:test reports a TODO with its reason and does not fail the run on it; a known
        // failure that passes says so, so the entry can be removed.
        it(name, { todo: `known failure: ${reason}` }, async (t) => {
          await fn(t);
          t.diagnostic(`"${name}" passes now: remove it from knownFailures`);
        });
      },
    };
    body(ctx);
  });
}

export async function collect(iterable: AsyncIterable<Entry>): Promise<Entry[]> {
  const out: Entry[] = [];
  for await (const entry of iterable) out.push(entry);
  return out;
}

/** Asserts a SyncoxideError with one of `codes` whose message names `path`. */
export async function rejectsWith(
  promise: Promise<unknown>,
  codes: ErrorCode | ErrorCode[],
  path?: string,
): Promise<void> {
  const wanted = Array.isArray(codes) ? codes : [codes];
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(
      isSyncoxideError(err) && wanted.includes(err.code),
      `expected ${wanted.join('|')}, got ${String((err as { code?: string }).code)}: ${String(err)}`,
    );
    if (path !== undefined) assert.ok(err.message.includes(path), `message "${err.message}" names ${path}`);
    return true;
  });
}

export function names(entries: Entry[]): string[] {
  return entries.map((e) => e.path).sort();
}
