// Shared state of one planning pass: the input, the operations chosen so far, what each side
// will hold afterwards, and the information still missing (hashes, contents).
import type { Entry, ProviderCapabilities } from '../providers/types.js';
import { AfterTree } from './after-tree.js';
import { type CompareSpec, compareSpec, hasChanged, sameContent, type Verdict } from './compare.js';
import { conflictName } from './conflict-name.js';
import {
  type BaselineEffect,
  type CopyOp,
  type Loc,
  PHASE,
  type Plan,
  type PlannedOp,
  type StateRef,
} from './plan-types.js';
import { otherSide, type Side, type SyncRule } from './rule.js';
import {
  type Baseline,
  type BaselineEntry,
  expectOf,
  type FileState,
  type Listing,
  stateOf,
} from './state.js';

export interface PlanInput {
  rule: SyncRule;
  listings: Record<Side, Listing>;
  baseline: Baseline;
  caps: Record<Side, ProviderCapabilities>;
  /** Whether a side can copy within itself server-side (a copy-mode rename avoids a re-send). */
  canCopy: Record<Side, boolean>;
  /** The run's time: conflict names carry it. */
  now: Date;
  /** Contents of both sides for auto-merge candidates, fetched on the planner's request. */
  contents?: Map<string, Record<Side, Buffer>>;
  /** Skip the max-delete and empty-side guards. */
  force?: boolean;
  /** `${side}\0${path}` of entries replaced by a fresh stat, on the planner's request. */
  statted?: Set<string>;
}

export type Status = 'absent' | 'new' | 'unchanged' | 'changed' | 'deleted';

export class PlanContext {
  readonly spec: CompareSpec;
  readonly after: Record<Side, AfterTree>;
  readonly plan: Plan = {
    ops: [],
    agree: [],
    drop: [],
    needs: { hashes: [], contents: [], stats: [] },
    notes: [],
    abort: null,
  };
  /** Paths already decided (moves claim theirs before the per-path pass). */
  readonly handled = new Set<string>();

  constructor(readonly input: PlanInput) {
    this.spec = compareSpec(input.rule, input.caps);
    this.plan.notes.push(...this.spec.notes);
    this.after = {
      path1: new AfterTree(input.listings.path1.keys()),
      path2: new AfterTree(input.listings.path2.keys()),
    };
  }

  get rule(): SyncRule {
    return this.input.rule;
  }

  entry(side: Side, path: string): Entry | undefined {
    return this.input.listings[side].get(path);
  }

  base(path: string): BaselineEntry | undefined {
    return this.input.baseline.get(path);
  }

  private verdict(v: Verdict, ifUnknown: boolean): boolean {
    if (typeof v === 'boolean') return v;
    this.plan.needs.hashes.push(...v.need);
    return ifUnknown;
  }

  /** This side's file at `path` compared with the baseline. */
  status(side: Side, path: string): Status {
    const e = this.entry(side, path);
    const b = this.base(path);
    if (!e) return b ? 'deleted' : 'absent';
    if (!b) return 'new';
    const changed = hasChanged(side, e, b[side], this.spec, this.input.caps[side].hashes);
    // Unknown until hashed: assume changed; the runner hashes and plans again.
    return this.verdict(changed, true) ? 'changed' : 'unchanged';
  }

  /** Same content on both sides? Unknown (hash pending) counts as different for now. */
  same(e1: Entry, e2: Entry): boolean {
    const native = { path1: this.input.caps.path1.hashes, path2: this.input.caps.path2.hashes };
    return this.verdict(sameContent(e1, e2, native), false);
  }

  /**
   * Are both entries at `path` from a stat? Listings may carry an upload time instead of the
   * stored mtime (S3), which must not decide a conflict. Requests the stats when not.
   */
  accurate(path: string): boolean {
    const missing = (['path1', 'path2'] as const).filter(
      (side) => !this.input.statted?.has(`${side}\0${path}`),
    );
    for (const side of missing) this.plan.needs.stats.push({ side, path });
    return missing.length === 0;
  }

  taken(path: string): boolean {
    const { listings, baseline } = this.input;
    return (
      this.after.path1.has(path) ||
      this.after.path2.has(path) ||
      listings.path1.has(path) ||
      listings.path2.has(path) ||
      baseline.has(path)
    );
  }

  conflictName(path: string, holder: Side): string {
    return conflictName(path, holder, this.input.now, (p) => this.taken(p));
  }

  add(op: PlannedOp): void {
    this.plan.ops.push(op);
  }

  copy(
    from: Loc,
    to: Loc,
    reason: string,
    baseline: BaselineEffect,
    options: { source?: FileState; phase?: number; deleteSource?: boolean } = {},
  ): CopyOp {
    const dest = this.entry(to.side, to.path);
    const src = this.entry(from.side, from.path);
    const source = options.source ?? stateOf(src!);
    // The destination must still be what this plan saw; a name freed by an earlier phase is absent.
    const expect =
      dest && this.after[to.side].has(to.path) ? expectOf(stateOf(dest)) : { absent: true as const };
    const op: CopyOp = {
      kind: 'copy',
      phase: options.phase ?? PHASE.transfer,
      reason,
      baseline,
      from,
      to,
      source,
      expect,
      deleteSource: options.deleteSource ?? false,
    };
    this.add(op);
    this.after[to.side].add(to.path);
    if (op.deleteSource) this.after[from.side].remove(from.path);
    return op;
  }

  move(side: Side, from: string, to: string, reason: string, baseline: BaselineEffect): void {
    const e = this.entry(side, from)!;
    this.add({ kind: 'move', phase: PHASE.rename, reason, baseline, side, from, to, source: stateOf(e) });
    this.after[side].remove(from);
    this.after[side].add(to);
  }

  remove(side: Side, path: string, reason: string, baseline: BaselineEffect, phase?: number): void {
    const e = this.entry(side, path)!;
    const folder = e.kind === 'folder';
    const chosen = phase ?? (folder ? PHASE.deleteFolders : PHASE.deleteFiles);
    this.add({ kind: 'delete', phase: chosen, reason, baseline, at: { side, path }, expect: stateOf(e) });
    this.after[side].remove(path);
  }

  mkdir(side: Side, path: string, reason: string, keepBaseline = true): void {
    const set = { path, kind: 'folder' as const, path1: 'written' as StateRef, path2: 'written' as StateRef };
    // The side that already has the folder keeps its state; the other gets what mkdir made.
    const have = this.entry(otherSide(side), path);
    if (have) set[otherSide(side)] = { state: stateOf(have) };
    const baseline = keepBaseline ? { set } : {};
    this.add({ kind: 'mkdir', phase: PHASE.mkdir, reason, baseline, at: { side, path } });
    this.after[side].add(path);
  }

  /** Both sides hold the same content now (found equal, hashes known): record it, no operation. */
  agree(path: string, content: Buffer | null = null): void {
    const e1 = this.entry('path1', path)!;
    const e2 = this.entry('path2', path)!;
    this.plan.agree.push({ path, kind: e1.kind, path1: stateOf(e1), path2: stateOf(e2), content });
  }

  drop(path: string): void {
    if (this.base(path)) this.plan.drop.push(path);
  }
}
