import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type GraphDiffEvent, graphDiffTopic, parseGraphDiffEvent, uniqueName } from '@syncoxide/core';
import type { Kafka } from 'kafkajs';
import { OutboxRelay } from '../src/index.js';
import {
  config,
  file,
  LANE,
  logger,
  newKafka,
  newOwner,
  newStore,
  testDriver,
  topicPrefix,
} from './helpers.js';

const store = await newStore();
const kafka = newKafka();
const relays: OutboxRelay[] = [];
after(async () => {
  for (const r of relays) await r.stop();
});

function relayFor(ownerId: string, prefix: string, hooks = {}) {
  const relay = new OutboxRelay({
    driver: testDriver(),
    database: config.neo4j.database,
    kafka,
    topicPrefix: prefix,
    ownerIds: [ownerId],
    lane: LANE,
    logger,
    batchSize: 3,
    pollIntervalMs: 20,
    hooks,
  });
  relays.push(relay);
  return relay;
}

interface Received {
  key: string;
  partition: number;
  event: GraphDiffEvent;
}

/** Reads the topic from the beginning until `done` says so. */
async function consume(
  k: Kafka,
  topic: string,
  done: (got: Received[]) => boolean,
  timeoutMs = 60_000,
): Promise<Received[]> {
  const admin = k.admin();
  await admin.connect();
  for (let i = 0; i < 300 && !(await admin.listTopics()).includes(topic); i++)
    await new Promise((r) => setTimeout(r, 100));
  await admin.disconnect();
  const consumer = k.consumer({ groupId: uniqueName('graph-test') });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const got: Received[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out with ${got.length} messages`)), timeoutMs);
      void consumer.run({
        eachMessage: async ({ message, partition }) => {
          got.push({ key: message.key!.toString(), partition, event: parseGraphDiffEvent(message.value!) });
          if (done(got)) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return got;
}

describe('outbox relay', () => {
  test('events reach Kafka keyed by node id, each node in revision order, and leave the outbox', async () => {
    const { ownerId, remoteId } = await newOwner(store);
    const prefix = topicPrefix();
    const relay = relayFor(ownerId, prefix);
    await store.ingestListing({
      ownerId,
      remoteId,
      entries: [file('a.txt', '1'), file('b.txt', '1')],
      complete: true,
    });
    for (const v of ['22', '333', '4444']) {
      await store.ingestListing({
        ownerId,
        remoteId,
        entries: [file('a.txt', v), file('b.txt', v)],
        complete: true,
      });
    }
    assert.equal(await store.outboxSize(ownerId), 8);
    assert.equal(await relay.drain(), 8);
    assert.equal(await store.outboxSize(ownerId), 0);
    const got = await consume(kafka, graphDiffTopic(prefix), (g) => g.length >= 8);
    assert.ok(got.every((m) => m.key === m.event.nodeId));
    const byNode = new Map<string, number[]>();
    for (const m of got) byNode.set(m.key, [...(byNode.get(m.key) ?? []), m.event.revision]);
    assert.deepEqual(
      [...byNode.values()],
      [
        [1, 2, 3, 4],
        [1, 2, 3, 4],
      ],
    );
  });

  test('the outbox is emptied only after the broker acknowledged', async () => {
    const { ownerId, remoteId } = await newOwner(store);
    const prefix = topicPrefix();
    const seenBeforeDelete: number[] = [];
    const failing = relayFor(ownerId, prefix, {
      afterRead: () => {
        throw new Error('broker unreachable');
      },
    });
    await store.ingestListing({ ownerId, remoteId, entries: [file('x.txt')], complete: true });
    await assert.rejects(failing.runOnce(), /unreachable/);
    assert.equal(await store.outboxSize(ownerId), 1);
    const relay = relayFor(ownerId, prefix, {
      afterPublish: async () => {
        seenBeforeDelete.push(await store.outboxSize(ownerId));
      },
    });
    assert.equal(await relay.runOnce(), 1);
    assert.deepEqual(seenBeforeDelete, [1]);
    assert.equal(await store.outboxSize(ownerId), 0);
  });

  test('the running relay wakes on notify and publishes soon after a commit', async () => {
    const { ownerId, remoteId } = await newOwner(store);
    const prefix = topicPrefix();
    const relay = relayFor(ownerId, prefix);
    relay.start();
    const notified = await newStore({ onEvents: () => relay.notify() });
    await notified.ingestListing({ ownerId, remoteId, entries: [file('fast.txt')], complete: true });
    const got = await consume(kafka, graphDiffTopic(prefix), (g) => g.length >= 1);
    assert.equal(got[0]!.event.state.path, 'fast.txt');
    for (let i = 0; i < 50 && (await store.outboxSize(ownerId)) > 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    assert.equal(await store.outboxSize(ownerId), 0);
  });

  for (const pause of ['after-read', 'after-publish'] as const) {
    test(`a relay killed with SIGKILL ${pause.replace('-', ' ')} loses nothing`, async () => {
      const { ownerId, remoteId } = await newOwner(store);
      const prefix = topicPrefix();
      const child = startChild({ PAUSE: pause, TOPIC_PREFIX: prefix, OWNER_ID: ownerId, LANE });
      try {
        await child.line(/^READY/);
        await store.ingestListing({ ownerId, remoteId, entries: [file('precious.txt')], complete: true });
        await child.line(pause === 'after-read' ? /^READ 1/ : /^PUBLISHED 1/);
        child.process.kill('SIGKILL');
        await once(child.process, 'exit');
      } finally {
        child.process.kill('SIGKILL');
      }
      assert.equal(await store.outboxSize(ownerId), 1);
      assert.equal(await relayFor(ownerId, prefix).drain(), 1);
      const expected = pause === 'after-publish' ? 2 : 1;
      const got = await consume(kafka, graphDiffTopic(prefix), (g) => g.length >= expected);
      assert.ok(got.every((m) => m.event.state.path === 'precious.txt'));
      const unique = new Set(got.map((m) => `${m.event.nodeId}@${m.event.revision}`));
      assert.equal(unique.size, 1);
      assert.equal(got.length, expected);
    });
  }
});

function startChild(env: Record<string, string>): {
  process: ChildProcess;
  line: (re: RegExp) => Promise<string>;
} {
  const script = fileURLToPath(new URL('./fixtures/relay-child.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const waiters: Array<() => void> = [];
  createInterface({ input: child.stdout! }).on('line', (l) => {
    lines.push(l);
    for (const w of waiters.splice(0)) w();
  });
  const line = async (re: RegExp) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const hit = lines.find((l) => re.test(l));
      if (hit) return hit;
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`child never printed ${re}: ${lines}`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 200);
      });
    }
  };
  return { process: child, line };
}
