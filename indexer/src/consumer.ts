// The indexer: a Kafka consumer group that applies graph diff events to the files index.
// At-least-once and idempotent: offsets are committed only after the bulk write (and any dead
// letters) succeeded; replays are refused by the engine through the external version. While
// the search engine is unreachable the partition waits and backs off — it never skips.
import type { Client } from '@opensearch-project/opensearch';
import { createLogger, graphDiffTopic, type Logger, retry, SyncoxideError } from '@syncoxide/core';
import type { Admin, Consumer, EachBatchPayload, Kafka, Producer } from 'kafkajs';
import { mappingDeadLetter, prepareBatch } from './batch.js';
import { bulkWrite } from './bulk.js';
import { type DeadLetter, sendDeadLetters } from './dead-letter.js';
import { ensureFilesIndex } from './indexes.js';
import { ensureTopics } from './kafka.js';
import { type ConsumerLag, getConsumerLag } from './lag.js';
import { deadLetterTopic, defaultGroupId, filesAlias } from './names.js';

export interface IndexerOptions {
  kafka: Kafka;
  client: Client;
  topicPrefix: string;
  indexPrefix: string;
  /** Consumer group (default `<topicPrefix>indexer`). */
  groupId?: string;
  logger?: Logger;
  /** Back-off while the search engine refuses or is unreachable (default 200 ms … 5 s). */
  backoff?: { baseMs?: number; maxMs?: number };
  /** Partitions processed at once by this process (default 1). */
  partitionsConcurrently?: number;
  /** Partitions of the topics if the indexer has to create them (default 6). */
  numPartitions?: number;
  sessionTimeoutMs?: number;
}

export interface IndexerStats {
  batches: number;
  applied: number;
  /** Refused as older than (or equal to) what the index holds: replays, reordering. */
  stale: number;
  deadLettered: number;
  /** Write attempts that failed and were retried. */
  retries: number;
  /** Consumer restarts after a crash. */
  restarts: number;
}

export class GraphDiffIndexer {
  readonly topic: string;
  readonly deadLetterTopic: string;
  readonly groupId: string;
  readonly stats: IndexerStats = {
    batches: 0,
    applied: 0,
    stale: 0,
    deadLettered: 0,
    retries: 0,
    restarts: 0,
  };
  private readonly log: Logger;
  private readonly alias: string;
  private consumer: Consumer | null = null;
  private producer: Producer | null = null;
  private admin: Admin | null = null;
  private stopping = new AbortController();
  private restartTimer: NodeJS.Timeout | null = null;
  private restartAttempt = 0;

  constructor(private readonly options: IndexerOptions) {
    this.topic = graphDiffTopic(options.topicPrefix);
    this.deadLetterTopic = deadLetterTopic(options.topicPrefix);
    this.groupId = options.groupId ?? defaultGroupId(options.topicPrefix);
    this.alias = filesAlias(options.indexPrefix);
    this.log = options.logger ?? createLogger('indexer');
  }

  /** Sets up index, alias and topics, then consumes until `stop()`. Resolves once consuming. */
  async start(): Promise<void> {
    this.stopping = new AbortController();
    const { kafka, client, indexPrefix } = this.options;
    await retry(() => ensureFilesIndex(client, indexPrefix), { attempts: 10, baseMs: 500, maxMs: 5_000 });
    this.admin = kafka.admin();
    await this.admin.connect();
    const numPartitions = this.options.numPartitions ?? 6;
    // A broker that just started (or a topic another process is creating) may not have
    // partition leaders yet: retriable, so wait for it.
    await retry(
      () =>
        ensureTopics(this.admin!, [
          { topic: this.topic, numPartitions },
          { topic: this.deadLetterTopic, numPartitions },
        ]),
      { attempts: 10, baseMs: 500, maxMs: 5_000 },
    );
    this.producer = kafka.producer({ allowAutoTopicCreation: false });
    await this.producer.connect();
    await this.runConsumer();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const consumer = this.consumer;
    this.consumer = null;
    await consumer?.disconnect().catch(() => {});
    await this.producer?.disconnect().catch(() => {});
    await this.admin?.disconnect().catch(() => {});
    this.producer = null;
    this.admin = null;
  }

  /** Committed offsets against high watermarks, per partition and in total. */
  async getLag(): Promise<ConsumerLag> {
    if (!this.admin) throw new SyncoxideError('PRECONDITION_FAILED', 'indexer is not started');
    return getConsumerLag(this.admin, this.groupId, this.topic);
  }

  private async runConsumer(): Promise<void> {
    const consumer = this.options.kafka.consumer({
      groupId: this.groupId,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      allowAutoTopicCreation: false,
    });
    this.consumer = consumer;
    // kafkajs restarts itself after retriable crashes only; anything else (a broker gone for
    // longer than its retries) would leave the indexer silently dead, so we restart it.
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.log.error({ err: payload.error, restart: payload.restart }, 'indexer consumer crashed');
      if (!payload.restart) this.scheduleRestart(consumer);
      else this.stats.restarts++;
    });
    await consumer.connect();
    // A new group starts at the oldest retained event: the index must hold every file.
    await consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConcurrently ?? 1,
      eachBatch: (payload) => this.handleBatch(payload),
    });
    this.restartAttempt = 0;
  }

  private scheduleRestart(crashed: Consumer): void {
    if (this.stopping.signal.aborted || this.consumer !== crashed) return;
    const delay = Math.min(30_000, 1_000 * 2 ** this.restartAttempt++);
    this.restartTimer = setTimeout(async () => {
      this.restartTimer = null;
      if (this.stopping.signal.aborted || this.consumer !== crashed) return;
      this.stats.restarts++;
      await crashed.disconnect().catch(() => {});
      try {
        await this.runConsumer();
      } catch (err) {
        this.log.warn({ err, delay }, 'indexer consumer restart failed; trying again');
        this.scheduleRestart(this.consumer ?? crashed);
      }
    }, delay);
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const last = batch.messages[batch.messages.length - 1];
    if (!last) return;
    const { ops, invalid } = prepareBatch(batch.messages);
    const signal = this.stopping.signal;
    const { baseMs = 200, maxMs = 5_000 } = this.options.backoff ?? {};
    const written = await bulkWrite(this.options.client, this.alias, ops, {
      requireAlias: true,
      attempts: Number.POSITIVE_INFINITY,
      baseMs,
      maxMs,
      signal,
      beforeRetry: async () => {
        // A rebalance gave this partition to another member, or we are stopping: give up the
        // batch uncommitted; whoever owns the partition next starts again from the last commit.
        if (!isRunning() || isStale() || signal.aborted) {
          throw new SyncoxideError('ABORTED', 'batch abandoned: consumer stopping or partition reassigned');
        }
        await heartbeat();
      },
      onRetry: (err, attempt, delayMs) => {
        this.stats.retries++;
        this.log.warn(
          { err: (err as Error).message, attempt, delayMs, partition: batch.partition },
          'search engine not taking writes; backing off',
        );
      },
    });
    const letters: DeadLetter[] = [
      ...invalid,
      ...written.rejected.map(({ op, reason }) => mappingDeadLetter(op, reason)),
    ];
    if (letters.length > 0) {
      await sendDeadLetters(this.producer!, this.deadLetterTopic, batch.topic, batch.partition, letters);
      this.log.warn({ count: letters.length, reasons: letters.map((l) => l.reason) }, 'events dead-lettered');
    }
    // Commit before resolving: if the commit fails, the unresolved batch is fetched and applied
    // again (idempotent) and committed then. Resolved first, a failed commit would leave the
    // consumer past the batch with nothing committed until the partition's next event.
    await commitOffsetsIfNecessary({
      topics: [
        {
          topic: batch.topic,
          partitions: [{ partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() }],
        },
      ],
    });
    resolveOffset(last.offset);
    this.stats.batches++;
    this.stats.applied += written.applied;
    this.stats.stale += written.stale;
    this.stats.deadLettered += letters.length;
  }
}
