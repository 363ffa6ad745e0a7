// The outbox relay: publishes the oldest outbox entries to Kafka, keyed by node id, with an
// idempotent producer, waits for the acknowledgement, then deletes exactly what it published.
// A crash re-publishes at most one batch; consumers dedupe by (nodeId, revision).
// One relay per database is the plan; a second one is safe (it only duplicates).
import { setTimeout as sleep } from 'node:timers/promises';
import { backoffDelay, graphDiffTopic, type Logger } from '@syncoxide/core';
import type { Kafka, Producer } from 'kafkajs';
import type { Driver } from 'neo4j-driver';
import { type Db, readTx, writeTx } from '../db.js';
import { deleteEntries, type OutboxEntry, readOldest } from './outbox.repository.js';

export interface RelayHooks {
  /** After a batch is read, before it is published. */
  afterRead?: (entries: OutboxEntry[]) => Promise<void> | void;
  /** After the broker acknowledged a batch, before it is deleted from the outbox. */
  afterPublish?: (entries: OutboxEntry[]) => Promise<void> | void;
}

export interface OutboxRelayOptions {
  driver: Driver;
  database?: string;
  kafka: Kafka;
  topicPrefix: string;
  logger: Logger;
  batchSize?: number;
  /** How long the loop sleeps when the outbox is empty and nobody calls notify(). */
  pollIntervalMs?: number;
  /** Partitions of the topic when the relay creates it. */
  partitions?: number;
  hooks?: RelayHooks;
  /** Outbox lane to publish (default '', the main lane; see GraphStoreOptions.outboxLane). */
  lane?: string;
  /** Relay only these owners' entries (relays sharded by tenant; tests sharing one database). */
  ownerIds?: string[];
}

export class OutboxRelay {
  readonly topic: string;
  private readonly db: Db;
  private readonly options: OutboxRelayOptions;
  private producer: Producer | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private woken = false;
  published = 0;

  constructor(options: OutboxRelayOptions) {
    this.options = options;
    this.db = { driver: options.driver, database: options.database ?? 'neo4j' };
    this.topic = graphDiffTopic(options.topicPrefix);
  }

  /** Publishes one batch of the oldest entries; returns how many were published. */
  async runOnce(): Promise<number> {
    const entries = await readTx(this.db, (tx) =>
      readOldest(tx, this.options.lane ?? '', this.options.batchSize ?? 1000, this.options.ownerIds ?? null),
    );
    if (entries.length === 0) return 0;
    await this.options.hooks?.afterRead?.(entries);
    const producer = await this.connect();
    await producer.send({
      topic: this.topic,
      acks: -1,
      messages: entries.map((e) => ({
        key: e.nodeId,
        value: e.payload,
        headers: { 'event-id': e.id, revision: String(e.revision), kind: e.kind },
      })),
    });
    await this.options.hooks?.afterPublish?.(entries);
    await writeTx(this.db, (tx) => deleteEntries(tx, entries));
    this.published += entries.length;
    return entries.length;
  }

  /** Publishes until the outbox is empty; returns how many were published. */
  async drain(): Promise<number> {
    let total = 0;
    for (let n = await this.runOnce(); n > 0; n = await this.runOnce()) total += n;
    return total;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Wakes the loop now (call it after a commit that wrote events). */
  notify(): void {
    this.woken = true;
    this.wake?.();
  }

  /**
   * Stops after the batch in flight. Bounded: a stuck query or a producer that never finishes
   * disconnecting must not hold a shutdown forever (anything unacknowledged stays in the outbox
   * and is published by the next relay).
   */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.running = false;
    this.notify();
    const bounded = (p: Promise<unknown> | null | undefined, what: string) =>
      Promise.race([
        Promise.resolve(p).catch(() => {}),
        sleep(timeoutMs, undefined, { ref: false }).then(() =>
          this.options.logger.warn({ timeoutMs }, `outbox relay: ${what} did not finish`),
        ),
      ]);
    await bounded(this.loop, 'the last batch');
    this.loop = null;
    await bounded(this.producer?.disconnect(), 'producer disconnect');
    this.producer = null;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        this.woken = false;
        // Connect (and create the topic) up front: consumers can subscribe before any event.
        await this.connect();
        const n = await this.runOnce();
        failures = 0;
        if (n > 0) continue;
      } catch (err) {
        failures++;
        this.options.logger.warn({ err, failures }, 'outbox relay failed; retrying');
        // Start the next attempt from a fresh connection: a producer that failed may stay broken.
        await this.producer?.disconnect().catch(() => {});
        this.producer = null;
        await sleep(backoffDelay(failures, 100, 5000));
        continue;
      }
      await this.idle();
    }
  }

  private async idle(): Promise<void> {
    if (this.woken || !this.running) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, this.options.pollIntervalMs ?? 200);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
    this.wake = null;
  }

  private async connect(): Promise<Producer> {
    if (this.producer) return this.producer;
    await this.ensureTopic();
    const producer = this.options.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
    await producer.connect();
    this.producer = producer;
    return producer;
  }

  private async ensureTopic(): Promise<void> {
    const admin = this.options.kafka.admin();
    await admin.connect();
    try {
      const topics = await admin.listTopics();
      if (!topics.includes(this.topic)) {
        await admin.createTopics({
          topics: [{ topic: this.topic, numPartitions: this.options.partitions ?? 6 }],
          waitForLeaders: true,
        });
      }
    } finally {
      await admin.disconnect();
    }
  }
}
