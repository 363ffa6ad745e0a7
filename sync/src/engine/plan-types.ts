// The planner's output: operations to journal and perform, plus baseline changes that need
// no operation. Plain JSON-able data: an operation is stored as a journal row and applied by
// any worker, possibly in another process after a crash.
import type { Expected } from '../providers/types.js';
import type { HashNeed } from './compare.js';
import type { Side } from './rule.js';
import type { BaselineEntry, FileState } from './state.js';

export interface Loc {
  side: Side;
  path: string;
}

/**
 * Which state a baseline row takes for one side once its operation is done: a known state,
 * the operation's source as read (with the hashes computed while streaming), or what the
 * operation wrote on that side.
 */
export type StateRef = { state: FileState } | 'source' | 'written';

export interface BaselineEffect {
  drop?: string[];
  set?: {
    path: string;
    kind: 'file' | 'folder';
    path1: StateRef;
    path2: StateRef;
    /** Keep the transferred bytes as the merge base (small text files of auto-merge rules). */
    captureContent?: boolean;
  };
}

interface OpBase {
  /** Operations of one run execute phase by phase (see PHASE). */
  phase: number;
  /** Why, for status and logs: "changed on path1", "conflict: keep newer", ... */
  reason: string;
  baseline: BaselineEffect;
}

/** Transfer (or server-side copy) of a file; `to` must still be as `expect` says. */
export interface CopyOp extends OpBase {
  kind: 'copy';
  from: Loc;
  to: Loc;
  /** The source as planned: a transfer that reads something else stops and re-plans. */
  source: FileState;
  expect: Expected;
  /** Move mode: delete the source once the copy is verified. */
  deleteSource: boolean;
}

/** A rename on one side (a propagated rename, or a conflict copy made out of the loser). */
export interface MoveOp extends OpBase {
  kind: 'move';
  side: Side;
  from: string;
  to: string;
  source: FileState;
}

export interface DeleteOp extends OpBase {
  kind: 'delete';
  at: Loc;
  /** For a folder: deleted only while it holds no files. */
  expect: FileState;
}

export interface MkdirOp extends OpBase {
  kind: 'mkdir';
  at: Loc;
}

/** Auto-merged text written to both sides; one operation so the pair lands in the baseline together. */
export interface MergeOp extends OpBase {
  kind: 'merge';
  path: string;
  /** base64 of the merged bytes (small text files only). */
  content: string;
  expect: Record<Side, FileState>;
}

export type PlannedOp = CopyOp | MoveOp | DeleteOp | MkdirOp | MergeOp;
export type OpKind = PlannedOp['kind'];

/**
 * Execution order inside a run. Renames first (a conflict loser leaves its name before the
 * winner arrives), then folders, transfers, file deletes, folder deletes (deepest first), and
 * last the files that replace a folder deleted in phase 5.
 */
export const PHASE = {
  rename: 1,
  mkdir: 2,
  transfer: 3,
  deleteFiles: 4,
  deleteFolders: 5,
  replaceFolder: 6,
} as const;
export const LAST_PHASE = 6;

export interface PlanNeeds {
  hashes: HashNeed[];
  /** Paths whose content (both sides) an auto-merge wants. */
  contents: string[];
  /** Entries whose listing is not enough (a conflict's winner depends on stored mtimes). */
  stats: Loc[];
}

export interface Plan {
  ops: PlannedOp[];
  /** Baseline rows written when the plan is committed: both sides already agree. */
  agree: BaselineEntry[];
  /** Baseline rows removed when the plan is committed. */
  drop: string[];
  /** Information the planner lacked; the runner fetches it and plans again. */
  needs: PlanNeeds;
  notes: string[];
  /** Set when a guard refused the run: nothing may be executed. */
  abort: { reason: string } | null;
}
