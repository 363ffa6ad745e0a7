// The planner: pure functions from (rule, both listings, baseline) to a plan. No I/O: what it
// lacks (hashes, contents for a merge) it lists in `needs`, and the runner fetches that and
// plans again, so every decision is testable with plain data.

import { PlanContext, type PlanInput } from './plan-context.js';
import { planDirectionalFile, planMoveFile, planTwoWayFile } from './plan-files.js';
import { planFolders, planTypeChange } from './plan-folders.js';
import { applyGuards } from './plan-guards.js';
import { detectMoves } from './plan-moves.js';
import type { Plan } from './plan-types.js';

export type { PlanInput } from './plan-context.js';

export function planRun(input: PlanInput): Plan {
  const mode = input.rule.mode;
  // Move mode has no baseline: whatever is at the source is to be moved.
  const ctx = new PlanContext(mode === 'move' ? { ...input, baseline: new Map() } : input);
  if (mode === 'move') ctx.plan.drop.push(...input.baseline.keys());
  if (mode === 'two-way') {
    detectMoves(ctx, 'path1');
    detectMoves(ctx, 'path2');
  } else if (mode !== 'move') {
    detectMoves(ctx, 'path1');
  }
  const paths = new Set<string>([
    ...input.listings.path1.keys(),
    ...input.listings.path2.keys(),
    ...ctx.input.baseline.keys(),
  ]);
  const typeChanges: string[] = [];
  const folders: string[] = [];
  const planFile = mode === 'two-way' ? planTwoWayFile : mode === 'move' ? planMoveFile : planDirectionalFile;
  for (const path of [...paths].sort()) {
    if (ctx.handled.has(path)) continue;
    const k1 = ctx.entry('path1', path)?.kind;
    const k2 = ctx.entry('path2', path)?.kind;
    const kb = ctx.base(path)?.kind;
    if ((k1 === 'file' && k2 === 'folder') || (k1 === 'folder' && k2 === 'file')) typeChanges.push(path);
    else if (k1 === 'file' || k2 === 'file' || (kb === 'file' && !k1 && !k2)) planFile(ctx, path);
    else folders.push(path);
  }
  // After the files: a type change asks whether anything survives below the folder.
  for (const path of typeChanges) planTypeChange(ctx, path);
  if (input.caps.path1.emptyFolders && input.caps.path2.emptyFolders) {
    planFolders(ctx, [...folders, ...typeChanges]);
  } else {
    ctx.plan.notes.push('a side does not keep empty folders: folders are not synced, only files');
    for (const path of folders) ctx.drop(path);
  }
  applyGuards(ctx);
  return ctx.plan;
}
