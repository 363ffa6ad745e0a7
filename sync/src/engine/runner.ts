// Runs a rule once: takes the rule's lease, finishes any run a crashed process left in the
// journal, lists both sides, plans (fetching what the planner asks for), writes the plan to
// the journal in one transaction, executes it, and re-plans once when operations found their
// destination changed since the plan. Writes the rule's status at the end.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Logger, SyncoxideError } from '@syncoxide/core';
import type { Journal } from '../journal/index.js';
import { canCopy, canSweepUploads, type Provider } from '../providers/types.js';
import type { ChangeTracker, TrackerCursor } from './change-tracker.js';
import { SyncEvents } from './events.js';
import { Executor, type ExecutorOptions } from './executor.js';
import { pathFilter } from './filters.js';
import { listSide } from './listing.js';
import { planWithFetches } from './prepare.js';
import { toRows } from './rows.js';
import { parseRule, type SyncRule, type SyncRuleInput } from './rule.js';
import { type RuleStatus, type RunReport, resultOf } from './status.js';
import { type ChangeSink, changesOf, WriteBack } from './write-back.js';

export interface EngineOptions extends Omit<ExecutorOptions, 'journal' | 'provider' | 'events' | 'logger'> {
  journal: Journal;
  /** The provider of a remote id (the engine does not own or close providers). */
  provider: (remote: string) => Provider;
  events?: SyncEvents;
  logger?: Logger;
  /** Lease on the rule while a run holds it (default 60 s), renewed every third of it. */
  lockTtlMs?: number;
  /**
   * Change feeds of the remotes: a rule whose last run ended clean and whose two folders had no
   * change since it began is confirmed without listing (see ChangeTracker).
   */
  tracker?: ChangeTracker;
  /** Even with quiet feeds, a rule is listed in full at least this often (default 1 h). */
  fullReconcileMs?: number;
  /** Graph write-back: each run's changes (cause "sync") go to this sink, e.g. the graph store. */
  graph?: ChangeSink;
}

export interface RunOptions {
  /** Skip the max-delete and empty-side guards. */
  force?: boolean;
  /** The run's time (conflict names carry it). */
  now?: Date;
  /** Plan/execute passes when operations found their destination changed (default 2). */
  maxPasses?: number;
  /** Wait this long for another holder's lease on the rule (default 0: fail at once). */
  waitForLockMs?: number;
  /** List both sides even when change feeds say nothing changed (a reconcile). */
  full?: boolean;
}

/** A rule's last run that ended with both sides in agreement, and where the feeds stood then. */
interface CleanMark {
  /** The rule as it was run: any edit (filters, mode, paths) needs a full run. */
  rule: string;
  cursor: TrackerCursor;
  at: number;
  notes: string[];
}

export class SyncEngine {
  readonly events: SyncEvents;
  private readonly clean = new Map<string, CleanMark>();

  constructor(private readonly o: EngineOptions) {
    this.events = o.events ?? new SyncEvents();
  }

  async status(ruleId: string): Promise<RuleStatus | null> {
    return this.o.journal.runs.getStatus<RuleStatus>(ruleId);
  }

  async run(input: SyncRule | SyncRuleInput, options: RunOptions = {}): Promise<RunReport> {
    const rule = parseRule(input);
    const { locks } = this.o.journal;
    const holder = `${hostname()}:${process.pid}:${randomUUID()}`;
    const ttl = this.o.lockTtlMs ?? 60_000;
    const deadline = Date.now() + (options.waitForLockMs ?? 0);
    while (!(await locks.acquire(rule.id, holder, ttl))) {
      if (Date.now() >= deadline) {
        throw new SyncoxideError('CONFLICT', `rule ${rule.id} is being run by another worker`, {
          retriable: true,
        });
      }
      await sleep(Math.min(250, ttl / 4));
    }
    const writeBack = this.o.graph ? new WriteBack(this.o.graph, rule.ownerId, holder, this.o.logger) : null;
    const tracker = this.o.tracker;
    const executor = new Executor({
      ...this.o,
      events: this.events,
      onApplied: async (row, result) => {
        // Other rules over the same folders must see this run's writes as changes.
        for (const { remote, change } of changesOf(row, result))
          tracker?.note(remote, [change.path], rule.id);
        await writeBack?.add(row, result);
      },
    });
    const renew = setInterval(() => {
      locks.renew(rule.id, holder, ttl).then(
        (ok) => {
          if (ok) return;
          // Someone else runs the rule now: stop taking operations (those in hand are fenced).
          this.o.logger?.error({ rule: rule.id }, 'lost the rule lease; stopping');
          executor.stop();
        },
        (err) => this.o.logger?.warn({ err }, 'rule lease renewal failed'),
      );
    }, ttl / 3);
    try {
      return await this.runLocked(rule, options, executor);
    } finally {
      await writeBack?.flush();
      clearInterval(renew);
      await locks.release(rule.id, holder).catch(() => {});
    }
  }

  private async runLocked(rule: SyncRule, options: RunOptions, executor: Executor): Promise<RunReport> {
    const { journal } = this.o;
    const report: RunReport = {
      ruleId: rule.id,
      lastRunAt: new Date().toISOString(),
      lastRunId: null,
      result: 'unchanged',
      reason: null,
      pending: { toPath1: 0, toPath2: 0 },
      moved: { files: 0, bytes: 0 },
      operations: { done: 0, failed: 0 },
      errors: [],
      notes: [],
      runIds: [],
      corrupted: 0,
      listed: true,
    };
    const onCorrupt = (e: { ruleId: string }) => {
      if (e.ruleId === rule.id) report.corrupted++;
    };
    this.events.on('op:corrupted', onCorrupt);
    try {
      const unfinished = await journal.runs.unfinished(rule.id);
      const ruleKey = JSON.stringify(rule);
      const mark = this.clean.get(rule.id);
      if (unfinished.length === 0 && !options.full && mark && this.quietSince(rule, ruleKey, mark)) {
        // Nothing changed on either side since a run that left them agreeing: nothing to do.
        report.listed = false;
        report.notes = [
          ...mark.notes,
          'confirmed by change feeds: no change on either side since the last full run',
        ];
        report.pending = await journal.runs.pending(rule.id);
        await journal.runs.putStatus(rule.id, strip(report));
        return report;
      }
      this.clean.delete(rule.id);
      // Taken before anything is listed: a change from now on makes the next run list again.
      const cursor = this.o.tracker?.cursor([rule.path1.remote, rule.path2.remote]) ?? null;
      // A run a crashed process left behind is finished before anything new is planned, then
      // the temps its killed writers left (never recorded, so never resumed) are swept.
      const startedAt = Date.now();
      for (const runId of unfinished) {
        await this.execute(executor, rule, runId, report, -1);
        await this.sweepTemps(runId, startedAt);
      }
      const passes = options.maxPasses ?? 2;
      for (let pass = 1; pass <= passes; pass++) {
        const again = await this.pass(executor, rule, options, report);
        if (!again) break;
      }
      report.pending = await journal.runs.pending(rule.id);
      const agreed =
        (report.result === 'ok' || report.result === 'unchanged') &&
        report.errors.length === 0 &&
        report.pending.toPath1 + report.pending.toPath2 === 0;
      if (cursor && agreed)
        this.clean.set(rule.id, { rule: ruleKey, cursor, at: Date.now(), notes: report.notes });
      await journal.runs.putStatus(rule.id, strip(report));
      return report;
    } finally {
      this.events.off('op:corrupted', onCorrupt);
    }
  }

  /** Can the feeds vouch that neither folder of the rule changed since `mark`? */
  private quietSince(rule: SyncRule, ruleKey: string, mark: CleanMark): boolean {
    const tracker = this.o.tracker;
    if (!tracker || mark.rule !== ruleKey) return false;
    if (Date.now() - mark.at >= (this.o.fullReconcileMs ?? 3_600_000)) return false;
    return (
      tracker.quiet(rule.path1.remote, rule.path1.path, mark.cursor, rule.id) &&
      tracker.quiet(rule.path2.remote, rule.path2.path, mark.cursor, rule.id)
    );
  }

  /** Removes orphaned temporary uploads beside the files a run wrote (best effort). */
  private async sweepTemps(runId: string, before: number): Promise<void> {
    const { ops } = this.o.journal;
    try {
      const keep = await ops.openSessions();
      for (const [remote, folders] of await ops.writtenFolders(runId)) {
        const p = this.o.provider(remote);
        if (!canSweepUploads(p)) continue;
        const removed = await p.sweepUploads(folders, { before, keep });
        if (removed > 0)
          this.o.logger?.info({ runId, remote, removed }, 'removed orphaned temporary uploads');
      }
    } catch (err) {
      this.o.logger?.warn({ err, runId }, 'sweeping temporary uploads failed');
    }
  }

  /** One list → plan → journal → execute pass; true when a re-plan is worth it. */
  private async pass(
    executor: Executor,
    rule: SyncRule,
    options: RunOptions,
    report: RunReport,
  ): Promise<boolean> {
    const providers = {
      path1: this.o.provider(rule.path1.remote),
      path2: this.o.provider(rule.path2.remote),
    };
    const filter = pathFilter(rule);
    let listings: Awaited<ReturnType<typeof listBoth>>;
    try {
      listings = await listBoth(providers, rule, filter);
    } catch (err) {
      // An unreachable side: nothing is planned, so nothing can be deleted.
      report.result = 'failed';
      report.reason = `cannot list: ${(err as Error).message}`;
      return false;
    }
    const plan = await planWithFetches(
      {
        rule,
        listings,
        baseline: await this.o.journal.baselines.load(rule.id),
        caps: { path1: providers.path1.capabilities, path2: providers.path2.capabilities },
        canCopy: { path1: canCopy(providers.path1), path2: canCopy(providers.path2) },
        now: options.now ?? new Date(),
        force: options.force ?? false,
      },
      providers,
      rule,
    );
    report.notes = [...new Set([...report.notes, ...plan.notes])];
    if (plan.abort) {
      report.result = 'aborted';
      report.reason = plan.abort.reason;
      this.events.emit('run:aborted', { ruleId: rule.id, reason: plan.abort.reason });
      return false;
    }
    const runId = randomUUID();
    const rows = toRows(rule, plan);
    await this.o.journal.ops.createRun(rule.id, runId, rows, { set: plan.agree, drop: plan.drop });
    this.events.emit('run:planned', { ruleId: rule.id, runId, ops: rows.length, notes: plan.notes });
    const counts = await this.execute(executor, rule, runId, report, rows.length);
    // A destination (or source) that changed since the plan: plan again from fresh listings.
    return counts.errors.some((e) => e.code === 'PRECONDITION_FAILED' || e.code === 'NOT_FOUND');
  }

  private async execute(
    executor: Executor,
    rule: SyncRule,
    runId: string,
    report: RunReport,
    planned: number,
  ) {
    await executor.execute(runId);
    const { runs } = this.o.journal;
    const counts = await runs.counts(runId);
    const result = resultOf(counts, planned < 0 ? counts.done + counts.failed : planned);
    // Rows still open (the executor was stopped): the run stays "running" for whoever holds the
    // rule next, which finishes it before planning anything new.
    if (counts.open === 0)
      await runs.finish(runId, result === 'ok' || result === 'unchanged' ? 'done' : result, counts);
    report.runIds.push(runId);
    report.lastRunId = runId;
    report.moved.files += counts.files;
    report.moved.bytes += counts.bytes;
    report.operations.done += counts.done;
    report.operations.failed += counts.failed;
    // The last pass decides the result: earlier errors that a re-plan fixed are not errors,
    // and a pass with nothing left to do means both sides are in sync.
    report.errors = counts.errors;
    report.result = planned === 0 ? (report.operations.done > 0 ? 'ok' : 'unchanged') : result;
    this.events.emit('run:finished', {
      ruleId: rule.id,
      runId,
      result,
      files: counts.files,
      bytes: counts.bytes,
      failed: counts.failed,
    });
    return counts;
  }
}

async function listBoth(
  providers: Record<'path1' | 'path2', Provider>,
  rule: SyncRule,
  filter: ReturnType<typeof pathFilter>,
) {
  const [path1, path2] = await Promise.all([
    listSide(providers.path1, rule.path1, filter),
    listSide(providers.path2, rule.path2, filter),
  ]);
  return { path1, path2 };
}

function strip(report: RunReport): RuleStatus {
  const { runIds: _ids, corrupted: _c, listed: _l, ...status } = report;
  return status;
}
