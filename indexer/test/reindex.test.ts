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

/** The graph as a source: its current states (tombstones for deleted nodes), slowly. */
async function* graphLike(
  states: Map<string, GraphDiffEvent>,
  pauseEvery: number,
): AsyncGenerator<SourceNode> {
  let i = 0;
  for (const e of states.values()) {
    yield { nodeId: e.nodeId, revision: e.revision, state: e.state, deleted: e.kind === 'deleted' };
    if (++i % pauseEvery === 0) await sleep(20);
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
    await produce(kafka, names.topic, before);
    await indexer.start();
    await waitFor(async () => ((await indexer.getLag()).total === 0 ? true : undefined), 'initial indexing');
    const [oldIndex] = await resolveFilesAlias(client, names.indexPrefix);
    const query = { ownerId: 'u1', text: 'f-12', size: 200, sort: 'name' as const };
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
    const producing = (async () => {
      for (let round = 0; round < 10; round++) {
        const batch = [
          diffEvent(`f-${round * 7}`, 20, { name: `renamed during reindex ${round}.txt` }),
          diffEvent(`new-${round}`, 1, { name: `created during reindex ${round}.txt` }),
          diffEvent(`f-${round * 11 + 3}`, 21, {}, 'deleted'),
        ];
        during.push(...batch);
        await produce(kafka, names.topic, batch);
        await sleep(150);
      }
    })();
    const result = await reindex({
      client,
      kafka,
      topicPrefix: names.topicPrefix,
      indexPrefix: names.indexPrefix,
      source: graphLike(finalStates(before), 100),
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
    assert.equal(result.previous, oldIndex);
    assert.notEqual(result.index, oldIndex);
    assert.equal(result.documents, finalStates(before).size);
    assert.deepEqual(await resolveFilesAlias(client, names.indexPrefix), [result.index]);
    assert.equal((await client.indices.exists({ index: oldIndex! })).body, false);

    await waitFor(async () => ((await indexer.getLag()).total === 0 ? true : undefined), 'lag to drain');
    const problems = compareWithEvents(
      await allDocs(client, names.indexPrefix),
      finalStates([...before, ...during]),
    );
    assert.deepEqual(problems, []);

    // Nothing that changed during the reindex matches the baseline query, so it is identical.
    const again = await searchFiles(client, names.indexPrefix, query);
    const unchanged = (r: typeof baseline) =>
      r.hits.filter((h) => !during.some((e) => e.nodeId === h.nodeId)).map((h) => [h.nodeId, h.doc.revision]);
    assert.deepEqual(unchanged(again), unchanged(baseline));
  });
});
