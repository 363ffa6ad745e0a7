// Tombstone purge: deleted files stay in the index as tombstones (so a late replay of an older
// state cannot resurrect them); this job removes the ones old enough that no such replay can
// still come, after the graph confirms the node is really gone.
//
// "Old enough" must exceed the graph diff topic's retention plus the worst consumer lag: a
// tombstone purged earlier could be followed by a replayed create that brings the file back.
import type { Client } from '@opensearch-project/opensearch';
import { createLogger, type Logger } from '@syncoxide/core';
import { searchEngineError } from './engine-errors.js';
import { filesAlias } from './names.js';

export interface PurgeOptions {
  client: Client;
  indexPrefix: string;
  /** Purge tombstones whose deletion the graph committed longer ago than this. */
  olderThanMs: number;
  /** Whether the graph still holds the node; only nodes it no longer has are purged. */
  exists: (nodeId: string, ownerId: string) => Promise<boolean>;
  batchSize?: number;
  now?: Date;
  logger?: Logger;
}

export interface PurgeResult {
  checked: number;
  purged: number;
  /** The graph still has the node. */
  kept: number;
  /** The tombstone changed (a newer revision) between our read and our delete. */
  changed: number;
}

interface TombstoneHit {
  _index: string;
  _id: string;
  _seq_no: number;
  _primary_term: number;
  _source: { ownerId: string };
  sort: Array<string | number>;
}

export async function purgeTombstones(options: PurgeOptions): Promise<PurgeResult> {
  const { client } = options;
  const log = options.logger ?? createLogger('indexer-purge');
  const cutoff = (options.now ?? new Date()).getTime() - options.olderThanMs;
  const size = options.batchSize ?? 500;
  const result: PurgeResult = { checked: 0, purged: 0, kept: 0, changed: 0 };
  let after: Array<string | number> | undefined;
  for (;;) {
    let hits: TombstoneHit[];
    try {
      const response = await client.search({
        index: filesAlias(options.indexPrefix),
        body: {
          query: {
            bool: {
              filter: [
                { term: { deleted: true } },
                { range: { deletedAt: { lt: cutoff, format: 'epoch_millis' } } },
              ],
            },
          },
          sort: [{ nodeId: { order: 'asc' } }],
          size,
          _source: ['ownerId'],
          // Delete only the exact tombstone we looked at: if_seq_no below refuses a newer one.
          seq_no_primary_term: true,
          ...(after ? { search_after: after } : {}),
        } as never,
      });
      hits = response.body.hits.hits as unknown as TombstoneHit[];
    } catch (err) {
      throw searchEngineError(err, 'find tombstones');
    }
    if (hits.length === 0) break;
    after = hits[hits.length - 1]!.sort;
    result.checked += hits.length;
    const gone: TombstoneHit[] = [];
    for (let i = 0; i < hits.length; i += 50) {
      const slice = hits.slice(i, i + 50);
      const present = await Promise.all(slice.map((h) => options.exists(h._id, h._source.ownerId)));
      slice.forEach((h, j) => {
        if (present[j]) result.kept++;
        else gone.push(h);
      });
    }
    if (gone.length > 0) {
      let items: Array<{ delete?: { status: number } }>;
      try {
        const response = await client.bulk({
          body: gone.map((h) => ({
            delete: { _index: h._index, _id: h._id, if_seq_no: h._seq_no, if_primary_term: h._primary_term },
          })),
        });
        items = response.body.items as typeof items;
      } catch (err) {
        throw searchEngineError(err, 'purge tombstones');
      }
      for (const item of items) {
        const status = item.delete?.status ?? 500;
        if (status === 200 || status === 404) result.purged++;
        else if (status === 409) result.changed++;
        else log.warn({ status }, 'tombstone purge failed for one document; next run tries again');
      }
    }
    if (hits.length < size) break;
  }
  log.info(result, 'tombstone purge done');
  return result;
}
