// Reads a range of offsets of a topic, partition by partition, outside the indexer's consumer
// group (a throwaway group that never commits): reindex uses it to catch a new index up with
// the events published while it was being built.
import { createLogger, type Logger, newId } from '@syncoxide/core';
import type { Kafka } from 'kafkajs';
import type { RawMessage } from './batch.js';
import { kafkaError } from './engine-errors.js';

/** [from, to) per partition. */
export type OffsetRanges = Map<number, { from: bigint; to: bigint }>;

/** Ranges from one set of high watermarks to a later one; new partitions start at 0. */
export function rangesBetween(start: Map<number, bigint>, end: Map<number, bigint>): OffsetRanges {
  const ranges: OffsetRanges = new Map();
  for (const [partition, to] of end) {
    const from = start.get(partition) ?? 0n;
    if (to > from) ranges.set(partition, { from, to });
  }
  return ranges;
}

/**
 * Starts each range at the oldest offset still retained: events that retention removed cannot
 * be read, and waiting for them would never end.
 */
async function clampToRetained(kafka: Kafka, topic: string, ranges: OffsetRanges): Promise<OffsetRanges> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const low = new Map((await admin.fetchTopicOffsets(topic)).map((o) => [o.partition, BigInt(o.low)]));
    const clamped: OffsetRanges = new Map();
    for (const [partition, r] of ranges) {
      const from = r.from > (low.get(partition) ?? 0n) ? r.from : (low.get(partition) ?? 0n);
      if (r.to > from) clamped.set(partition, { from, to: r.to });
    }
    return clamped;
  } catch (err) {
    throw kafkaError(err, `read offsets of ${topic}`);
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

export interface ReplayOptions {
  logger?: Logger;
  /** Prefix of the throwaway consumer group's name. */
  groupPrefix?: string;
}

/**
 * Calls `handle` with every message in the ranges (in offset order per partition) and returns
 * how many there were. A failing `handle` fails the replay.
 */
export async function replayRanges(
  kafka: Kafka,
  topic: string,
  ranges: OffsetRanges,
  handle: (messages: RawMessage[], partition: number) => Promise<void>,
  options: ReplayOptions = {},
): Promise<number> {
  let pending = new Map([...ranges].filter(([, r]) => r.to > r.from));
  if (pending.size === 0) return 0;
  const log = options.logger ?? createLogger('indexer-replay');
  pending = await clampToRetained(kafka, topic, pending);
  if (pending.size === 0) return 0;
  const groupId = `${options.groupPrefix ?? 'syncoxide.'}indexer-replay-${newId()}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
  let count = 0;
  let finish!: () => void;
  let fail!: (err: unknown) => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  consumer.on(consumer.events.CRASH, ({ payload }) => {
    if (!payload.restart) fail(payload.error);
  });
  try {
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const range = pending.get(batch.partition);
        if (!range) return;
        // Filter by offset rather than trust the seek alone: a fetch may start before it applies.
        const messages = batch.messages.filter((m) => {
          const o = BigInt(m.offset);
          return o >= range.from && o < range.to;
        });
        if (messages.length > 0) {
          try {
            await handle(messages, batch.partition);
          } catch (err) {
            fail(err);
            throw err;
          }
          count += messages.length;
        }
        if (BigInt(batch.lastOffset()) + 1n >= range.to) {
          pending.delete(batch.partition);
          if (pending.size === 0) finish();
        }
      },
    });
    for (const [partition, range] of pending)
      consumer.seek({ topic, partition, offset: range.from.toString() });
    await done;
    return count;
  } finally {
    await consumer.disconnect().catch(() => {});
    const admin = kafka.admin();
    try {
      await admin.connect();
      await admin.deleteGroups([groupId]);
    } catch (err) {
      log.debug({ err, groupId }, 'could not delete the replay consumer group');
    } finally {
      await admin.disconnect().catch(() => {});
    }
  }
}
