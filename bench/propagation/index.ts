// `npm run bench -- propagation [--size N]`: how long a change takes to reach the other side
// of a real-time two-way rule (local ↔ local, real PostgreSQL journal), N changes (default 20)
// one after another, two ways of learning about them:
//   kafka    the write is announced as a graph diff on a real Kafka topic (what the graph's
//            outbox relay publishes), consumed by the diff consumer → scheduler → run
//   watcher  the local provider's own change feed (file watcher) → scheduler → run
// The graph's ingest latency (watcher → graph → outbox) is not included in "kafka".
// Prints p50/p95/max per path, then one JSON line {"bench":"propagation","size":N,"figures":{…}}.
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { GRAPH_DIFF_SCHEMA, GRAPH_DIFF_VERSION, graphDiffTopic, uniqueName } from '@syncoxide/core';
import {
  createJournal,
  createLocalProvider,
  hasChangeFeed,
  migrateJournal,
  type Provider,
  RuleScheduler,
  SyncEngine,
  startDiffConsumer,
} from '@syncoxide/sync';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { benchArgs, printResult, printTable } from '../report.ts';

const PG_URL = process.env.SYNCOXIDE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const BROKERS = (process.env.SYNCOXIDE_KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

async function arrival(path: string, timeoutMs = 60_000): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    if (await stat(path).catch(() => null)) return performance.now();
    await sleep(5);
  }
  throw new Error(`${path} did not arrive within ${timeoutMs} ms`);
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;

export async function run(args: string[]): Promise<void> {
  const { size } = benchArgs(args, { size: 20 });
  const samples = Math.max(1, Math.round(size));
  const work = await mkdtemp(join(tmpdir(), 'syncoxide-bench-prop-'));
  const pool = new pg.Pool({ connectionString: PG_URL, max: 20 });
  const schema = uniqueName('sx_prop').replaceAll('-', '_');
  const kafka = new Kafka({
    clientId: uniqueName('bench-prop'),
    brokers: BROKERS,
    logLevel: logLevel.NOTHING,
  });
  const prefix = `${uniqueName('sxprop')}.`;
  const topic = graphDiffTopic(prefix);
  const stops: (() => Promise<void>)[] = [];
  try {
    await migrateJournal(pool, schema);
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1 }] });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    stops.push(() => producer.disconnect());
    const a = join(work, 'a');
    const b = join(work, 'b');
    await mkdir(a);
    await mkdir(b);
    const providers = new Map<string, Provider>([
      ['a', await createLocalProvider(a)],
      ['b', await createLocalProvider(b)],
    ]);
    const engine = new SyncEngine({
      journal: createJournal(pool, schema),
      provider: (r) => providers.get(r)!,
    });
    const scheduler = new RuleScheduler(engine, { debounceMs: 20, maxDelayMs: 200 });
    stops.push(() => scheduler.close());
    const rule = scheduler.upsert({
      id: 'prop',
      ownerId: 'bench',
      path1: { remote: 'a' },
      path2: { remote: 'b' },
      mode: 'two-way',
      realTime: true,
    });
    await engine.run(rule);
    const consumer = await startDiffConsumer({
      kafka,
      topicPrefix: prefix,
      groupId: uniqueName('g'),
      scheduler,
    });
    stops.push(() => consumer.stop());
    const viaKafka: number[] = [];
    for (let i = 0; i < samples; i++) {
      const name = `k${i}.txt`;
      const t0 = performance.now();
      await writeFile(join(a, name), `kafka ${i}\n`);
      const event = diffEvent(name);
      await producer.send({ topic, messages: [{ key: event.nodeId, value: JSON.stringify(event) }] });
      viaKafka.push((await arrival(join(b, name))) - t0);
    }
    await consumer.stop();
    stops.pop();
    // The local watcher as the change feed.
    const abort = new AbortController();
    stops.push(async () => abort.abort());
    const watched = providers.get('a')!;
    if (!hasChangeFeed(watched)) throw new Error('the local provider has no change feed');
    void (async () => {
      for await (const _batch of watched.changes({ cursor: null, signal: abort.signal })) {
        void scheduler.trigger(rule.id).catch(() => {});
      }
    })().catch(() => {});
    await sleep(500);
    const viaWatcher: number[] = [];
    for (let i = 0; i < samples; i++) {
      const name = `w${i}.txt`;
      const t0 = performance.now();
      await writeFile(join(a, name), `watch ${i}\n`);
      viaWatcher.push((await arrival(join(b, name))) - t0);
    }
    const figures: Record<string, number> = {};
    const rows = Object.entries({ kafka: viaKafka, watcher: viaWatcher }).map(([path, xs]) => {
      figures[`${path}_p50_ms`] = pct(xs, 0.5);
      figures[`${path}_p95_ms`] = pct(xs, 0.95);
      figures[`${path}_max_ms`] = Math.max(...xs);
      return {
        path,
        samples: xs.length,
        'p50 ms': pct(xs, 0.5),
        'p95 ms': pct(xs, 0.95),
        'max ms': Math.max(...xs),
      };
    });
    printTable(rows);
    printResult('propagation', samples, figures);
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => {});
    await pool.end();
    await rm(work, { recursive: true, force: true });
  }
}

function diffEvent(path: string) {
  return {
    schema: GRAPH_DIFF_SCHEMA,
    version: GRAPH_DIFF_VERSION,
    id: randomUUID(),
    kind: 'created',
    nodeId: randomUUID(),
    revision: 1,
    previousPath: null,
    state: {
      kind: 'file',
      ownerId: 'bench',
      remoteId: 'a',
      path,
      name: path,
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
