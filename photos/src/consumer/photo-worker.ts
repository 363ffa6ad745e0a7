// The photos worker: a Kafka consumer group on the graph diff topic. Each event goes through
// handleGraphDiff (recognise, render, read EXIF) and the resulting `extra.photo` is merged into
// the node, whose own 'metadata' diff then carries it to the indexer. At-least-once: an offset
// is committed only after its event was handled; handling is idempotent (same content, same
// cache keys, same metadata). Retriable failures (a provider down) back off and retry without
// skipping; a bad event or an undecodable file is logged and passed.
import {
  createLogger,
  type GraphDiffEvent,
  graphDiffTopic,
  isRetriable,
  isSyncoxideError,
  type Logger,
  parseGraphDiffEvent,
} from '@syncoxide/core';
import type { Admin, Consumer, EachMessagePayload, Kafka } from 'kafkajs';
import { handleGraphDiff, type PhotoUpdate, type PhotoWorkerDeps } from '../worker.js';

/** Where the worker writes photo metadata: the graph store's setExtra. */
export interface PhotoSink {
  setExtra(ownerId: string, nodeId: string, extra: Record<string, unknown>): Promise<void>;
}

export interface PhotoConsumerOptions {
  kafka: Kafka;
  topicPrefix: string;
  graph: PhotoSink;
  deps: PhotoWorkerDeps;
  /** Consumer group (default `<topicPrefix>photos`). */
  groupId?: string;
  logger?: Logger;
  /** Partitions handled at once (default 1: sharp already uses both cores for one image). */
  partitionsConcurrently?: number;
  numPartitions?: number;
  backoff?: { baseMs?: number; maxMs?: number };
}

export interface PhotoConsumerStats {
  events: number;
  updated: number;
  skipped: number;
  invalid: number;
  retries: number;
  failed: number;
}

export class PhotoConsumer {
  readonly topic: string;
  readonly groupId: string;
  readonly stats: PhotoConsumerStats = {
    events: 0,
    updated: 0,
    skipped: 0,
    invalid: 0,
    retries: 0,
    failed: 0,
  };
  private readonly log: Logger;
  private consumer: Consumer | null = null;
  private admin: Admin | null = null;
  private stopping = new AbortController();
  private readonly listeners = new Set<(u: PhotoUpdate, e: GraphDiffEvent) => void>();

  constructor(private readonly options: PhotoConsumerOptions) {
    this.topic = graphDiffTopic(options.topicPrefix);
    this.groupId = options.groupId ?? `${options.topicPrefix}photos`;
    this.log = options.logger ?? createLogger('photos');
  }

  /** Called after each handled event (tests and progress reports wait on it). */
  onHandled(listener: (update: PhotoUpdate, event: GraphDiffEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    this.stopping = new AbortController();
    const { kafka } = this.options;
    this.admin = kafka.admin();
    await this.admin.connect();
    const topics = await this.admin.listTopics();
    if (!topics.includes(this.topic)) {
      await this.admin
        .createTopics({
          waitForLeaders: true,
          topics: [{ topic: this.topic, numPartitions: this.options.numPartitions ?? 6 }],
        })
        .catch((err: { type?: string }) => {
          if (err.type !== 'TOPIC_ALREADY_EXISTS') throw err;
        });
    }
    const consumer = kafka.consumer({ groupId: this.groupId, allowAutoTopicCreation: false });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) =>
      this.log.error({ err: payload.error, restart: payload.restart }, 'photos consumer crashed'),
    );
    await consumer.connect();
    // A new group starts at the oldest retained diff: every photo already in the graph gets done.
    await consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      partitionsConsumedConcurrently: this.options.partitionsConcurrently ?? 1,
      eachMessage: (payload) => this.handleMessage(payload),
    });
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.consumer?.disconnect().catch(() => {});
    await this.admin?.disconnect().catch(() => {});
    this.consumer = null;
    this.admin = null;
  }

  private async handleMessage({ message, heartbeat }: EachMessagePayload): Promise<void> {
    if (!message.value) return;
    let event: GraphDiffEvent;
    try {
      event = parseGraphDiffEvent(message.value);
    } catch (err) {
      this.stats.invalid++;
      this.log.warn({ err: (err as Error).message, offset: message.offset }, 'not a graph diff; passed');
      return;
    }
    this.stats.events++;
    const update = await this.withRetry(() => this.apply(event), heartbeat);
    if (!update) return;
    for (const l of this.listeners) l(update, event);
  }

  /** Handles one event and writes its result; null if it failed for good (logged). */
  async apply(event: GraphDiffEvent): Promise<PhotoUpdate> {
    const update = await handleGraphDiff(event, this.options.deps);
    if (update.action === 'skip') {
      this.stats.skipped++;
      return update;
    }
    try {
      await this.options.graph.setExtra(event.state.ownerId, update.nodeId, update.extra);
    } catch (err) {
      // The node is gone (deleted or purged since): nothing to describe any more.
      if (isSyncoxideError(err) && err.code === 'NOT_FOUND') {
        this.stats.skipped++;
        return { action: 'skip', nodeId: update.nodeId, reason: 'node no longer in the graph' };
      }
      throw err;
    }
    this.stats.updated++;
    return update;
  }

  private async withRetry(
    work: () => Promise<PhotoUpdate>,
    heartbeat: () => Promise<void>,
  ): Promise<PhotoUpdate | null> {
    const { baseMs = 500, maxMs = 30_000 } = this.options.backoff ?? {};
    for (let attempt = 0; ; attempt++) {
      try {
        return await work();
      } catch (err) {
        if (this.stopping.signal.aborted) throw err;
        if (!isRetriable(err)) {
          // Not worth retrying and not a decode failure (those become notes): a bug or bad
          // data. Logged, counted and passed, so one file cannot stall the partition.
          this.stats.failed++;
          this.log.error({ err }, 'photo event failed; passed');
          return null;
        }
        this.stats.retries++;
        const delay = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 10));
        this.log.warn({ err: (err as Error).message, attempt, delay }, 'photo event retrying');
        await new Promise((r) => setTimeout(r, delay));
        await heartbeat().catch(() => {});
      }
    }
  }
}
