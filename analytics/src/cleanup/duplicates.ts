// Exact duplicates: files of the same content (MD5 and size), on one remote or across several.
// Files the index knows the MD5 of are grouped by the engine; files without one (local disks
// are listed without hashes) are candidates only when another file has their size, and the
// caller hashes those (`hashOf`) before they count. Empty files are never duplicates worth
// reporting: removing them frees nothing.
import type { Client } from '@opensearch-project/opensearch';
import { filesAlias } from '@syncoxide/indexer';
import { FILES, LIVE, type Query, type Scope, scopeFilters, searchBody } from '../scope.js';
import type { CleanupItem, CleanupReportData } from '../types.js';
import { allDocs, type ItemDoc, itemOf } from './items.js';

/** Most duplicate groups a report aggregates (a terms aggregation's bucket limit). */
export const MAX_GROUPS = 65_000;

export interface DuplicateOptions {
  limit: number;
  /** The MD5 of a file the index has none for; null when it cannot be read. */
  hashOf: (doc: ItemDoc) => Promise<string | null>;
  /** Most bytes hashed for one report (default 2 GiB); beyond it candidates are left out. */
  hashBudgetBytes?: number;
}

const nonEmptyFiles = (scope: Scope): Query[] => [
  ...scopeFilters(scope),
  FILES,
  LIVE,
  { range: { size: { gt: 0 } } },
];

type GroupBucket = { key: string; doc_count: number; bytes: { value: number }; size: { value: number } };

/**
 * Groups documents by content and marks the copy kept: the oldest (or the newest), a copy on
 * `preferRemoteId` first; ties by remote and path, so the choice is stable.
 */
export function groupDuplicates(
  docs: Array<ItemDoc & { md5: string }>,
  keep: { newest?: boolean; preferRemoteId?: string | null } = {},
): CleanupItem[][] {
  const groups = new Map<string, Array<ItemDoc & { md5: string }>>();
  for (const d of docs) {
    const key = `${d.md5}:${d.size ?? 0}`;
    const g = groups.get(key);
    if (g) g.push(d);
    else groups.set(key, [d]);
  }
  const out: CleanupItem[][] = [];
  for (const [key, members] of groups) {
    if (members.length < 2) continue;
    const time = (d: ItemDoc) =>
      d.mtime ?? (keep.newest ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY);
    members.sort(
      (a, b) =>
        Number(b.remoteId === keep.preferRemoteId) - Number(a.remoteId === keep.preferRemoteId) ||
        (keep.newest ? time(b) - time(a) : time(a) - time(b)) ||
        a.remoteId.localeCompare(b.remoteId) ||
        a.path.localeCompare(b.path),
    );
    out.push(
      members.map((d, i) =>
        itemOf(d, { group: key, keep: i === 0, reclaimableBytes: i === 0 ? 0 : (d.size ?? 0) }),
      ),
    );
  }
  // Largest savings first.
  return out.sort((a, b) => reclaim(b) - reclaim(a) || a[0]!.group!.localeCompare(b[0]!.group!));
}

const reclaim = (g: CleanupItem[]) => g.reduce((s, i) => s + i.reclaimableBytes, 0);

/** Groups of files whose MD5 the index knows: totals over every group, documents of the top ones. */
async function hashedGroups(client: Client, index: string, scope: Scope, limit: number) {
  const body = await searchBody<{ aggregations?: { groups: { buckets: GroupBucket[] } } }>(client, index, {
    size: 0,
    track_total_hits: false,
    query: { bool: { filter: [...nonEmptyFiles(scope), { exists: { field: 'md5' } }] } },
    aggs: {
      groups: {
        // Ordered by count so every group of two or more is among the top buckets (ordered by
        // bytes, single files would crowd them out before min_doc_count applies); breadth-first
        // computes the sums only for the buckets kept.
        terms: {
          field: 'md5',
          min_doc_count: 2,
          shard_min_doc_count: 2,
          size: MAX_GROUPS,
          order: [{ _count: 'desc' }, { _key: 'asc' }],
          collect_mode: 'breadth_first',
        },
        aggs: {
          bytes: { sum: { field: 'size' } },
          size: { max: { field: 'size' } },
        },
      },
    },
  });
  // Most bytes freed first (a pipeline value cannot order a terms aggregation).
  const wasted = (b: GroupBucket) => Math.round(b.bytes.value - b.size.value);
  const buckets = (body?.aggregations?.groups.buckets ?? []).sort(
    (x, y) => wasted(y) - wasted(x) || x.key.localeCompare(y.key),
  );
  // Enough groups to fill `limit` items.
  const keys: string[] = [];
  let items = 0;
  for (const b of buckets) {
    if (items >= limit) break;
    keys.push(b.key);
    items += b.doc_count;
  }
  const docs: Array<ItemDoc & { md5: string }> = [];
  for (let i = 0; i < keys.length; i += 1000) {
    const query = {
      bool: { filter: [...nonEmptyFiles(scope), { terms: { md5: keys.slice(i, i + 1000) } }] },
    };
    for await (const d of allDocs(client, index, query, [{ md5: 'asc' }]))
      docs.push(d as ItemDoc & { md5: string });
  }
  return {
    docs,
    keys: new Set(buckets.map((b) => b.key)),
    groups: buckets.length,
    files: buckets.reduce((s, b) => s + b.doc_count, 0),
    reclaimable: buckets.reduce((s, b) => s + wasted(b), 0),
    truncated: buckets.length >= MAX_GROUPS || keys.length < buckets.length,
  };
}

/** Files without an MD5 sharing their size with another file: the ones worth hashing. */
async function unhashedCandidates(client: Client, index: string, scope: Scope): Promise<number[]> {
  // Most libraries have a hash for every file: then there is nothing to look for.
  const unhashed = await searchBody<{ hits: { total: { value: number } } }>(client, index, {
    size: 0,
    track_total_hits: 1,
    query: { bool: { filter: nonEmptyFiles(scope), must_not: [{ exists: { field: 'md5' } }] } },
  });
  if ((unhashed?.hits.total.value ?? 0) === 0) return [];
  const body = await searchBody<{
    aggregations?: { sizes: { buckets: Array<{ key: number; unhashed: { doc_count: number } }> } };
  }>(client, index, {
    size: 0,
    track_total_hits: false,
    query: { bool: { filter: nonEmptyFiles(scope) } },
    aggs: {
      sizes: {
        terms: { field: 'size', min_doc_count: 2, size: MAX_GROUPS },
        aggs: {
          unhashed: { filter: { bool: { must_not: [{ exists: { field: 'md5' } }] } } },
          only_with_unhashed: {
            bucket_selector: { buckets_path: { n: 'unhashed._count' }, script: 'params.n > 0' },
          },
        },
      },
    },
  });
  return (body?.aggregations?.sizes.buckets ?? []).map((b) => Number(b.key));
}

export async function duplicatesReport(
  client: Client,
  indexPrefix: string,
  scope: Scope,
  options: DuplicateOptions,
): Promise<CleanupReportData> {
  const index = filesAlias(indexPrefix);
  // Duplicates are found across every remote of the caller; a remote filter picks the groups
  // with at least one copy there.
  const everywhere: Scope = { ownerId: scope.ownerId };
  const notes: string[] = [];
  const hashed = await hashedGroups(client, index, everywhere, options.limit);
  const sizes = await unhashedCandidates(client, index, everywhere);
  const candidates: Array<ItemDoc & { md5: string }> = [];
  const seen = new Set(hashed.docs.map((d) => d.nodeId));
  let budget = options.hashBudgetBytes ?? 2 * 1024 ** 3;
  let skipped = 0;
  for (let i = 0; i < sizes.length; i += 1000) {
    const query = {
      bool: { filter: [...nonEmptyFiles(everywhere), { terms: { size: sizes.slice(i, i + 1000) } }] },
    };
    for await (const d of allDocs(client, index, query, [{ size: 'desc' }])) {
      if (seen.has(d.nodeId)) continue;
      seen.add(d.nodeId);
      if (d.md5) {
        candidates.push(d as ItemDoc & { md5: string });
        continue;
      }
      if ((d.size ?? 0) > budget) {
        skipped++;
        continue;
      }
      budget -= d.size ?? 0;
      const md5 = await options.hashOf(d).catch(() => null);
      if (md5) candidates.push({ ...d, md5 });
      else skipped++;
    }
  }
  if (skipped > 0)
    notes.push(
      `${skipped} files without a known hash were not compared (unreadable or over the hashing budget)`,
    );
  // Known-hash groups may gain members from the hashed candidates: regroup everything.
  let groups = groupDuplicates([...hashed.docs, ...candidates]);
  if (scope.remoteId) groups = groups.filter((g) => g.some((i) => i.remoteId === scope.remoteId));
  const listed = groups.flat();
  const items = listed.slice(0, Math.max(0, options.limit));
  let totals = {
    items: listed.length,
    groups: groups.length,
    bytes: groups.reduce((s, g) => s + reclaim(g), 0),
  };
  if (hashed.truncated && !scope.remoteId) {
    // Not every group's documents were read: the engine's totals for hash-known groups, plus
    // the groups only our own hashing found.
    const extra = groupDuplicates(candidates).filter((g) => !hashed.keys.has(g[0]!.md5!));
    totals = {
      items: hashed.files + extra.flat().length,
      groups: hashed.groups + extra.length,
      bytes: hashed.reclaimable + extra.reduce((s, g) => s + reclaim(g), 0),
    };
    notes.push('more duplicate groups than listed: totals come from the engine’s aggregation');
  }
  return {
    kind: 'duplicates',
    items,
    totalItems: totals.items,
    groups: totals.groups,
    reclaimableBytes: totals.bytes,
    truncated: items.length < listed.length || hashed.truncated,
    notes,
  };
}
