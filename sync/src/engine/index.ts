// The sync engine's public surface.
export {
  ChangeTracker,
  type ChangeTrackerOptions,
  type TrackerCursor,
  type WatchOptions,
} from './change-tracker.js';
export { type CompareSpec, compareSpec } from './compare.js';
export { conflictName, isConflictName } from './conflict-name.js';
export { type DiffConsumerOptions, rulesTouched, startDiffConsumer } from './diff-consumer.js';
export { type OpInfo, type SyncEventMap, SyncEvents } from './events.js';
export { Executor, type ExecutorOptions } from './executor.js';
export { type PathFilter, pathFilter } from './filters.js';
export { listSide } from './listing.js';
export { isText, MERGE_MAX_BYTES, mergeText } from './merge.js';
export type { Plan, PlannedOp } from './plan-types.js';
export { type PlanInput, planRun } from './planner.js';
export { planWithFetches } from './prepare.js';
export {
  type CompareKind,
  type KeepMode,
  parseRule,
  type Side,
  SyncEndpoint,
  SyncMode,
  SyncRule,
  type SyncRuleInput,
} from './rule.js';
export { type EngineOptions, type RunOptions, SyncEngine } from './runner.js';
export { RuleScheduler, type SchedulerOptions } from './scheduler.js';
export type { Baseline, BaselineEntry, FileState, Listing } from './state.js';
export type { RuleStatus, RunReport, RunResult } from './status.js';
export { type ChangeSink, changesOf, WriteBack } from './write-back.js';
