// Activity from the events index (most changed files, active folders, changes per remote per
// day) and from the files index (files untouched since a date).
import type { Client } from '@opensearch-project/opensearch';
import { filesAlias } from '@syncoxide/indexer';
import { eventsIndex } from './events/events-index.js';
import { FILES, LIVE, type Scope, scopeFilters, searchBody } from './scope.js';
import type { ChangePoint, StorageActivity } from './types.js';

const DAY = 86_400_000;

export interface ActivityOptions {
  /** Window of the change counts, in days. */
  days: number;
  /**
   * Untouched: not modified for this many (30-day) months. Graph changes that leave the content
   * alone (a scan, a star, a move) do not count as touching it.
   */
  untouchedMonths: number;
  first: number;
}

type Terms<T = object> = { buckets: Array<{ key: string | number; doc_count: number } & T> };
type Last = { last: { value: number } };

export async function storageActivity(
  client: Client,
  indexPrefix: string,
  scope: Scope,
  options: ActivityOptions,
  now = Date.now(),
): Promise<StorageActivity> {
  const first = Math.min(Math.max(options.first, 1), 100);
  const since = now - options.days * DAY;
  const untouchedSince = now - options.untouchedMonths * 30 * DAY;
  const own = [
    { term: { ownerId: scope.ownerId } },
    ...(scope.remoteId ? [{ term: { remoteId: scope.remoteId } }] : []),
  ];
  const last = { last: { max: { field: 'at' } } };
  const [events, untouched] = await Promise.all([
    searchBody<{
      aggregations?: {
        files: {
          top: Terms<
            Last & { path: { hits: { hits: Array<{ _source: { path: string; remoteId: string } }> } } }
          >;
        };
        folders: Terms<Last>;
        remotes: Terms<{ days: Terms<{ change: Terms }> }>;
      };
    }>(client, eventsIndex(indexPrefix), {
      size: 0,
      track_total_hits: false,
      query: { bool: { filter: [...own, { range: { at: { gte: since } } }] } },
      aggs: {
        files: {
          filter: { term: { nodeKind: 'file' } },
          aggs: {
            top: {
              terms: { field: 'nodeId', size: first, order: [{ _count: 'desc' }, { last: 'desc' }] },
              aggs: {
                ...last,
                path: {
                  top_hits: {
                    size: 1,
                    sort: [{ at: 'desc' }, { revision: 'desc' }],
                    _source: ['path', 'remoteId'],
                  },
                },
              },
            },
          },
        },
        folders: {
          multi_terms: {
            terms: [{ field: 'remoteId' }, { field: 'folder', missing: '' }],
            size: first,
            order: [{ last: 'desc' }, { _count: 'desc' }],
          },
          aggs: last,
        },
        remotes: {
          terms: { field: 'remoteId', size: 1000 },
          aggs: {
            days: {
              date_histogram: { field: 'at', calendar_interval: 'day', min_doc_count: 1 },
              aggs: { change: { terms: { field: 'change', size: 10 } } },
            },
          },
        },
      },
    }),
    searchBody<{ hits: { total: { value: number } }; aggregations: { bytes: { value: number } } }>(
      client,
      filesAlias(indexPrefix),
      {
        size: 0,
        track_total_hits: true,
        query: {
          bool: {
            filter: [...scopeFilters(scope), FILES, LIVE, { range: { mtime: { lt: untouchedSince } } }],
          },
        },
        aggs: { bytes: { sum: { field: 'size' } } },
      },
    ),
  ]);
  const a = events?.aggregations;
  return {
    mostChangedFiles: (a?.files.top.buckets ?? []).map((b) => {
      const src = b.path.hits.hits[0]?._source;
      return {
        nodeId: String(b.key),
        remoteId: src?.remoteId ?? '',
        path: src?.path ?? '',
        changes: b.doc_count,
        lastChangedAt: b.last.value,
      };
    }),
    activeFolders: (a?.folders.buckets ?? []).map((b) => {
      const [remoteId, path] = b.key as unknown as [string, string];
      return { remoteId, path, changes: b.doc_count, lastChangedAt: b.last.value };
    }),
    untouchedSince,
    untouchedFiles: untouched?.hits.total.value ?? 0,
    untouchedBytes: Math.round(untouched?.aggregations.bytes.value ?? 0),
    changesPerRemote: (a?.remotes.buckets ?? []).map((r) => ({
      remoteId: String(r.key),
      points: r.days.buckets.map((d) => {
        const point: ChangePoint = { at: Number(d.key), created: 0, modified: 0, deleted: 0, moved: 0 };
        for (const c of d.change.buckets) {
          const k = String(c.key) as keyof Omit<ChangePoint, 'at'>;
          if (k in point) point[k] = c.doc_count;
        }
        return point;
      }),
    })),
  };
}
