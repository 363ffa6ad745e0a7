// Real-time rules driven by graph diffs from a real Kafka: an event naming a file in a rule's
// folder triggers a (debounced) run; events of other owners or remotes, replays and stale
// revisions trigger nothing; the periodic reconcile picks up a change no event announced.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  GRAPH_DIFF_SCHEMA,
  GRAPH_DIFF_VERSION,
  type GraphDiffEvent,
  graphDiffTopic,
  uniqueName,
} from '@syncoxide/core';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { startDiffConsumer } from '../../src/engine/diff-consumer.js';
import { SyncEngine } from '../../src/engine/runner.js';
import { RuleScheduler } from '../../src/engine/scheduler.js';
import { type KitEnv, localKit, providerMap } from './kits.js';
import { type TestJournal, testJournal } from './pg.js';

const BROKERS = (process.env.SYNCOXIDE_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

function event(over: {
  ownerId: string;
  remoteId: string;
  path: string;
  nodeId?: string;
  revision?: number;
}): GraphDiffEvent {
  const name = over.path.slice(over.path.lastIndexOf('/') + 1);
  return {
    schema: GRAPH_DIFF_SCHEMA,
    version: GRAPH_DIFF_VERSION,
    id: randomUUID(),
    kind: 'created',
    nodeId: over.nodeId ?? randomUUID(),
    revision: over.revision ?? 1,
    previousPath: null,
    state: {
      kind: 'file',
      ownerId: over.ownerId,
      remoteId: over.remoteId,
      path: over.path,
      name,
      size: 1,
      mtime: Date.now(),
      md5: null,
      sha1: null,
      mime: null,
      providerId: null,
      logicalId: null,
      starred: false,
      trashed: false,
      sharedWith: [],
      extra: {},
    },
    at: new Date().toISOString(),
    cause: { type: 'watch', ref: null },
  };
}

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await sleep(100);
  }
  return false;
}

describe('diff-driven sync (Kafka graph diffs)', () => {
  let env: KitEnv;
  let db: TestJournal;
  let kafka: Kafka;
  let producer: Producer;
  const prefix = `${uniqueName('sxsync')}.`;
  const topic = graphDiffTopic(prefix);
  before(async () => {
    env = await localKit.setup();
    db = await testJournal('diff');
    kafka = new Kafka({ clientId: uniqueName('sync-test'), brokers: BROKERS, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 2 }] });
    await admin.disconnect();
    producer = kafka.producer();
    await producer.connect();
  });
  after(async () => {
    await producer?.disconnect();
    await db?.close();
    await env?.cleanup();
  });

  it('runs a real-time rule on a diff in its folder, nothing else; reconcile catches the rest', {
    timeout: 120_000,
  }, async () => {
    const engine = new SyncEngine({ journal: db.journal, provider: providerMap(env) });
    const runs: string[] = [];
    engine.events.on('run:planned', (e) => runs.push(e.ruleId));
    const scheduler = new RuleScheduler(engine, { debounceMs: 200, maxDelayMs: 2000 });
    const owner = 'owner-rt';
    const rule = scheduler.upsert({
      id: uniqueName('rt'),
      ownerId: owner,
      path1: { remote: env.path1.remote, path: 'watched' },
      path2: { remote: env.path2.remote, path: 'mirror' },
      mode: 'two-way',
      realTime: true,
    });
    const consumer = await startDiffConsumer({
      kafka,
      topicPrefix: prefix,
      groupId: uniqueName('g'),
      scheduler,
    });
    try {
      await env.path1.provider.write('watched/hello.txt', Readable.from([Buffer.from('hi\n')]));
      const node = randomUUID();
      const send = (e: GraphDiffEvent) =>
        producer.send({ topic, messages: [{ key: e.nodeId, value: JSON.stringify(e) }] });
      // Unrelated: another owner, another remote, outside the folder. Then the real one.
      await send(event({ ownerId: 'someone-else', remoteId: env.path1.remote, path: 'watched/hello.txt' }));
      await send(event({ ownerId: owner, remoteId: 'other-remote', path: 'watched/hello.txt' }));
      await send(event({ ownerId: owner, remoteId: env.path1.remote, path: 'elsewhere/x.txt' }));
      await send(
        event({
          ownerId: owner,
          remoteId: env.path1.remote,
          path: 'watched/hello.txt',
          nodeId: node,
          revision: 2,
        }),
      );
      const arrived = await until(
        async () => (await env.path2.provider.stat('mirror/hello.txt')) !== null,
        30_000,
      );
      assert.ok(arrived, 'the diff triggered a run that copied the file');
      const triggered = runs.length;
      assert.ok(triggered >= 1 && runs.every((id) => id === rule.id));
      // A replay and a stale revision of the same node trigger nothing.
      await send(
        event({
          ownerId: owner,
          remoteId: env.path1.remote,
          path: 'watched/hello.txt',
          nodeId: node,
          revision: 2,
        }),
      );
      await send(
        event({
          ownerId: owner,
          remoteId: env.path1.remote,
          path: 'watched/hello.txt',
          nodeId: node,
          revision: 1,
        }),
      );
      await sleep(2500);
      assert.equal(runs.length, triggered, 'no run for replayed or stale events');
      // No event at all: the periodic reconcile finds the change.
      scheduler.upsert({ ...rule, scheduleSeconds: 1 });
      await env.path2.provider.write('mirror/quiet.txt', Readable.from([Buffer.from('no event\n')]));
      const reconciled = await until(
        async () => (await env.path1.provider.stat('watched/quiet.txt')) !== null,
        15_000,
      );
      assert.ok(reconciled, 'reconcile copied a change no diff announced');
    } finally {
      await consumer.stop();
      await scheduler.close();
    }
  });
});
