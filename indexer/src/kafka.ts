// Kafka plumbing the indexer needs: a client that logs through our JSON logger, topics it
// relies on, and the high watermarks that reindex and lag read.
import type { Config, Logger } from '@syncoxide/core';
import { type Admin, Kafka, type LogEntry, logLevel } from 'kafkajs';
import { kafkaError } from './engine-errors.js';

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

export interface KafkaOptions {
  brokers: string[];
  clientId?: string;
  logger?: Logger;
}

/** A kafkajs client whose logs go to our structured logger (warnings and errors only). */
export function createKafka(options: KafkaOptions): Kafka {
  const { logger } = options;
  return new Kafka({
    clientId: options.clientId ?? 'syncoxide-indexer',
    brokers: options.brokers,
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ namespace, level, log }: LogEntry) => {
        if (!logger) return;
        const { message, ...rest } = log;
        logger[LEVELS[level] ?? 'info']({ kafka: namespace, ...rest }, message);
      },
  });
}

export function kafkaFromConfig(config: Config, logger?: Logger): Kafka {
  return createKafka({ brokers: config.kafka.brokers, clientId: `${config.kafka.clientId}-indexer`, logger });
}

export interface TopicSpec {
  topic: string;
  numPartitions?: number;
}

/** Creates the topics that do not exist yet (idempotent; existing topics are left as they are). */
export async function ensureTopics(admin: Admin, topics: TopicSpec[]): Promise<void> {
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    if (missing.length === 0) return;
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.numPartitions ?? 6 })),
    });
  } catch (err) {
    // Another process created it between our list and create: that is what we wanted.
    if ((err as { type?: string }).type === 'TOPIC_ALREADY_EXISTS') return;
    throw kafkaError(err, 'create topics');
  }
}

/** Next offset to be written, per partition; empty when the topic does not exist. */
export async function highWatermarks(admin: Admin, topic: string): Promise<Map<number, bigint>> {
  try {
    if (!(await admin.listTopics()).includes(topic)) return new Map();
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
  } catch (err) {
    throw kafkaError(err, `read offsets of ${topic}`);
  }
}
