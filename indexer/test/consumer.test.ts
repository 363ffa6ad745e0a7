// The consumer against real Kafka and OpenSearch: shuffled and replayed events end as the
// final states, dead letters go to their topic and the partition moves on, lag is reported.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { GraphDiffIndexer } from '../src/consumer.js';
import { DEAD_LETTER_HEADERS } from '../src/dead-letter.js';
import { ensureTopics } from '../src/kafka.js';
import {
  allDocs,
  cleanup,
  compareWithEvents,
  diffEvent,
  finalStates,
  history,
  kafkaClient,
  type Names,
  produce,
  quiet,
  searchClient,
  shuffled,
  uniqueNames,
  waitFor,
} from './helpers.js';

const client = searchClient();
const kafka = kafkaClient();
const used: Names[] = [];
const running: GraphDiffIndexer[] = [];

async function setup() {
  const names = uniqueNames('ix-consumer');
  used.push(names);
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, [{ topic: names.topic, numPartitions: 3 }]);
  await admin.disconnect();
  const indexer = new GraphDiffIndexer({
    kafka,
    client,
    topicPrefix: names.topicPrefix,
    indexPrefix: names.indexPrefix,
    logger: quiet,
    numPartitions: 3,
  });
  running.push(indexer);
  return { names, indexer };
}

describe('graph diff consumer', () => {
  after(async () => {
    for (const indexer of running) await indexer.stop();
    for (const names of used) await cleanup(client, kafka, names);
    await client.close();
  });

  test('shuffled, duplicated events end as the final states; lag drains to zero', async () => {
    const { names, indexer } = await setup();
    const events = history(300);
    // Kafka keeps one key's order, so shuffle before producing and add replays of old events.
    const arrivals = shuffled([...events, ...events.slice(0, 200)], 7);
    await produce(kafka, names.topic, arrivals);
    await indexer.start();
    const lag = await waitFor(async () => {
      const l = await indexer.getLag();
      return l.total === 0 && l.partitions.length === 3 ? l : undefined;
    }, 'lag to drain');
    assert.equal(
      lag.partitions.reduce((sum, p) => sum + p.high, 0),
      arrivals.length,
    );
    const problems = compareWithEvents(await allDocs(client, names.indexPrefix), finalStates(events));
    assert.deepEqual(problems, []);
    assert.ok(indexer.stats.stale > 0 || indexer.stats.applied < arrivals.length);
    assert.equal(indexer.stats.deadLettered, 0);

    // More events on a running consumer, and lag reported while there is some.
    const more = [
      diffEvent('f-1', 10, { name: 'late rename.txt' }),
      diffEvent('new-1', 1, { name: 'brand new.txt' }),
    ];
    await produce(kafka, names.topic, more);
    await waitFor(
      async () => ((await indexer.getLag()).total === 0 ? true : undefined),
      'lag to drain again',
    );
    const docs = await allDocs(client, names.indexPrefix);
    assert.equal(docs.get('f-1')?.doc.name, 'late rename.txt');
    assert.equal(docs.get('new-1')?.version, 1);
  });

  test('an invalid event and a refused document go to the dead-letter topic; the rest is indexed', async () => {
    const { names, indexer } = await setup();
    await indexer.start();
    const good = [diffEvent('ok-1', 1, { name: 'before.txt' }), diffEvent('ok-2', 1, { name: 'after.txt' })];
    // A size the engine cannot store (beyond a long): valid for the schema, refused by the mapping.
    const refused = diffEvent('bad-size', 1, { name: 'bad size.txt', size: 1e20 });
    await produce(kafka, names.topic, [
      good[0]!,
      '{"schema":"syncoxide.graph-diff","version":1',
      refused,
      good[1]!,
    ]);
    await waitFor(async () => ((await indexer.getLag()).total === 0 ? true : undefined), 'lag to drain');
    const docs = await allDocs(client, names.indexPrefix);
    assert.deepEqual([...docs.keys()].sort(), ['ok-1', 'ok-2']);
    assert.equal(indexer.stats.deadLettered, 2);

    const letters: Array<{ value: string; headers: Record<string, string> }> = [];
    const reader = kafka.consumer({ groupId: `${names.topicPrefix}dlq-reader` });
    await reader.connect();
    await reader.subscribe({ topic: names.deadLetters, fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
        );
        letters.push({ value: String(message.value), headers });
      },
    });
    await waitFor(async () => letters.length >= 2 || undefined, 'dead letters');
    await reader.disconnect();
    const stages = letters.map((l) => l.headers[DEAD_LETTER_HEADERS.stage]).sort();
    assert.deepEqual(stages, ['mapping', 'schema']);
    const mapping = letters.find((l) => l.headers[DEAD_LETTER_HEADERS.stage] === 'mapping')!;
    assert.equal(JSON.parse(mapping.value).nodeId, 'bad-size');
    assert.match(mapping.headers[DEAD_LETTER_HEADERS.reason]!, /400/);
    assert.equal(mapping.headers[DEAD_LETTER_HEADERS.topic], names.topic);
    const schema = letters.find((l) => l.headers[DEAD_LETTER_HEADERS.stage] === 'schema')!;
    assert.match(schema.headers[DEAD_LETTER_HEADERS.reason]!, /invalid graph diff event/);
  });
});
