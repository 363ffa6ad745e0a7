// Builds the search request for files: pure, so the gateway's rules (tenant scope, no
// tombstones, paging limits) are tested without an engine. Query DSL shared by OpenSearch
// and Elasticsearch only.
import { SyncoxideError } from '@syncoxide/core';
import type { FileCategory } from '../category.js';

export type SortField = 'relevance' | 'name' | 'size' | 'mtime';
export type Facet = 'category' | 'extension' | 'remote' | 'size' | 'mtime';
export type TimeValue = number | string | Date;

export interface FileSearchFilters {
  remoteIds?: string[];
  categories?: FileCategory[];
  extensions?: string[];
  kinds?: Array<'file' | 'folder'>;
  /** Only nodes below this folder of one remote (not the folder itself). */
  folder?: { remoteId: string; path: string };
  sizeMin?: number;
  sizeMax?: number;
  mtimeFrom?: TimeValue;
  mtimeTo?: TimeValue;
  /** Only nodes shared with (any of) these users. */
  sharedWith?: string[];
  starred?: boolean;
  /** true: only the trash; false or absent: never the trash (what a user expects of search). */
  trashed?: boolean;
}

export interface FileSearchParams {
  /** The caller: every query sees only what the caller owns (or what is shared with them). */
  ownerId: string;
  /** Also what others shared with the caller (default true). */
  includeShared?: boolean;
  text?: string;
  filters?: FileSearchFilters;
  sort?: SortField | { field: SortField; order?: 'asc' | 'desc' };
  from?: number;
  size?: number;
  /** The `sort` values of the last hit of the previous page (deep paging). */
  searchAfter?: Array<string | number | null>;
  highlight?: boolean;
  facets?: Facet[];
  /** Bucket of the mtime histogram facet (default month). */
  mtimeInterval?: 'day' | 'week' | 'month' | 'quarter' | 'year';
}

export const MAX_PAGE_SIZE = 200;
/** The engines' default index.max_result_window: deeper pages must use searchAfter. */
export const MAX_RESULT_WINDOW = 10_000;
const MAX_TEXT = 256;

/** Size facet buckets, in bytes. */
export const SIZE_RANGES = [
  { key: 'tiny', to: 100 * 1024 },
  { key: 'small', from: 100 * 1024, to: 10 * 1024 ** 2 },
  { key: 'medium', from: 10 * 1024 ** 2, to: 100 * 1024 ** 2 },
  { key: 'large', from: 100 * 1024 ** 2, to: 1024 ** 3 },
  { key: 'huge', from: 1024 ** 3 },
] as const;

const DEFAULT_ORDER: Record<SortField, 'asc' | 'desc'> = {
  relevance: 'desc',
  name: 'asc',
  size: 'desc',
  mtime: 'desc',
};

type Query = Record<string, unknown>;

function invalid(message: string): SyncoxideError {
  return new SyncoxideError('INVALID_INPUT', message);
}

function epochMillis(value: TimeValue, name: string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw invalid(`${name} is not a valid time`);
  return ms;
}

function nonEmpty(values: string[] | undefined): values is string[] {
  return values !== undefined && values.length > 0;
}

function textQuery(text: string): Query {
  return {
    bool: {
      should: [
        // Whole name typed exactly ranks first, then every word part, then as-you-type
        // prefixes, then typo-tolerant matches.
        { term: { 'name.sort': { value: text, boost: 8 } } },
        { match: { name: { query: text, operator: 'and', boost: 4 } } },
        { match: { 'name.prefix': { query: text, operator: 'and', boost: 2 } } },
        { match: { name: { query: text, operator: 'and', fuzziness: 'AUTO', boost: 1 } } },
      ],
      minimum_should_match: 1,
    },
  };
}

function filterClauses(params: FileSearchParams): { filter: Query[]; mustNot: Query[] } {
  const f = params.filters ?? {};
  const scope: Query[] = [{ term: { ownerId: params.ownerId } }];
  if (params.includeShared ?? true) scope.push({ term: { sharedWith: params.ownerId } });
  const filter: Query[] = [{ bool: { should: scope, minimum_should_match: 1 } }];
  // A tombstone is a deleted file: never a search result.
  const mustNot: Query[] = [{ term: { deleted: true } }];

  if (nonEmpty(f.remoteIds)) filter.push({ terms: { remoteId: f.remoteIds } });
  if (nonEmpty(f.categories)) filter.push({ terms: { category: f.categories } });
  if (nonEmpty(f.extensions)) {
    filter.push({ terms: { extension: f.extensions.map((e) => e.replace(/^\./, '').toLowerCase()) } });
  }
  if (nonEmpty(f.kinds)) filter.push({ terms: { kind: f.kinds } });
  if (nonEmpty(f.sharedWith)) filter.push({ terms: { sharedWith: f.sharedWith } });
  if (f.folder) {
    const path = f.folder.path.replace(/^\/+|\/+$/g, '');
    filter.push({ term: { remoteId: f.folder.remoteId } });
    // The remote's root holds everything; otherwise the path_hierarchy term selects the subtree.
    if (path !== '') {
      filter.push({ term: { path } });
      mustNot.push({ term: { 'path.keyword': path } });
    }
  }
  if (f.sizeMin !== undefined || f.sizeMax !== undefined) {
    const range: Query = {};
    if (f.sizeMin !== undefined) range.gte = f.sizeMin;
    if (f.sizeMax !== undefined) range.lte = f.sizeMax;
    filter.push({ range: { size: range } });
  }
  if (f.mtimeFrom !== undefined || f.mtimeTo !== undefined) {
    const range: Query = { format: 'epoch_millis' };
    if (f.mtimeFrom !== undefined) range.gte = epochMillis(f.mtimeFrom, 'mtimeFrom');
    if (f.mtimeTo !== undefined) range.lte = epochMillis(f.mtimeTo, 'mtimeTo');
    filter.push({ range: { mtime: range } });
  }
  if (f.starred !== undefined) filter.push({ term: { starred: f.starred } });
  filter.push({ term: { trashed: f.trashed ?? false } });
  return { filter, mustNot };
}

function sortClause(params: FileSearchParams, hasText: boolean): Query[] {
  const requested = typeof params.sort === 'string' ? { field: params.sort } : params.sort;
  const field: SortField = requested?.field ?? (hasText ? 'relevance' : 'mtime');
  const order = requested?.order ?? DEFAULT_ORDER[field];
  // nodeId last: a total order, so search_after pages never skip or repeat a file.
  const tiebreak = { nodeId: { order: 'asc' } };
  switch (field) {
    case 'relevance':
      return [{ _score: { order } }, { 'name.sort': { order: 'asc' } }, tiebreak];
    case 'name':
      return [{ 'name.sort': { order } }, tiebreak];
    case 'size':
      return [{ size: { order, missing: '_last' } }, tiebreak];
    case 'mtime':
      return [{ mtime: { order, missing: '_last' } }, tiebreak];
  }
}

function aggregations(params: FileSearchParams): Query | undefined {
  const facets = new Set(params.facets ?? []);
  if (facets.size === 0) return undefined;
  const aggs: Query = {};
  if (facets.has('category')) aggs.category = { terms: { field: 'category', size: 20 } };
  if (facets.has('extension')) aggs.extension = { terms: { field: 'extension', size: 30 } };
  if (facets.has('remote')) aggs.remote = { terms: { field: 'remoteId', size: 100 } };
  if (facets.has('size')) aggs.size = { range: { field: 'size', ranges: SIZE_RANGES } };
  if (facets.has('mtime')) {
    aggs.mtime = {
      date_histogram: {
        field: 'mtime',
        calendar_interval: params.mtimeInterval ?? 'month',
        min_doc_count: 1,
      },
    };
  }
  return aggs;
}

/** The body of a search request over the files alias. Throws INVALID_INPUT on bad params. */
export function buildFileSearch(params: FileSearchParams): Query {
  if (!params.ownerId) throw invalid('ownerId is required: every search is scoped to its caller');
  const text = params.text?.trim() ?? '';
  if (text.length > MAX_TEXT) throw invalid(`search text is longer than ${MAX_TEXT} characters`);
  const size = params.size ?? 50;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw invalid(`size must be an integer from 0 to ${MAX_PAGE_SIZE}`);
  }
  const from = params.from ?? 0;
  if (!Number.isInteger(from) || from < 0) throw invalid('from must be a non-negative integer');
  if (params.searchAfter && from > 0) throw invalid('use either from or searchAfter, not both');
  if (from + size > MAX_RESULT_WINDOW) throw invalid(`pages beyond ${MAX_RESULT_WINDOW} need searchAfter`);

  const { filter, mustNot } = filterClauses(params);
  const body: Query = {
    query: {
      bool: { ...(text ? { must: [textQuery(text)] } : {}), filter, must_not: mustNot },
    },
    sort: sortClause(params, text !== ''),
    size,
    track_total_hits: true,
    // Scores are needed even when sorting by a field, so relevance stays visible to callers.
    track_scores: true,
  };
  if (params.searchAfter) body.search_after = params.searchAfter;
  else if (from > 0) body.from = from;
  if (params.highlight && text) {
    body.highlight = {
      // html encoder: a file name is user data; the only markup in a fragment is ours.
      encoder: 'html',
      pre_tags: ['<mark>'],
      post_tags: ['</mark>'],
      fields: { name: { number_of_fragments: 0 }, 'name.prefix': { number_of_fragments: 0 } },
    };
  }
  const aggs = aggregations(params);
  if (aggs) body.aggs = aggs;
  return body;
}
