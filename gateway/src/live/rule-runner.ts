// Runs users' sync rules through one long-lived engine, whether asked from the API or started
// by the scheduler: the engine keeps what it learnt between runs (the change tracker's
// cursors, the clean marks that let a quiet rule skip listing), writes what each run did back
// into the graph (no rescan afterwards), and its progress is published to the rule's owner.
import type { Logger } from '@syncoxide/core';
import {
  type ChangeSink,
  ChangeTracker,
  type Journal,
  type Provider,
  type RunOptions,
  type RunReport,
  SyncEngine,
  type SyncRule,
} from '@syncoxide/sync';
import type { EventsService } from '../events/events.service.js';
import type { ProviderPool } from '../remotes/providers.js';

export interface RuleRunnerOptions {
  journal: Journal;
  providers: ProviderPool;
  graph: ChangeSink;
  events: EventsService;
  logger?: Logger;
}

interface Progress {
  ownerId: string;
  operations: number;
  done: number;
  failed: number;
  bytes: number;
}

export class RuleRunner {
  readonly tracker: ChangeTracker;
  readonly engine: SyncEngine;
  /** Providers of the remotes of rules run so far, by remote id (remote ids are global). */
  private readonly open = new Map<string, Provider>();
  /** Progress of the rules running now. */
  private readonly progress = new Map<string, Progress>();

  constructor(private readonly o: RuleRunnerOptions) {
    this.tracker = new ChangeTracker(o.logger ? { logger: o.logger } : {});
    this.engine = new SyncEngine({
      journal: o.journal,
      provider: (remote) => {
        const p = this.open.get(remote);
        if (!p) throw new Error(`remote ${remote} was not opened for this run`);
        return p;
      },
      tracker: this.tracker,
      graph: o.graph,
      ...(o.logger ? { logger: o.logger } : {}),
    });
    const tick = (ruleId: string, stage: 'planned' | 'operation', path: string | null) => {
      const p = this.progress.get(ruleId);
      if (p) this.publish(ruleId, p, stage, path, null);
    };
    this.engine.events.on('run:planned', (e) => {
      const p = this.progress.get(e.ruleId);
      if (p) p.operations += e.ops;
      tick(e.ruleId, 'planned', null);
    });
    this.engine.events.on('op:done', (e) => {
      const p = this.progress.get(e.ruleId);
      if (p) {
        p.done++;
        p.bytes += e.bytes;
      }
      tick(e.ruleId, 'operation', e.path);
    });
    this.engine.events.on('op:failed', (e) => {
      const p = this.progress.get(e.ruleId);
      if (p) p.failed++;
      tick(e.ruleId, 'operation', e.path);
    });
  }

  /** Opens the rule's two remotes with its owner's credentials. */
  async prepare(rule: SyncRule): Promise<void> {
    for (const remote of [rule.path1.remote, rule.path2.remote]) {
      this.open.set(remote, await this.o.providers.get(rule.ownerId, remote));
    }
  }

  /** True while a change feed keeps the remote current (in the tracker, and so in the graph). */
  watched(remote: string): boolean {
    return remote in this.tracker.cursor([remote]);
  }

  /**
   * Runs the rule; the owner sees its progress live and is notified of its result (always when
   * they asked for the run, otherwise only when it moved something or failed).
   */
  async run(
    rule: SyncRule,
    options: RunOptions = {},
    label: { name: string; asked: boolean } = { name: rule.id, asked: false },
  ): Promise<RunReport> {
    await this.prepare(rule);
    const p: Progress = { ownerId: rule.ownerId, operations: 0, done: 0, failed: 0, bytes: 0 };
    this.progress.set(rule.id, p);
    try {
      const report = await this.engine.run(rule, options);
      this.publish(rule.id, p, 'finished', null, report.result);
      if (label.asked || report.result !== 'unchanged' || report.errors.length > 0)
        this.o.events.notify(rule.ownerId, 'sync.finished', `${label.name}: ${report.result}`);
      return report;
    } finally {
      if (this.progress.get(rule.id) === p) this.progress.delete(rule.id);
    }
  }

  private publish(
    ruleId: string,
    p: Progress,
    stage: 'planned' | 'operation' | 'finished',
    path: string | null,
    result: string | null,
  ): void {
    const { ownerId: _owner, ...counts } = p;
    this.o.events.publish('sync', p.ownerId, { ruleId, stage, ...counts, path, result, at: Date.now() });
  }

  close(): void {
    this.tracker.close();
  }
}
