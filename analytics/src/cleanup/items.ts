// Report items from search documents, and paging through every document of a query.
import type { Client } from '@opensearch-project/opensearch';
import type { FileDocument } from '@syncoxide/indexer';
import { type Hits, type Query, searchBody } from '../scope.js';
import type { CleanupItem } from '../types.js';

export const DOC_FIELDS = ['nodeId', 'remoteId', 'kind', 'path', 'name', 'size', 'mtime', 'md5', 'revision'];

export type ItemDoc = Pick<
  FileDocument,
  'nodeId' | 'remoteId' | 'kind' | 'path' | 'name' | 'size' | 'mtime' | 'md5' | 'revision'
>;

export function itemOf(doc: ItemDoc, extra: Partial<CleanupItem> = {}): CleanupItem {
  const size = doc.size ?? 0;
  return {
    nodeId: doc.nodeId,
    remoteId: doc.remoteId,
    kind: doc.kind,
    path: doc.path,
    name: doc.name,
    size,
    mtime: doc.mtime,
    md5: doc.md5,
    revision: doc.revision,
    group: null,
    keep: false,
    files: doc.kind === 'file' ? 1 : 0,
    reclaimableBytes: size,
    ...extra,
  };
}

/** Every document of `query` in `sort` order, `pageSize` at a time (search_after). */
export async function* allDocs(
  client: Client,
  index: string,
  query: Query,
  sort: Query[],
  pageSize = 5000,
  limit = Number.POSITIVE_INFINITY,
): AsyncGenerator<ItemDoc> {
  let after: unknown[] | undefined;
  let seen = 0;
  const fullSort = [...sort, { nodeId: 'asc' }];
  while (seen < limit) {
    const body = await searchBody<Hits<ItemDoc>>(client, index, {
      size: Math.min(pageSize, limit - seen),
      track_total_hits: false,
      _source: DOC_FIELDS,
      query,
      sort: fullSort,
      ...(after ? { search_after: after } : {}),
    });
    const hits = body?.hits.hits ?? [];
    for (const h of hits) yield h._source;
    seen += hits.length;
    if (hits.length < pageSize) return;
    after = hits[hits.length - 1]!.sort;
  }
}
