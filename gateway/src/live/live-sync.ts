// Real-time and scheduled sync in the product (DESIGN-NOTES §6): the remotes of real-time
// rules and of shares kept in sync are watched through their change feeds, and what a feed
// reports is applied to the graph (cause "watch"); every graph change reaches Kafka as a diff,
// and the diff consumer triggers the rules (debounced by the scheduler) and the shares whose
// folders it touches. So an edit made straight on a provider, not through the gateway, reaches
// the other side in seconds. The scheduler's periodic reconcile covers what feeds miss; rules
// and shares are re-read every `refreshMs` (and at once after an edit through this gateway).
import { type GraphDiffEvent, graphDiffTopic, type Logger } from '@syncoxide/core';
import type { GraphStore } from '@syncoxide/graph';
import { hasChangeFeed, parseRule, RuleScheduler, startDiffConsumer } from '@syncoxide/sync';
import type { Kafka } from 'kafkajs';
import type { ProviderPool } from '../remotes/providers.js';
import type { RulesRepository } from '../rules/rules.repository.js';
import type { RuleRunner } from './rule-runner.js';

/** What shares between users need from the live feed (implemented by ShareSync). */
export interface LiveShares {
  /** A change of `path` on `remoteId` (owned by `ownerId`) may concern a share. */
  onChange(ownerId: string, remoteId: string, path: string): void;
  /** The remotes (and owners) of every share kept in sync now. */
  syncedRemotes(): { ownerId: string; remoteId: string }[];
}

export interface LiveSyncOptions {
  kafka: Kafka;
  topicPrefix: string;
  /** Kafka consumer group of the diff consumer (one per deployment). */
  groupId: string;
  runner: RuleRunner;
  rules: RulesRepository;
  graph: Pick<GraphStore, 'applyChanges'>;
  providers: ProviderPool;
  shares?: LiveShares;
  /** How often rules and shares are re-read (default 15 s). */
  refreshMs?: number;
  /** Debounce of triggered runs (default 1 s). */
  debounceMs?: number;
  /** How long after a feed fails it is watched again (default 5 s). */
  rewatchMs?: number;
  /** Partitions of the diff topic when this is the first to need it (default 6, as the relay). */
  partitions?: number;
  logger?: Logger;
}

export class LiveSync {
  private readonly scheduler: RuleScheduler;
  /** Rules in the scheduler, as last upserted (an unchanged rule keeps its reconcile timer). */
  private readonly scheduled = new Map<string, string>();
  private readonly names = new Map<string, string>();
  /** Watched remotes → their owner. */
  private readonly watched = new Map<string, string>();
  private consumer: { stop(): Promise<void> } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private refreshing: Promise<void> | null = null;
  private closed = false;

  constructor(private readonly o: LiveSyncOptions) {
    this.scheduler = new RuleScheduler(
      {
        run: (input, options) => {
          const rule = parseRule(input);
          return o.runner.run(rule, options, { name: this.names.get(rule.id) ?? rule.id, asked: false });
        },
      },
      { debounceMs: o.debounceMs ?? 1000, ...(o.logger ? { logger: o.logger } : {}) },
    );
  }

  async start(): Promise<void> {
    if (this.closed || this.consumer) return;
    await this.ensureTopic();
    await this.refresh();
    const consumer = await startDiffConsumer({
      kafka: this.o.kafka,
      topicPrefix: this.o.topicPrefix,
      groupId: this.o.groupId,
      scheduler: this.scheduler,
      tracker: this.o.runner.tracker,
      ...(this.o.logger ? { logger: this.o.logger } : {}),
      onEvent: (e) => this.tellShares(e),
    });
    if (this.closed) {
      await consumer.stop(); // closed while connecting
      return;
    }
    this.consumer = consumer;
    this.timer = setInterval(() => {
      this.refresh().catch((err) => this.o.logger?.warn({ err }, 'live sync refresh failed'));
    }, this.o.refreshMs ?? 15_000);
    this.timer.unref();
  }

  /** The diff topic, made here if this consumer comes before any relay produced to it. */
  private async ensureTopic(): Promise<void> {
    const admin = this.o.kafka.admin();
    await admin.connect();
    try {
      const topic = graphDiffTopic(this.o.topicPrefix);
      if (!(await admin.listTopics()).includes(topic)) {
        await admin
          .createTopics({ topics: [{ topic, numPartitions: this.o.partitions ?? 6 }], waitForLeaders: true })
          .catch((err: { type?: string }) => {
            if (err.type !== 'TOPIC_ALREADY_EXISTS') throw err;
          });
      }
    } finally {
      await admin.disconnect();
    }
  }

  private tellShares(e: GraphDiffEvent): void {
    if (!this.o.shares) return;
    for (const path of [e.state.path, ...(e.previousPath ? [e.previousPath] : [])]) {
      this.o.shares.onChange(e.state.ownerId, e.state.remoteId, path);
    }
  }

  /** Re-reads rules and shares: schedules what is live, watches the remotes they need. */
  refresh(): Promise<void> {
    this.refreshing ??= this.load().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async load(): Promise<void> {
    if (this.closed) return;
    const want = new Map<string, string>();
    const live = new Set<string>();
    for (const row of await this.o.rules.listAll()) {
      let rule: ReturnType<typeof parseRule>;
      try {
        rule = parseRule(row.rule);
      } catch (err) {
        this.o.logger?.warn({ err, rule: row.id }, 'stored rule does not parse; not scheduled');
        continue;
      }
      if (!rule.enabled || (!rule.realTime && !rule.scheduleSeconds)) continue;
      live.add(rule.id);
      this.names.set(rule.id, row.name);
      const json = JSON.stringify(rule);
      if (this.scheduled.get(rule.id) !== json) {
        await this.o.runner.prepare(rule);
        this.scheduler.upsert(rule);
        this.scheduled.set(rule.id, json);
      }
      if (rule.realTime) for (const side of [rule.path1, rule.path2]) want.set(side.remote, rule.ownerId);
    }
    for (const id of [...this.scheduled.keys()]) {
      if (live.has(id)) continue;
      this.scheduler.remove(id);
      this.scheduled.delete(id);
    }
    for (const { ownerId, remoteId } of this.o.shares?.syncedRemotes() ?? []) want.set(remoteId, ownerId);
    for (const [remote, owner] of want) if (!this.watched.has(remote)) await this.watch(remote, owner);
    for (const remote of [...this.watched.keys()]) {
      if (want.has(remote)) continue;
      this.watched.delete(remote);
      this.o.runner.tracker.unwatch(remote);
    }
  }

  /** True while the remote's change feed is followed. */
  watching(remoteId: string): boolean {
    return this.watched.has(remoteId);
  }

  /** Follows the remote's change feed into the graph (and the engine's tracker). */
  private async watch(remoteId: string, ownerId: string): Promise<void> {
    const provider = await this.o.providers.get(ownerId, remoteId).catch((err) => {
      this.o.logger?.warn({ err, remote: remoteId }, 'cannot open remote to watch it');
      return null;
    });
    if (!provider || !hasChangeFeed(provider)) return; // reconciled on schedule only
    this.watched.set(remoteId, ownerId);
    void this.o.runner.tracker
      .watch(remoteId, provider, {
        onBatch: async (changes) => {
          try {
            await this.o.graph.applyChanges({
              ownerId,
              remoteId,
              changes,
              cause: { type: 'watch', ref: null },
            });
          } catch (err) {
            this.o.logger?.warn(
              { err, remote: remoteId },
              'watched changes not applied; the reconcile catches up',
            );
          }
        },
        onStopped: (err) => {
          if (this.closed || this.watched.get(remoteId) !== ownerId || err === null) return;
          this.watched.delete(remoteId);
          setTimeout(() => void this.refresh().catch(() => {}), this.o.rewatchMs ?? 5000).unref();
        },
      })
      .catch(() => {}); // reported through onStopped
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.refreshing?.catch(() => {});
    await this.consumer?.stop();
    for (const remote of this.watched.keys()) this.o.runner.tracker.unwatch(remote);
    this.watched.clear();
    await this.scheduler.close();
  }
}
