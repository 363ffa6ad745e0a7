// Plays one scenario in the format of shared/sync-scenarios.json against real providers: both
// sides written with exact contents and mtimes, the baseline seeded as if a previous run had
// agreed on `base`, one run, then both sides read back.
import { uniqueName } from '@syncoxide/core';
import { pathFilter } from '../../src/engine/filters.js';
import { listSide } from '../../src/engine/listing.js';
import { isText } from '../../src/engine/merge.js';
import { parseRule, type SyncRuleInput } from '../../src/engine/rule.js';
import { type EngineOptions, SyncEngine } from '../../src/engine/runner.js';
import type { BaselineEntry, FileState, Listing } from '../../src/engine/state.js';
import type { RunReport } from '../../src/engine/status.js';
import type { Journal } from '../../src/journal/index.js';
import { joinPath } from '../../src/providers/common/paths.js';
import type { Provider } from '../../src/providers/types.js';
import type { KitEnv } from './kits.js';
import { providerMap } from './kits.js';
import { type Actual, md5, readTree, sha1, type Tree, writeTree } from './trees.js';

export interface Scenario {
  name: string;
  rule: {
    mode: 'copy' | 'one-way' | 'move' | 'two-way';
    compare: ('size' | 'modtime' | 'checksum')[];
    keep: 'newer' | 'older' | 'larger' | 'smaller' | 'path1' | 'path2';
    autoMerge: boolean;
    exclude?: string[];
    include?: string[];
    maxDeletePercent?: number;
    /** Not in the shared format: our table's max-delete by count. */
    maxDeleteCount?: number;
    expectAbort?: boolean;
  };
  base: Tree | null;
  path1: Tree;
  path2: Tree;
  expect: { path1: Tree; path2: Tree } | { same: true; contents: string[] };
}

export const RUN_TIME = new Date('2024-05-06T07:08:09Z');

function seededState(node: Tree[string], current: Listing, path: string): FileState {
  if ('dir' in node) {
    const e = current.get(path);
    return { kind: 'folder', size: 0, mtime: null, providerId: e?.providerId ?? null, etag: null };
  }
  const mtime = node.mtime === '*' ? 0 : node.mtime * 1000;
  const e = current.get(path);
  const hashes = { md5: md5(node.content), sha1: sha1(node.content) };
  // Unchanged since the agreement: the previous run recorded exactly what is listed now.
  if (e?.kind === 'file' && e.size === Buffer.byteLength(node.content) && e.mtime === mtime) {
    return { kind: 'file', size: e.size, mtime, providerId: e.providerId, etag: e.etag, ...hashes };
  }
  return {
    kind: 'file',
    size: Buffer.byteLength(node.content),
    mtime,
    providerId: null,
    etag: null,
    ...hashes,
  };
}

/** Listing entries replaced by stats (stored mtimes), as the previous run's writes returned them. */
async function statted(p: Provider, endpoint: { path: string }, listing: Listing): Promise<Listing> {
  for (const [rel, e] of listing) {
    if (e.kind !== 'file') continue;
    const st = await p.stat(joinPath(endpoint.path, rel));
    if (st) listing.set(rel, { ...st, path: rel });
  }
  return listing;
}

export interface Played {
  report: RunReport;
  path1: Actual;
  path2: Actual;
  rule: ReturnType<typeof parseRule>;
  folders: { path1: string; path2: string };
}

export async function playScenario(
  env: KitEnv,
  journal: Journal,
  s: Scenario,
  engineOptions: Partial<EngineOptions> = {},
): Promise<Played> {
  const folders = { path1: uniqueName('p1'), path2: uniqueName('p2') };
  await env.path1.provider.mkdir(folders.path1);
  await env.path2.provider.mkdir(folders.path2);
  await writeTree(env.path1.provider, folders.path1, s.path1);
  await writeTree(env.path2.provider, folders.path2, s.path2);
  const input: SyncRuleInput = {
    id: uniqueName('rule'),
    ownerId: 'owner-1',
    path1: { remote: env.path1.remote, path: folders.path1 },
    path2: { remote: env.path2.remote, path: folders.path2 },
    mode: s.rule.mode,
    compare: s.rule.compare,
    keep: s.rule.keep,
    autoMerge: s.rule.autoMerge,
    exclude: s.rule.exclude ?? [],
    include: s.rule.include ?? [],
    ...(s.rule.maxDeletePercent !== undefined || s.rule.maxDeleteCount !== undefined
      ? { maxDelete: { percent: s.rule.maxDeletePercent, count: s.rule.maxDeleteCount } }
      : {}),
  };
  const rule = parseRule(input);
  if (s.base) {
    const filter = pathFilter(rule);
    const l1 = await statted(
      env.path1.provider,
      rule.path1,
      await listSide(env.path1.provider, rule.path1, filter),
    );
    const l2 = await statted(
      env.path2.provider,
      rule.path2,
      await listSide(env.path2.provider, rule.path2, filter),
    );
    const rows: BaselineEntry[] = Object.entries(s.base).map(([path, node]) => ({
      path,
      kind: 'dir' in node ? 'folder' : 'file',
      path1: seededState(node, l1, path),
      path2: seededState(node, l2, path),
      content:
        rule.autoMerge && 'content' in node && isText(Buffer.from(node.content))
          ? Buffer.from(node.content)
          : null,
    }));
    await journal.baselines.apply(journal.pool, rule.id, rows, []);
  }
  const engine = new SyncEngine({ journal, provider: providerMap(env), leaseMs: 5_000, ...engineOptions });
  const report = await engine.run(rule, { now: RUN_TIME });
  return {
    report,
    rule,
    folders,
    path1: await readTree(env.path1.provider, folders.path1),
    path2: await readTree(env.path2.provider, folders.path2),
  };
}
