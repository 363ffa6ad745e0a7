// The storage overview in one aggregation request over the files index: totals, categories,
// extensions, remotes, size and age distributions, and growth by month of modification.
import type { Client } from '@opensearch-project/opensearch';
import { filesAlias, SIZE_RANGES } from '@syncoxide/indexer';
import { FILES, LIVE, type Query, type Scope, scopeFilters, searchBody } from './scope.js';
import type { GrowthPoint, RangeBucket, StatBucket, StorageOverview } from './types.js';

const DAY = 86_400_000;

/** Age buckets by days since last modification; a future mtime counts as newest. */
export const AGE_BUCKETS = [
  { key: 'under_1_month', days: 30 },
  { key: '1_to_6_months', days: 182 },
  { key: '6_to_12_months', days: 365 },
  { key: '1_to_2_years', days: 730 },
  { key: '2_to_5_years', days: 1826 },
  { key: 'over_5_years', days: null },
] as const;

const bytes = { bytes: { sum: { field: 'size' } } };

export function ageRanges(now: number): Array<{ key: string; from?: number; to?: number }> {
  let newer: number | undefined;
  return AGE_BUCKETS.map((b) => {
    const from = b.days === null ? undefined : now - b.days * DAY;
    const range = {
      key: b.key,
      ...(from !== undefined ? { from } : {}),
      ...(newer !== undefined ? { to: newer } : {}),
    };
    newer = from;
    return range;
  });
}

export function overviewRequest(scope: Scope, now: number): Query {
  // Age buckets to the minute: the same request within a minute is answered from the
  // engine's shard request cache (a dashboard asks again and again).
  now = Math.floor(now / 60_000) * 60_000;
  return {
    size: 0,
    track_total_hits: false,
    query: { bool: { filter: scopeFilters(scope) } },
    aggs: {
      live: {
        filter: LIVE,
        aggs: {
          folders: { filter: { term: { kind: 'folder' } } },
          files: {
            filter: FILES,
            aggs: {
              ...bytes,
              category: { terms: { field: 'category', size: 50, missing: 'other' }, aggs: bytes },
              extension: {
                terms: { field: 'extension', size: 500, missing: '', order: { bytes: 'desc' } },
                aggs: bytes,
              },
              remote: { terms: { field: 'remoteId', size: 1000 }, aggs: bytes },
              size: { range: { field: 'size', ranges: SIZE_RANGES.map((r) => ({ ...r })) }, aggs: bytes },
              age: { range: { field: 'mtime', ranges: ageRanges(now) }, aggs: bytes },
              no_mtime: { missing: { field: 'mtime' }, aggs: bytes },
              growth: {
                date_histogram: { field: 'mtime', calendar_interval: 'month', min_doc_count: 0 },
                aggs: {
                  ...bytes,
                  total_files: { cumulative_sum: { buckets_path: '_count' } },
                  total_bytes: { cumulative_sum: { buckets_path: 'bytes' } },
                },
              },
            },
          },
        },
      },
      trash: { filter: { bool: { filter: [FILES, { term: { trashed: true } }] } }, aggs: bytes },
    },
  };
}

interface Agg {
  doc_count: number;
  bytes?: { value: number | null };
  [k: string]: unknown;
}
interface TermsAgg {
  buckets: Array<Agg & { key: string | number; from?: number; to?: number; key_as_string?: string }>;
}

const sumOf = (a: Agg | undefined) => Math.round(a?.bytes?.value ?? 0);
const statBuckets = (t: TermsAgg | undefined): StatBucket[] =>
  (t?.buckets ?? []).map((b) => ({ key: String(b.key), files: b.doc_count, bytes: sumOf(b) }));
const rangeBuckets = (t: TermsAgg | undefined): RangeBucket[] =>
  (t?.buckets ?? []).map((b) => ({
    key: String(b.key),
    from: b.from ?? null,
    to: b.to ?? null,
    files: b.doc_count,
    bytes: sumOf(b),
  }));

export function parseOverview(aggs: Record<string, unknown> | undefined): StorageOverview {
  const live = aggs?.live as Agg | undefined;
  const files = live?.files as Agg | undefined;
  const trash = aggs?.trash as Agg | undefined;
  const age = rangeBuckets(files?.age as TermsAgg);
  const noMtime = files?.no_mtime as Agg | undefined;
  if (noMtime && noMtime.doc_count > 0)
    age.push({ key: 'unknown', from: null, to: null, files: noMtime.doc_count, bytes: sumOf(noMtime) });
  const growth: GrowthPoint[] = ((files?.growth as TermsAgg | undefined)?.buckets ?? []).map((b) => ({
    at: Number(b.key),
    files: b.doc_count,
    bytes: sumOf(b),
    totalFiles: Math.round((b.total_files as { value: number }).value),
    totalBytes: Math.round((b.total_bytes as { value: number }).value),
  }));
  const extension = statBuckets(files?.extension as TermsAgg).map((b) => ({ ...b, key: b.key || '(none)' }));
  return {
    files: files?.doc_count ?? 0,
    folders: (live?.folders as Agg | undefined)?.doc_count ?? 0,
    bytes: sumOf(files),
    trashFiles: trash?.doc_count ?? 0,
    trashBytes: sumOf(trash),
    byCategory: statBuckets(files?.category as TermsAgg).sort(
      (a, b) => b.bytes - a.bytes || a.key.localeCompare(b.key),
    ),
    byExtension: extension,
    byRemote: statBuckets(files?.remote as TermsAgg).sort((a, b) => b.bytes - a.bytes),
    sizeDistribution: rangeBuckets(files?.size as TermsAgg),
    ageDistribution: age,
    growth,
  };
}

export async function storageOverview(
  client: Client,
  indexPrefix: string,
  scope: Scope,
  now = Date.now(),
): Promise<StorageOverview> {
  const body = await searchBody<{ aggregations?: Record<string, unknown> }>(
    client,
    filesAlias(indexPrefix),
    overviewRequest(scope, now),
  );
  return parseOverview(body?.aggregations);
}
