// Runs a file search over the files alias and shapes the engine's answer for the gateway.
import type { Client } from '@opensearch-project/opensearch';
import type { FileDocument } from '../document.js';
import { searchEngineError } from '../engine-errors.js';
import { filesAlias } from '../names.js';
import { buildFileSearch, type FileSearchParams } from './query.js';

export type SortValues = Array<string | number | null>;

export interface FileHit {
  nodeId: string;
  score: number | null;
  doc: FileDocument;
  /** The name with matches in <mark>…</mark>, HTML-escaped; only when highlight was asked. */
  highlight?: string;
  sort: SortValues;
}

export interface Bucket {
  key: string;
  count: number;
}

export interface RangeBucket extends Bucket {
  from?: number;
  to?: number;
}

export interface HistogramBucket {
  /** Start of the bucket, epoch milliseconds. */
  at: number;
  count: number;
}

export interface FileFacets {
  category?: Bucket[];
  extension?: Bucket[];
  remote?: Bucket[];
  size?: RangeBucket[];
  mtime?: HistogramBucket[];
}

export interface FileSearchResult {
  total: number;
  hits: FileHit[];
  facets: FileFacets;
  /** Pass as `searchAfter` to get the next page; null on the last page. */
  nextSearchAfter: SortValues | null;
}

interface RawHit {
  _id: string;
  _score?: number | null;
  _source: FileDocument;
  sort?: SortValues;
  highlight?: Record<string, string[]>;
}

interface RawBucket {
  key: string | number;
  doc_count: number;
  from?: number;
  to?: number;
}

type RawAggs = Record<string, { buckets: RawBucket[] } | undefined>;

function shapeFacets(aggs: RawAggs | undefined): FileFacets {
  if (!aggs) return {};
  const terms = (name: string): Bucket[] | undefined =>
    aggs[name]?.buckets.map((b) => ({ key: String(b.key), count: b.doc_count }));
  const facets: FileFacets = {};
  const category = terms('category');
  const extension = terms('extension');
  const remote = terms('remote');
  if (category) facets.category = category;
  if (extension) facets.extension = extension;
  if (remote) facets.remote = remote;
  if (aggs.size) {
    facets.size = aggs.size.buckets.map((b) => {
      const bucket: RangeBucket = { key: String(b.key), count: b.doc_count };
      if (b.from !== undefined) bucket.from = b.from;
      if (b.to !== undefined) bucket.to = b.to;
      return bucket;
    });
  }
  if (aggs.mtime) facets.mtime = aggs.mtime.buckets.map((b) => ({ at: Number(b.key), count: b.doc_count }));
  return facets;
}

function emptyResult(): FileSearchResult {
  return { total: 0, hits: [], facets: {}, nextSearchAfter: null };
}

/**
 * Searches the caller's files. Before the first index exists there is simply nothing to find.
 * Throws INVALID_INPUT for bad parameters, UNAVAILABLE (retriable) when the engine is down.
 */
export async function searchFiles(
  client: Client,
  indexPrefix: string,
  params: FileSearchParams,
): Promise<FileSearchResult> {
  const body = buildFileSearch(params);
  let response: { body: unknown };
  try {
    response = await client.search({ index: filesAlias(indexPrefix), body: body as never });
  } catch (err) {
    const wrapped = searchEngineError(err, 'search files');
    if (wrapped.code === 'NOT_FOUND') return emptyResult();
    throw wrapped;
  }
  const raw = response.body as {
    hits: { total: { value: number } | number; hits: RawHit[] };
    aggregations?: RawAggs;
  };
  const hits = raw.hits.hits.map((h) => {
    const hit: FileHit = { nodeId: h._id, score: h._score ?? null, doc: h._source, sort: h.sort ?? [] };
    const fragment = h.highlight?.name?.[0] ?? h.highlight?.['name.prefix']?.[0];
    if (fragment) hit.highlight = fragment;
    return hit;
  });
  const total = typeof raw.hits.total === 'number' ? raw.hits.total : raw.hits.total.value;
  const size = body.size as number;
  const last = hits[hits.length - 1];
  return {
    total,
    hits,
    facets: shapeFacets(raw.aggregations),
    nextSearchAfter: last && hits.length === size ? last.sort : null,
  };
}
