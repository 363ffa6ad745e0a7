// Rebuilds the files index from a source of node states (the graph) into a new physical index
// while the old one keeps serving, then swaps the alias atomically: zero downtime.
//
// Events consumed during the rebuild are not lost because the rebuild replays them itself:
// it records the topic's high watermarks before reading the source, and after the build
// replays [start, now) into the new index, swaps, then replays what came in meanwhile. This
// holds because the outbox publishes an event only after its graph change committed, so an
// event below the start watermarks is already in the graph the source reads; the rest is
// replayed, and external versions make any overlap harmless. Chosen over writing every event
// to both indexes during a rebuild: that needs every running consumer (any process, any
// machine) to learn of the rebuild before it starts, a coordination the replay does not need.

import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@opensearch-project/opensearch';
import { createLogger, graphDiffTopic, type Logger, type NodeState, SyncoxideError } from '@syncoxide/core';
import type { Kafka } from 'kafkajs';
import { prepareBatch } from './batch.js';
import { bulkWrite } from './bulk.js';
import { type IndexOp, toFileDocument } from './document.js';
import {
  createFilesIndex,
  deleteIndex,
  putFilesTemplate,
  putIndexSettings,
  refreshIndex,
  resolveFilesAlias,
  swapFilesAlias,
} from './indexes.js';
import { highWatermarks } from './kafka.js';
import type { FilesIndexOptions } from './mapping.js';
import { rangesBetween, replayRanges } from './replay.js';

/** One node as the graph holds it now (what `iterateNodeStates` yields). */
export interface SourceNode {
  nodeId: string;
  revision: number;
  state: NodeState;
  /** The graph still holds the node as deleted: index a tombstone. */
  deleted?: boolean;
}

export type ReindexPhase = 'build' | 'catch-up' | 'swap' | 'catch-up-after-swap' | 'cleanup';

export interface ReindexOptions extends FilesIndexOptions {
  client: Client;
  kafka: Kafka;
  topicPrefix: string;
  indexPrefix: string;
  source: AsyncIterable<SourceNode>;
  batchSize?: number;
  /** Settings of the new index alone (e.g. index.gc_deletes in a test). */
  indexSettings?: Record<string, unknown>;
  /** Searches that resolved the alias just before the swap finish on the old index first. */
  deleteOldAfterMs?: number;
  logger?: Logger;
  onProgress?: (progress: { phase: ReindexPhase; documents: number; replayed: number }) => void;
}

export interface ReindexResult {
  index: string;
  previous: string | null;
  documents: number;
  /** Events replayed from Kafka into the new index. */
  replayed: number;
  /** Documents the engine refused (logged). */
  rejected: number;
}

async function* chunks<T>(source: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const item of source) {
    chunk.push(item);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

export async function reindex(options: ReindexOptions): Promise<ReindexResult> {
  const { client, kafka, indexPrefix } = options;
  const log = options.logger ?? createLogger('indexer-reindex');
  const topic = graphDiffTopic(options.topicPrefix);
  const result: ReindexResult = { index: '', previous: null, documents: 0, replayed: 0, rejected: 0 };
  const progress = (phase: ReindexPhase) =>
    options.onProgress?.({ phase, documents: result.documents, replayed: result.replayed });
  const write = async (index: string, ops: IndexOp[]) => {
    const written = await bulkWrite(client, index, ops, { attempts: 20, baseMs: 200, maxMs: 10_000 });
    for (const r of written.rejected)
      log.error({ nodeId: r.op.nodeId, reason: r.reason }, 'document refused');
    result.rejected += written.rejected.length;
  };
  const replay = (index: string, from: Map<number, bigint>, to: Map<number, bigint>) =>
    replayRanges(
      kafka,
      topic,
      rangesBetween(from, to),
      async (messages) => {
        // Invalid events are the running consumer's to dead-letter; here they are skipped.
        await write(index, prepareBatch(messages).ops);
      },
      { logger: log, groupPrefix: options.topicPrefix },
    );

  await putFilesTemplate(client, indexPrefix, options);
  const current = await resolveFilesAlias(client, indexPrefix);
  if (current.length > 1) {
    throw new SyncoxideError('CONFLICT', `alias points at ${current.join(', ')}; resolve by hand first`);
  }
  result.previous = current[0] ?? null;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const start = await highWatermarks(admin, topic);
    // No refreshes while building: nobody searches this index yet, and bulk loads go faster.
    result.index = await createFilesIndex(client, indexPrefix, {
      ...options,
      indexSettings: { 'index.refresh_interval': '-1', ...options.indexSettings },
    });
    log.info({ index: result.index, previous: result.previous }, 'reindex: building');
    let middle: Map<number, bigint>;
    try {
      for await (const chunk of chunks(options.source, options.batchSize ?? 1000)) {
        const ops = chunk.map((n) => ({
          nodeId: n.nodeId,
          revision: n.revision,
          doc: toFileDocument(n.nodeId, n.revision, n.state, { deleted: n.deleted ?? false }),
        }));
        await write(result.index, ops);
        result.documents += chunk.length;
        progress('build');
      }
      middle = await highWatermarks(admin, topic);
      result.replayed += await replay(result.index, start, middle);
      progress('catch-up');
      await putIndexSettings(client, result.index, {
        'index.refresh_interval': options.indexSettings?.['index.refresh_interval'] ?? null,
      });
      await refreshIndex(client, result.index);
      await swapFilesAlias(client, indexPrefix, result.previous, result.index);
      progress('swap');
    } catch (err) {
      await deleteIndex(client, result.index).catch(() => {});
      throw err;
    }
    // From here the new index serves; the running consumers write to it through the alias.
    // What they wrote to the old index between `middle` and the swap is replayed now.
    const end = await highWatermarks(admin, topic);
    result.replayed += await replay(result.index, middle, end);
    progress('catch-up-after-swap');
  } finally {
    await admin.disconnect().catch(() => {});
  }
  if (result.previous) {
    await sleep(options.deleteOldAfterMs ?? 10_000);
    await deleteIndex(client, result.previous);
    progress('cleanup');
  }
  log.info(result, 'reindex: done');
  return result;
}
