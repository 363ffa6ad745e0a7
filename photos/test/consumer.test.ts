// The photos worker as a Kafka consumer on the real pipeline: a listing ingested into Neo4j,
// its outbox relayed (private lane, own topic) to Kafka, the worker writing `extra.photo` back
// to the graph. Unhappy paths: a message that is not a graph diff is passed, a provider that
// fails with a retriable error is retried until it works, a deleted photo loses its renditions.
import assert from 'node:assert/strict';
import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createLogger, graphDiffTopic, loadConfig, SyncoxideError, uniqueName } from '@syncoxide/core';
import { createGraphDriver, createGraphStore, type GraphStore, OutboxRelay } from '@syncoxide/graph';
import { Kafka, logLevel } from 'kafkajs';
import type { Driver } from 'neo4j-driver';
import { PhotoConsumer } from '../src/consumer/photo-worker.js';
import { cacheKey, FolderStore, type PhotoMetadata, type PhotoUpdate } from '../src/index.js';
import { scene, withCameraExif } from './helpers/images.js';
import { type TempRemote, tempRemote } from './helpers/provider.js';

const logger = createLogger('photos-consumer-test', { level: 'silent' });
let driver: Driver;
let graph: GraphStore;
let relay: OutboxRelay;
let consumer: PhotoConsumer;
let remote: TempRemote;
let cacheDir: string;
let store: FolderStore;
let kafka: Kafka;
const ownerId = uniqueName('photos-owner');
const topicPrefix = `${uniqueName('photos-consumer')}.`;
let remoteId = '';
let flaky = 2;
const updates: PhotoUpdate[] = [];

async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

before(async () => {
  const config = loadConfig();
  driver = createGraphDriver(config);
  const lane = uniqueName('photos-lane');
  kafka = new Kafka({
    clientId: 'photos-consumer-test',
    brokers: config.kafka.brokers,
    logLevel: logLevel.NOTHING,
  });
  relay = new OutboxRelay({ driver, kafka, topicPrefix, logger, partitions: 1, pollIntervalMs: 100, lane });
  graph = createGraphStore({ driver, logger, outboxLane: lane, onEvents: () => relay.notify() });
  await graph.migrate();
  remote = await tempRemote('consumer');
  cacheDir = await mkdtemp(join(tmpdir(), 'syncoxide-photos-consumer-cache-'));
  store = new FolderStore(cacheDir);
  await graph.upsertUser({ id: ownerId, email: `${ownerId}@example.test`, name: 'owner' });
  remoteId = (await graph.upsertRemote({ ownerId, type: 'local', name: 'Disk', root: remote.root })).id;

  // A message that is not a graph diff sits first on the topic.
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [{ topic: graphDiffTopic(topicPrefix), numPartitions: 1 }],
  });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  // A broker that has just started may not serve a new topic's partition for a moment
  // ("does not host this topic-partition", seen on a fresh machine): retry that precondition.
  for (let attempt = 1; ; attempt++) {
    try {
      await producer.send({
        topic: graphDiffTopic(topicPrefix),
        messages: [{ key: 'x', value: '{"not":"an event"}' }],
      });
      break;
    } catch (err) {
      if (attempt >= 10) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  await producer.disconnect();

  relay.start();
  consumer = new PhotoConsumer({
    kafka,
    topicPrefix,
    graph,
    logger,
    numPartitions: 1,
    backoff: { baseMs: 50, maxMs: 200 },
    deps: {
      // The provider is "down" for the first two attempts: retriable, so the worker waits.
      providerFor: (id, _path, owner) => {
        assert.equal(id, remoteId);
        assert.equal(owner, ownerId);
        if (flaky-- > 0) throw new SyncoxideError('UNAVAILABLE', 'provider briefly unreachable');
        return remote.provider;
      },
      store,
      logger,
    },
  });
  consumer.onHandled((u) => updates.push(u));
  await consumer.start();
});

after(async () => {
  await consumer?.stop();
  await relay?.stop();
  const session = driver.session();
  try {
    for (const label of ['Node', 'Version', 'Remote', 'Outbox', 'User']) {
      await session.run(
        `MATCH (x:${label}) WHERE x.ownerId = $ownerId OR (x:User AND x.id = $ownerId) DETACH DELETE x`,
        {
          ownerId,
        },
      );
    }
  } finally {
    await session.close();
  }
  await driver?.close();
  await remote?.cleanup();
  await rm(cacheDir, { recursive: true, force: true });
});

async function scan() {
  await graph.ingestListing({
    ownerId,
    remoteId,
    entries: remote.provider.list('', { recursive: true }),
    complete: true,
  });
}

test('a scanned photo gets its metadata in the graph; bad messages are passed, outages retried', async () => {
  const jpeg = await withCameraExif(scene(5, 640, 480).jpeg({ quality: 90 }), {
    make: 'NIKON CORPORATION',
    model: 'NIKON Z 6',
    dateTimeOriginal: '2020:02:02 20:20:20',
    offset: '+01:00',
  }).toBuffer();
  await writeFile(join(remote.root, 'shot.jpg'), jpeg);
  await writeFile(join(remote.root, 'readme.txt'), 'words');
  await scan();

  const update = await waitFor(() => updates.find((u) => u.action === 'update'));
  assert.equal(update.action, 'update');
  const node = await waitFor(async () => {
    const n = await graph.node(ownerId, update.nodeId);
    return (n.extra.photo as PhotoMetadata | undefined)?.camera ? n : undefined;
  });
  const photo = node.extra.photo as PhotoMetadata;
  assert.equal(node.name, 'shot.jpg');
  assert.equal(photo.camera, 'NIKON Z 6');
  assert.equal(photo.takenAt, '2020-02-02T20:20:20+01:00');
  assert.deepEqual([photo.width, photo.height], [640, 480]);
  assert.equal(photo.renditions.length, 5);
  assert.ok(consumer.stats.invalid >= 1, 'the bad message was seen and passed');
  assert.ok(consumer.stats.retries >= 2, 'the outage was retried');
  // Its own metadata diff comes back and is skipped, not processed again.
  await waitFor(() => (updates.some((u) => u.action === 'skip' && u.nodeId === node.id) ? true : undefined));
  assert.equal(updates.filter((u) => u.action === 'update' && u.nodeId === node.id).length, 1);

  // Deleted on the provider, seen by the next scan: its renditions go.
  const keys = photo.renditions.map((r) =>
    cacheKey({ nodeId: node.id, contentTag: photo.contentTag, size: r.size, format: r.format }),
  );
  assert.ok(await store.has(keys[0]!));
  await unlink(join(remote.root, 'shot.jpg'));
  await scan();
  await waitFor(async () => {
    const left = await Promise.all(keys.map((k) => store.has(k)));
    return left.every((has) => !has) ? true : undefined;
  });
});
