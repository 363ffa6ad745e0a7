// The events index: one document per graph diff (the history the files index does not keep),
// for activity statistics. Ids are `<nodeId>:<revision>`, so a replayed event overwrites itself.
import type { Client } from '@opensearch-project/opensearch';
import type { GraphDiffEvent } from '@syncoxide/core';

export function eventsIndex(indexPrefix: string): string {
  return `${indexPrefix}-events`;
}

const keyword = { type: 'keyword' } as const;

export const eventsMappings = {
  dynamic: false,
  properties: {
    ownerId: keyword,
    remoteId: keyword,
    nodeId: keyword,
    nodeKind: keyword,
    change: keyword,
    path: keyword,
    folder: keyword,
    size: { type: 'long' },
    revision: { type: 'long' },
    at: { type: 'date' },
  },
} as const;

export interface EventDocument {
  ownerId: string;
  remoteId: string;
  nodeId: string;
  nodeKind: 'file' | 'folder';
  change: GraphDiffEvent['kind'];
  path: string;
  /** The folder the change happened in ('' for the root). */
  folder: string;
  size: number | null;
  revision: number;
  at: string;
}

export function eventDocument(e: GraphDiffEvent): EventDocument {
  const path = e.state.path;
  return {
    ownerId: e.state.ownerId,
    remoteId: e.state.remoteId,
    nodeId: e.nodeId,
    nodeKind: e.state.kind,
    change: e.kind,
    path,
    folder: path.slice(0, Math.max(0, path.lastIndexOf('/'))),
    size: e.state.size,
    revision: e.revision,
    at: e.at,
  };
}

/** Creates the events index when missing (idempotent, safe from several processes). */
export async function ensureEventsIndex(client: Client, indexPrefix: string): Promise<void> {
  const index = eventsIndex(indexPrefix);
  const exists = await client.indices.exists({ index });
  if (exists.body) return;
  try {
    await client.indices.create({
      index,
      body: {
        settings: { 'index.number_of_shards': 1, 'index.auto_expand_replicas': '0-1' },
        mappings: eventsMappings as never,
      },
    });
  } catch (err) {
    const type = (err as { meta?: { body?: { error?: { type?: string } } } }).meta?.body?.error?.type;
    if (type !== 'resource_already_exists_exception') throw err;
  }
}

/** Writes events; returns how many the engine refused (after logging them to the caller). */
export async function writeEvents(
  client: Client,
  indexPrefix: string,
  events: GraphDiffEvent[],
): Promise<number> {
  if (events.length === 0) return 0;
  const index = eventsIndex(indexPrefix);
  const body = events.flatMap((e) => [
    { index: { _index: index, _id: `${e.nodeId}:${e.revision}` } },
    eventDocument(e),
  ]);
  const response = await client.bulk({ body: body as never });
  const items = (response.body as { items: Array<{ index?: { status: number } }> }).items;
  return items.filter((i) => (i.index?.status ?? 500) >= 300).length;
}
