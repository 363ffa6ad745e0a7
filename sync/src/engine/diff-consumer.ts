// Graph diffs from Kafka drive real-time rules: each event names a node (owner, remote, path,
// previous path for a move); every real-time rule of that owner with a side holding the path is
// triggered (the scheduler debounces). Offsets are committed only after the runs the events
// triggered have finished, so a crash replays them (runs are idempotent). Replayed or stale
// events (a revision not newer than one already seen for the node, DESIGN-NOTES §1) trigger
// nothing. The periodic reconcile covers whatever never arrives.
import { type GraphDiffEvent, graphDiffTopic, type Logger, parseGraphDiffEvent } from '@syncoxide/core';
import type { Consumer, Kafka } from 'kafkajs';
import type { ChangeTracker } from './change-tracker.js';
import type { RuleScheduler } from './scheduler.js';

export interface DiffConsumerOptions {
  kafka: Kafka;
  topicPrefix: string;
  groupId?: string;
  scheduler: RuleScheduler;
  logger?: Logger;
  /** Nodes whose last revision is remembered for dedupe (LRU; default 100,000). */
  remember?: number;
  /** Told of every change not made by a sync run, so quiet-rule confirmation stays honest. */
  tracker?: ChangeTracker;
  /** Told of every fresh event too (what else runs on changes, e.g. shares between users). */
  onEvent?: (event: GraphDiffEvent) => void;
}

/** Latest revision seen per node, bounded (least recently seen forgotten first). */
class Revisions {
  private readonly seen = new Map<string, number>();
  constructor(private readonly max: number) {}

  /** True when the event is newer than anything seen for its node. */
  fresh(nodeId: string, revision: number): boolean {
    const last = this.seen.get(nodeId);
    if (last !== undefined && last >= revision) return false;
    this.seen.delete(nodeId);
    this.seen.set(nodeId, revision);
    if (this.seen.size > this.max) this.seen.delete(this.seen.keys().next().value!);
    return true;
  }
}

/** Rule ids an event should trigger (for a move: the rules of both the old and the new path). */
export function rulesTouched(scheduler: RuleScheduler, e: GraphDiffEvent): Set<string> {
  const ids = new Set<string>();
  const paths = [e.state.path, ...(e.previousPath ? [e.previousPath] : [])];
  for (const path of paths) {
    for (const rule of scheduler.rulesFor(e.state.ownerId, e.state.remoteId, path)) ids.add(rule.id);
  }
  return ids;
}

export async function startDiffConsumer(
  o: DiffConsumerOptions,
): Promise<{ consumer: Consumer; stop(): Promise<void> }> {
  const consumer = o.kafka.consumer({ groupId: o.groupId ?? 'syncoxide-sync' });
  const revisions = new Revisions(o.remember ?? 100_000);
  await consumer.connect();
  await consumer.subscribe({ topic: graphDiffTopic(o.topicPrefix), fromBeginning: true });
  await consumer.run({
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning }) => {
      const rules = new Set<string>();
      for (const message of batch.messages) {
        if (!message.value) continue;
        try {
          const event = parseGraphDiffEvent(message.value);
          if (event.kind === 'metadata' || !revisions.fresh(event.nodeId, event.revision)) continue;
          // The engine notes its own writes itself (tagged with the rule that made them).
          if (event.cause.type !== 'sync') {
            const paths = [event.state.path, ...(event.previousPath ? [event.previousPath] : [])];
            o.tracker?.note(event.state.remoteId, paths);
          }
          for (const id of rulesTouched(o.scheduler, event)) rules.add(id);
          o.onEvent?.(event);
        } catch (err) {
          // A malformed event cannot be synced from; the reconcile pass still covers its file.
          o.logger?.warn({ err, offset: message.offset }, 'unreadable graph diff skipped');
        }
      }
      const beat = setInterval(() => heartbeat().catch(() => {}), 2000);
      try {
        await Promise.allSettled([...rules].map((id) => o.scheduler.trigger(id)));
      } finally {
        clearInterval(beat);
      }
      if (!isRunning()) return;
      for (const message of batch.messages) resolveOffset(message.offset);
      await commitOffsetsIfNecessary();
    },
  });
  return {
    consumer,
    stop: async () => {
      await consumer.disconnect();
    },
  };
}
