// Recursive folder sizes from the files index: each file document lists its ancestor folders
// ("<remoteId>|a", "<remoteId>|a/b") in the indexed `folders` field, and a terms aggregation
// sums sizes per ancestor. An index created before that field existed gets the same keys from a
// script over every document (≈30× slower at a million files) until it is reindexed.
// One shard per files index keeps the top-N ordering exact.
import type { Client } from '@opensearch-project/opensearch';
import { filesAlias } from '@syncoxide/indexer';
import { FILES, LIVE, type Query, type Scope, scopeFilters, searchBody } from './scope.js';
import type { FolderSize } from './types.js';

const ANCESTORS = `
if (doc['path.keyword'].size() == 0 || doc['remoteId'].size() == 0) return [];
String r = doc['remoteId'].value; String p = doc['path.keyword'].value;
List out = new ArrayList();
int i = p.indexOf('/');
while (i > 0) { out.add(r + '|' + p.substring(0, i)); i = p.indexOf('/', i + 1); }
return out;`;

const scriptTerms = { script: { source: ANCESTORS, lang: 'painless' } };
const fieldTerms = { field: 'folders' };

/** Whether the physical index behind the alias maps `folders` (cached a minute per alias). */
const fieldSeen = new Map<string, { has: boolean; until: number }>();
async function ancestorTerms(client: Client, alias: string): Promise<Query> {
  const cached = fieldSeen.get(alias);
  if (cached && cached.until > Date.now()) return cached.has ? fieldTerms : scriptTerms;
  let has = false;
  try {
    const { body } = await client.indices.getMapping({ index: alias });
    const mappings = Object.values(body as Record<string, { mappings?: { properties?: object } }>);
    has =
      mappings.length > 0 &&
      mappings.every((m) => m.mappings?.properties && 'folders' in m.mappings.properties);
  } catch {
    has = false;
  }
  fieldSeen.set(alias, { has, until: Date.now() + 60_000 });
  return has ? fieldTerms : scriptTerms;
}

function liveFiles(scope: Scope): Query {
  return { bool: { filter: [...scopeFilters(scope), FILES, LIVE] } };
}

function folderOf(key: string, files: number, bytes: number): FolderSize {
  const bar = key.indexOf('|');
  return { remoteId: key.slice(0, bar), path: key.slice(bar + 1), files, bytes };
}

type Bucket = { key: string | { folder: string }; doc_count: number; bytes: { value: number } };

/** The `first` folders holding the most bytes (everything below them counted). */
export async function largestFolders(
  client: Client,
  indexPrefix: string,
  scope: Scope,
  first: number,
): Promise<FolderSize[]> {
  const size = Math.min(Math.max(first, 1), 1000);
  const alias = filesAlias(indexPrefix);
  const terms = await ancestorTerms(client, alias);
  const body = await searchBody<{ aggregations?: { folders: { buckets: Bucket[] } } }>(client, alias, {
    size: 0,
    track_total_hits: false,
    query: liveFiles(scope),
    aggs: {
      folders: {
        terms: {
          ...terms,
          size,
          shard_size: size * 4 + 100,
          order: [{ bytes: 'desc' }, { _key: 'asc' }],
        },
        aggs: { bytes: { sum: { field: 'size' } } },
      },
    },
  });
  return (body?.aggregations?.folders.buckets ?? []).map((b) =>
    folderOf(String(b.key), b.doc_count, Math.round(b.bytes.value)),
  );
}

/** Files and bytes below every folder that holds at least one file, paged by composite. */
export async function* folderTotals(
  client: Client,
  indexPrefix: string,
  scope: Scope,
  pageSize = 5000,
): AsyncGenerator<FolderSize> {
  let after: Record<string, unknown> | undefined;
  const alias = filesAlias(indexPrefix);
  const terms = await ancestorTerms(client, alias);
  for (;;) {
    const body = await searchBody<{
      aggregations?: { folders: { buckets: Bucket[]; after_key?: Record<string, unknown> } };
    }>(client, alias, {
      size: 0,
      track_total_hits: false,
      query: liveFiles(scope),
      aggs: {
        folders: {
          composite: {
            size: pageSize,
            sources: [{ folder: { terms } }],
            ...(after ? { after } : {}),
          },
          aggs: { bytes: { sum: { field: 'size' } } },
        },
      },
    });
    const agg = body?.aggregations?.folders;
    for (const b of agg?.buckets ?? []) {
      const key = typeof b.key === 'string' ? b.key : b.key.folder;
      yield folderOf(key, b.doc_count, Math.round(b.bytes.value));
    }
    if (!agg?.after_key || (agg.buckets ?? []).length < pageSize) return;
    after = agg.after_key;
  }
}
