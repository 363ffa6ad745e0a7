// reindex while the system is live: searches run without pause through the alias swap and
// none fails; events that arrive during the rebuild are not lost; the result is identical.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { GraphDiffEvent } from '@syncoxide/core';
import { GraphDiffIndexer } from '../src/consumer.js';
import { resolveFilesAlias } from '../src/indexes.js';
import { ensureTopics } from '../src/kafka.js';
import { reindex, type SourceNode } from '../src/reindex.js';
import { searchFiles } from '../src/search/search.js';
import {
  allDocs,
  cleanup,
  compareWithEvents,
  diffEvent,
  finalStates,
  history,
  kafkaClient,
  produce,
  quiet,
  searchClient,
  uniqueNames,
  waitFor,
} from './helpers.js';

const client = searchClient();
const kafka = kafkaClient();
const names = uniqueNames('ix-reindex');

/**
 * A stand-in for the graph: current states, changed before their event is published (the
 * outbox commits with the change), read lazily and slowly like iterateNodeStates pages.
 * Deleted nodes are gone from it, as from the graph.
 */
class LiveGraph {
  readonly nodes = new Map<string, GraphDiffEvent>();
  apply(events: GraphDiffEvent[]): void {
    for (const e of events) {
      if (e.kind === 'deleted') this.nodes.delete(e.nodeId);
      else this.nodes.set(e.nodeId, e);
    }
  }
  /** Pauses halfway until `midway` resolves, so changes surely land while it is being read. */
  async *iterate(pauseEvery: number, midway: Promise<void>): AsyncGenerator<SourceNode> {
    let i = 0;
    const half = Math.floor(this.nodes.size / 2);
    for (const nodeId of this.nodes.keys()) {
      const e = this.nodes.get(nodeId);
      if (e) yield { nodeId, revision: e.revision, state: e.state };
      if (++i % pauseEvery === 0) await sleep(20);
      if (i === half) await midway;
    }
  }
}

describe('reindex', () => {
  const indexer = new GraphDiffIndexer({
    kafka,
    client,
    topicPrefix: names.topicPrefix,
    indexPrefix: names.indexPrefix,
    logger: quiet,
  });
  after(async () => {
    await indexer.stop();
    await cleanup(client, kafka, names);
    await client.close();
  });

  test('alias swap under continuous searches; events during the rebuild are kept', async () => {
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [{ topic: names.topic, numPartitions: 3 }]);
    await admin.disconnect();
    const before = history(1500);
    const graph = new LiveGraph();
    graph.apply(before);
    await produce(kafka, names.topic, before);
    await indexer.start();
    await waitFor(async () => ((await indexer.getLag()).total === 0 ? true : undefined), 'initial indexing');
    const [oldIndex] = await resolveFilesAlias(client, names.indexPrefix);
    const query = { ownerId: 'u1', text: 'f-12', size: 200, sort: 'name' as const };
    await client.indices.refresh({ index: names.alias });
    const baseline = await searchFiles(client, names.indexPrefix, query);
    assert.ok(baseline.total > 0 && baseline.total < 200, 'the query fits one page');

    // Searches without pause, for as long as the reindex runs.
    let searching = true;
    let searches = 0;
    const failures: unknown[] = [];
    const loop = (async () => {
      while (searching) {
        try {
          await searchFiles(client, names.indexPrefix, query);
          searches++;
        } catch (err) {
          failures.push(err);
        }
      }
    })();

    // The graph's state at the start is the source; changes keep arriving while it is read.
    const during: GraphDiffEvent[] = [];
    let reachedMidway!: () => void;
    const midway = new Promise<void>((resolve) => {
      reachedMidway = resolve;
    });
    const producing = (async () => {
      for (let round = 0; round < 10; round++) {
        const batch = [
          diffEvent(`f-${round * 7 + 1}`, 20, { name: `renamed during reindex ${round}.txt` }),
          diffEvent(`new-${round}`, 1, { name: `created during reindex ${round}.txt` }),
          diffEvent(`f-${round * 11 + 500}`, 21, {}, 'deleted'),
        ];
        during.push(...batch);
        graph.apply(batch);
        await produce(kafka, names.topic, batch);
        if (round === 4) reachedMidway();
        await sleep(150);
      }
    })();
    const result = await reindex({
      client,
      kafka,
      topicPrefix: names.topicPrefix,
      indexPrefix: names.indexPrefix,
      source: graph.iterate(100, midway),
      batchSize: 250,
      deleteOldAfterMs: 1_000,
      logger: quiet,
    });
    await producing;
    // Keep searching across the swap's aftermath and the old index's deletion.
    await sleep(500);
    searching = false;
    await loop;

    assert.deepEqual(failures, []);
    assert.ok(searches > 20, `searches ran continuously (${searches})`);
    assert.ok(result.replayed > 0, 'events that came during the rebuild were replayed');
    assert.equal(result.previous, oldIndex);
    assert.notEqual(result.index, oldIndex);
    assert.ok(result.documents >= graph.nodes.size - 10, `built from the graph (${result.documents})`);
    assert.deepEqual(await resolveFilesAlias(client, names.indexPrefix), [result.index]);
    assert.equal((await client.indices.exists({ index: oldIndex! })).body, false);

    await waitFor(async () => ((await indexer.getLag()).total === 0 ? true : undefined), 'lag to drain');
    // Built from the graph, the new index has no tombstones of files deleted before the
    // reindex; every file that exists is there in its final state, and nothing else is visible.
    const final = finalStates([...before, ...during]);
    const problems = compareWithEvents(await allDocs(client, names.indexPrefix), final, { liveOnly: true });
    assert.deepEqual(problems, []);

    // Nothing that changed during the reindex matches the baseline query, so it is identical.
    const again = await searchFiles(client, names.indexPrefix, query);
    const shape = (r: typeof baseline) => r.hits.map((h) => [h.nodeId, h.doc.revision, h.doc.name]);
    assert.equal(again.total, baseline.total);
    assert.deepEqual(shape(again), shape(baseline));
  });
});
