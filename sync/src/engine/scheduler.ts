// When rules run: on a trigger (a graph diff touching one of their folders), debounced so a
// burst of changes makes one run, and on their periodic reconcile interval, which catches what
// change feeds missed (DESIGN-NOTES §6). A trigger arriving while its rule runs makes one more
// run afterwards. `trigger` resolves once a run that started after it has finished, so a
// consumer can commit its offsets only then (at-least-once: nothing lost between).
import type { Logger } from '@syncoxide/core';
import { isWithin } from '../providers/common/paths.js';
import { parseRule, type SyncRule, type SyncRuleInput } from './rule.js';
import type { RunOptions, SyncEngine } from './runner.js';

export interface SchedulerOptions {
  /** Quiet time after the last trigger before a run starts (default 1 s)… */
  debounceMs?: number;
  /** …but never later than this after the first pending trigger (default 10 s). */
  maxDelayMs?: number;
  logger?: Logger;
  runOptions?: RunOptions;
}

interface RuleSlot {
  rule: SyncRule;
  timer: NodeJS.Timeout | null;
  firstPending: number | null;
  waiters: { resolve: () => void; reject: (e: unknown) => void }[];
  running: Promise<void> | null;
  reconcile: NodeJS.Timeout | null;
}

export class RuleScheduler {
  private readonly slots = new Map<string, RuleSlot>();
  private closed = false;

  constructor(
    /** The engine, or whatever runs a rule through it (with progress, write-back…). */
    private readonly engine: Pick<SyncEngine, 'run'>,
    private readonly o: SchedulerOptions = {},
  ) {}

  upsert(input: SyncRule | SyncRuleInput): SyncRule {
    const rule = parseRule(input);
    const slot = this.slots.get(rule.id);
    if (slot?.reconcile) clearInterval(slot.reconcile);
    const next: RuleSlot = slot ?? {
      rule,
      timer: null,
      firstPending: null,
      waiters: [],
      running: null,
      reconcile: null,
    };
    next.rule = rule;
    next.reconcile = null;
    if (rule.enabled && rule.scheduleSeconds) {
      next.reconcile = setInterval(() => {
        this.trigger(rule.id).catch(() => {}); // logged by the run; the next interval retries
      }, rule.scheduleSeconds * 1000);
      next.reconcile.unref();
    }
    this.slots.set(rule.id, next);
    return rule;
  }

  remove(ruleId: string): void {
    const slot = this.slots.get(ruleId);
    if (!slot) return;
    if (slot.reconcile) clearInterval(slot.reconcile);
    if (slot.timer) clearTimeout(slot.timer);
    this.slots.delete(ruleId);
    for (const w of slot.waiters) w.resolve();
  }

  /** Real-time rules of `ownerId` with a side whose folder holds `path` on `remote`. */
  rulesFor(ownerId: string, remote: string, path: string): SyncRule[] {
    return [...this.slots.values()]
      .map((s) => s.rule)
      .filter(
        (r) =>
          r.enabled &&
          r.realTime &&
          r.ownerId === ownerId &&
          [r.path1, r.path2].some((e) => e.remote === remote && isWithin(path, e.path)),
      );
  }

  trigger(ruleId: string): Promise<void> {
    const slot = this.slots.get(ruleId);
    if (!slot || this.closed) return Promise.resolve();
    const done = new Promise<void>((resolve, reject) => slot.waiters.push({ resolve, reject }));
    const now = Date.now();
    slot.firstPending ??= now;
    if (slot.timer) clearTimeout(slot.timer);
    const wait = Math.min(this.o.debounceMs ?? 1000, slot.firstPending + (this.o.maxDelayMs ?? 10_000) - now);
    slot.timer = setTimeout(() => this.fire(slot), Math.max(0, wait));
    return done;
  }

  private fire(slot: RuleSlot): void {
    slot.timer = null;
    if (slot.running) {
      // One more run after the current one: it must see what triggered during it.
      slot.timer = setTimeout(() => this.fire(slot), 50);
      return;
    }
    const waiters = slot.waiters.splice(0);
    slot.firstPending = null;
    slot.running = this.engine
      .run(slot.rule, { waitForLockMs: 60_000, ...this.o.runOptions })
      .then(
        () => {
          for (const w of waiters) w.resolve();
        },
        (err) => {
          this.o.logger?.warn({ err, rule: slot.rule.id }, 'triggered run failed');
          for (const w of waiters) w.reject(err);
        },
      )
      .finally(() => {
        slot.running = null;
      });
  }

  /** Stops timers and waits for runs in progress. */
  async close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots.values()) {
      if (slot.reconcile) clearInterval(slot.reconcile);
      if (slot.timer) clearTimeout(slot.timer);
      for (const w of slot.waiters.splice(0)) w.resolve();
    }
    await Promise.all([...this.slots.values()].map((s) => s.running));
  }
}
