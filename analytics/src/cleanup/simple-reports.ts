// Reports that are one filtered query each: large files, old files, the trash, conflict
// copies. Items come sorted by size (largest first); totals count everything, not just the
// listed part.
import type { Client } from '@opensearch-project/opensearch';
import { filesAlias } from '@syncoxide/indexer';
import { FILES, LIVE, type Query, type Scope, scopeFilters, searchBody } from '../scope.js';
import type { CleanupReportData } from '../types.js';
import { allDocs, itemOf } from './items.js';

/** The sync engine's conflict-copy names (`x.conflict-path1-20240131-154500[-2].ext`), lowercased. */
const CONFLICT_REGEXP = '.*\\.conflict-path[12]-[0-9]{8}-[0-9]{6}(-[0-9]+)?(\\.[^./]*)?';

export interface SimpleReportOptions {
  limit: number;
  /** large_files: at least this many bytes. */
  minSize?: number;
  /** old_files: modified before this time (epoch ms). */
  before?: number;
}

export function simpleReportQuery(
  kind: 'large_files' | 'old_files' | 'trash' | 'conflict_copies',
  scope: Scope,
  options: SimpleReportOptions,
): Query {
  const filter = [...scopeFilters(scope), FILES];
  switch (kind) {
    case 'large_files':
      filter.push(LIVE, { range: { size: { gte: options.minSize ?? 0 } } });
      break;
    case 'old_files':
      filter.push(LIVE, { range: { mtime: { lt: options.before ?? 0 } } });
      break;
    case 'trash':
      filter.push({ term: { trashed: true } });
      break;
    case 'conflict_copies':
      filter.push(LIVE, { regexp: { 'name.sort': { value: CONFLICT_REGEXP, flags: 'NONE' } } });
      break;
  }
  return { bool: { filter } };
}

export async function simpleReport(
  client: Client,
  indexPrefix: string,
  kind: 'large_files' | 'old_files' | 'trash' | 'conflict_copies',
  scope: Scope,
  options: SimpleReportOptions,
): Promise<CleanupReportData> {
  const index = filesAlias(indexPrefix);
  const query = simpleReportQuery(kind, scope, options);
  const totals = await searchBody<{
    hits: { total: { value: number } };
    aggregations: { bytes: { value: number } };
  }>(client, index, { size: 0, track_total_hits: true, query, aggs: { bytes: { sum: { field: 'size' } } } });
  const items = [];
  for await (const doc of allDocs(
    client,
    index,
    query,
    [{ size: 'desc' }, { 'path.keyword': 'asc' }],
    1000,
    options.limit,
  )) {
    items.push(itemOf(doc));
  }
  const totalItems = totals?.hits.total.value ?? 0;
  return {
    kind,
    items,
    totalItems,
    groups: 0,
    reclaimableBytes: Math.round(totals?.aggregations.bytes.value ?? 0),
    truncated: totalItems > items.length,
    notes: [],
  };
}
