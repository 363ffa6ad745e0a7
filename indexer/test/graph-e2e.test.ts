// End to end through the real graph: ingest → outbox → relay → Kafka → indexer → OpenSearch.
// After a broker outage in the middle of an ingest, and after replaying the whole topic
// shuffled into an empty index, the index equals the graph.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { graphDiffTopic } from '@syncoxide/core';
import { OutboxRelay } from '@syncoxide/graph';
import type { Kafka } from 'kafkajs';
import type { RawMessage } from '../src/batch.js';
import { GraphDiffIndexer } from '../src/consumer.js';
import { ensureTopics, highWatermarks } from '../src/kafka.js';
import { rangesBetween, replayRanges } from '../src/replay.js';
import { Restartable } from './engines.js';
import {
  compareWithGraph,
  firstListing,
  type GraphFixture,
  graphNodes,
  newOwner,
  openGraph,
  secondListing,
  slowly,
  userActions,
} from './graph-helpers.js';
import {
  allDocs,
  cleanup,
  config,
  kafkaClient,
  type Names,
  quiet,
  searchClient,
  shuffled,
  uniqueNames,
  waitFor,
} from './helpers.js';

const client = searchClient();
const graph: GraphFixture = await openGraph();
const cleanups: Array<() => Promise<void>> = [];
after(async () => {
  for (const fn of cleanups.reverse()) await fn().catch(() => {});
  await graph.close();
  await client.close();
});

function pipeline(kafka: Kafka, names: Names, ownerId: string) {
  const relay = new OutboxRelay({
    driver: graph.driver,
    database: config.neo4j.database,
    kafka,
    topicPrefix: names.topicPrefix,
    ownerIds: [ownerId],
    logger: quiet,
    pollIntervalMs: 50,
    partitions: 3,
  });
  const indexer = new GraphDiffIndexer({
    kafka,
    client,
    topicPrefix: names.topicPrefix,
    indexPrefix: names.indexPrefix,
    logger: quiet,
    numPartitions: 3,
  });
  cleanups.push(
    () => relay.stop(),
    () => indexer.stop(),
    () => cleanup(client, kafka, names),
  );
  return { relay, indexer };
}

async function settled(indexer: GraphDiffIndexer, ownerId: string) {
  await waitFor(
    async () => {
      const outbox = await graph.store.outboxSize(ownerId);
      const lag = (await indexer.getLag()).total;
      if (outbox > 0 || lag > 0) throw new Error(`outbox ${outbox}, lag ${lag}`);
      return true;
    },
    'outbox and lag to drain',
    180_000,
    500,
  );
}

describe('end to end through the graph', () => {
  test('Kafka stopped in the middle of an ingest and restarted: the index equals the graph', async () => {
    const broker = await Restartable.start('kafka');
    cleanups.push(() => broker.dispose());
    const kafka = kafkaClient(broker.instance!.brokers);
    const names = uniqueNames('ix-e2e-outage');
    const { ownerId, remoteId } = await newOwner(graph);
    const { relay, indexer } = pipeline(kafka, names, ownerId);
    relay.start();
    await indexer.start();
    await graph.store.ingestListing({ ownerId, remoteId, entries: firstListing(400), complete: true });

    let outage: Promise<void> | null = null;
    await graph.store.ingestListing({
      ownerId,
      remoteId,
      entries: slowly(secondListing(400), 25, 150),
      batchSize: 25,
      complete: true,
      onProgress: () => {
        // The broker goes away after the first batches committed, and comes back later.
        outage ??= (async () => {
          await broker.stop();
          await new Promise((r) => setTimeout(r, 3_000));
          await broker.startAgain();
        })();
      },
    });
    assert.ok(outage, 'the broker was stopped during the ingest');
    await outage;
    await userActions(graph, ownerId);
    await settled(indexer, ownerId);
    const problems = compareWithGraph(
      await allDocs(client, names.indexPrefix),
      await graphNodes(graph, ownerId),
    );
    assert.deepEqual(problems, []);
  });

  test('the whole topic replayed from the start, shuffled, into an empty index equals the graph', async () => {
    const kafka = kafkaClient();
    const names = uniqueNames('ix-e2e-replay');
    const { ownerId, remoteId } = await newOwner(graph);
    const { relay, indexer } = pipeline(kafka, names, ownerId);
    relay.start();
    await indexer.start();
    await graph.store.ingestListing({ ownerId, remoteId, entries: firstListing(300), complete: true });
    await graph.store.ingestListing({ ownerId, remoteId, entries: secondListing(300), complete: true });
    await userActions(graph, ownerId);
    await settled(indexer, ownerId);
    const expected = await graphNodes(graph, ownerId);
    assert.deepEqual(compareWithGraph(await allDocs(client, names.indexPrefix), expected), []);

    // Every event ever published, in a seeded random order, half of them twice.
    const admin = kafka.admin();
    await admin.connect();
    const end = await highWatermarks(admin, graphDiffTopic(names.topicPrefix));
    const messages: RawMessage[] = [];
    await replayRanges(
      kafka,
      graphDiffTopic(names.topicPrefix),
      rangesBetween(new Map(), end),
      async (batch) => {
        messages.push(...batch);
      },
    );
    assert.equal(
      messages.length,
      [...end.values()].reduce((a, b) => a + Number(b), 0),
    );
    const seed = Date.now() % 100_000;
    const replay = shuffled([...messages, ...messages.filter((_, i) => i % 2 === 0)], seed);

    const fresh = uniqueNames('ix-e2e-replayed');
    await ensureTopics(admin, [{ topic: fresh.topic, numPartitions: 3 }]);
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    for (let i = 0; i < replay.length; i += 200) {
      await producer.send({
        topic: fresh.topic,
        messages: replay.slice(i, i + 200).map((m) => ({ key: m.key, value: m.value })),
      });
    }
    await producer.disconnect();
    const replayer = new GraphDiffIndexer({
      kafka,
      client,
      topicPrefix: fresh.topicPrefix,
      indexPrefix: fresh.indexPrefix,
      logger: quiet,
    });
    cleanups.push(
      () => replayer.stop(),
      () => cleanup(client, kafka, fresh),
    );
    await replayer.start();
    await waitFor(async () => (await replayer.getLag()).total === 0, 'the replay to drain', 120_000, 500);
    const problems = compareWithGraph(await allDocs(client, fresh.indexPrefix), expected);
    assert.deepEqual(problems, [], `shuffle seed ${seed}`);
    assert.equal(replayer.stats.deadLettered, 0);
  });
});
