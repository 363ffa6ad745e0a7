// Per-rule status for the dashboard and the CLI: the last run, its result, what is still
// pending each way, what moved, errors, and the compare-mode fallbacks the rule runs with.
import type { OpCounts } from '../journal/runs.repository.js';

export type RunResult = 'ok' | 'partial' | 'failed' | 'aborted' | 'unchanged';

export interface RuleStatus {
  ruleId: string;
  lastRunAt: string;
  lastRunId: string | null;
  result: RunResult;
  /** Why a guard refused the run, or why it failed. */
  reason: string | null;
  pending: { toPath1: number; toPath2: number };
  moved: { files: number; bytes: number };
  operations: { done: number; failed: number };
  errors: { path: string; code: string; message: string }[];
  /** Compare-mode fallbacks and other planning notes. */
  notes: string[];
}

export interface RunReport extends RuleStatus {
  runIds: string[];
  /** Transfers whose destination hash mismatched and were re-sent. */
  corrupted: number;
  /** False when change feeds vouched that neither side changed, so nothing was listed. */
  listed: boolean;
}

export function resultOf(counts: OpCounts, planned: number): RunResult {
  if (planned === 0) return 'unchanged';
  if (counts.failed === 0 && counts.open === 0) return 'ok';
  return counts.done > 0 ? 'partial' : 'failed';
}
