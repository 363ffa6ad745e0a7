// Consumer lag: how many events of the graph diff topic the indexer has not committed yet.
// Read through the admin API (committed offsets vs high watermarks), so any process — health
// checks, analytics, the CLI — can ask without being a member of the group.
import type { Admin } from 'kafkajs';
import { kafkaError } from './engine-errors.js';

export interface PartitionLag {
  partition: number;
  /** Next offset the group will read; null when it never committed on this partition. */
  committed: number | null;
  /** Oldest offset still retained. */
  low: number;
  /** Next offset to be written. */
  high: number;
  lag: number;
}

export interface ConsumerLag {
  groupId: string;
  topic: string;
  partitions: PartitionLag[];
  total: number;
}

export async function getConsumerLag(admin: Admin, groupId: string, topic: string): Promise<ConsumerLag> {
  try {
    if (!(await admin.listTopics()).includes(topic)) return { groupId, topic, partitions: [], total: 0 };
    const [watermarks, committedByTopic] = await Promise.all([
      admin.fetchTopicOffsets(topic),
      admin.fetchOffsets({ groupId, topics: [topic] }),
    ]);
    const committed = new Map(
      (committedByTopic.find((t) => t.topic === topic)?.partitions ?? []).map((p) => [
        p.partition,
        Number(p.offset),
      ]),
    );
    const partitions = watermarks
      .map((w) => {
        const low = Number(w.low);
        const high = Number(w.high);
        const c = committed.get(w.partition);
        const known = c !== undefined && c >= 0 ? c : null;
        // Nothing committed: the group starts at the oldest retained event, so all of it is lag.
        const from = known === null ? low : Math.max(known, low);
        return { partition: w.partition, committed: known, low, high, lag: Math.max(0, high - from) };
      })
      .sort((a, b) => a.partition - b.partition);
    return { groupId, topic, partitions, total: partitions.reduce((sum, p) => sum + p.lag, 0) };
  } catch (err) {
    throw kafkaError(err, `read lag of ${groupId} on ${topic}`);
  }
}
