// Feeds the events index from the graph diff topic: its own consumer group, at-least-once,
// offsets committed only after the bulk write. Malformed events are skipped with a warning
// (the indexer's dead-letter topic already keeps them); an engine failure retries the batch.
import type { Client } from '@opensearch-project/opensearch';
import {
  createLogger,
  type GraphDiffEvent,
  graphDiffTopic,
  type Logger,
  parseGraphDiffEvent,
  retry,
} from '@syncoxide/core';
import type { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { ensureEventsIndex, writeEvents } from './events-index.js';

export interface EventsConsumerOptions {
  kafka: Kafka;
  client: Client;
  topicPrefix: string;
  indexPrefix: string;
  /** Consumer group (default `<topicPrefix>analytics-events`). */
  groupId?: string;
  logger?: Logger;
}

export class GraphEventsRecorder {
  readonly groupId: string;
  readonly topic: string;
  recorded = 0;
  private consumer: Consumer | null = null;
  private readonly log: Logger;

  constructor(private readonly options: EventsConsumerOptions) {
    this.topic = graphDiffTopic(options.topicPrefix);
    this.groupId = options.groupId ?? `${options.topicPrefix}analytics-events`;
    this.log = options.logger ?? createLogger('analytics-events');
  }

  async start(): Promise<void> {
    await ensureEventsIndex(this.options.client, this.options.indexPrefix);
    // The topic belongs to the relay and the indexer (they create it with its partitions):
    // wait for it rather than auto-create it with the broker's defaults.
    const consumer = this.options.kafka.consumer({ groupId: this.groupId, allowAutoTopicCreation: false });
    this.consumer = consumer;
    await consumer.connect();
    await retry(() => consumer.subscribe({ topic: this.topic, fromBeginning: true }), {
      attempts: 30,
      baseMs: 500,
      maxMs: 5_000,
      shouldRetry: () => true,
    });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = null;
    await consumer?.disconnect().catch(() => {});
  }

  private async handleBatch({ batch, resolveOffset, commitOffsetsIfNecessary, heartbeat }: EachBatchPayload) {
    const last = batch.messages[batch.messages.length - 1];
    if (!last) return;
    const events: GraphDiffEvent[] = [];
    for (const m of batch.messages) {
      try {
        events.push(parseGraphDiffEvent(m.value?.toString('utf8') ?? ''));
      } catch (err) {
        this.log.warn({ offset: m.offset, err: (err as Error).message }, 'skipping a malformed graph diff');
      }
    }
    await retry(
      async () => {
        await heartbeat();
        const refused = await writeEvents(this.options.client, this.options.indexPrefix, events);
        if (refused > 0) this.log.warn({ refused }, 'events refused by the engine');
      },
      { attempts: 20, baseMs: 200, maxMs: 5_000, shouldRetry: () => true },
    );
    await commitOffsetsIfNecessary({
      topics: [
        {
          topic: batch.topic,
          partitions: [{ partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() }],
        },
      ],
    });
    resolveOffset(last.offset);
    this.recorded += events.length;
  }
}
