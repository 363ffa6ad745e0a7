// Both sides changed a file differently. Auto-merge (two-way, opt-in, small text files with a
// stored base) may join the edits; otherwise the keep mode picks which version keeps the name
// and the other version is kept beside it as a conflict copy. Nothing is ever thrown away.
import type { Entry } from '../providers/types.js';
import { MERGE_MAX_BYTES, mergeText } from './merge.js';
import type { PlanContext } from './plan-context.js';
import { PHASE } from './plan-types.js';
import { type KeepMode, otherSide, type Side } from './rule.js';
import { DIVERGED, stateOf } from './state.js';

/** Which side's version keeps the name. Ties fall to the newer, then to path1. */
export function keepWinner(keep: KeepMode, e1: Entry, e2: Entry): Side {
  const newer = (): Side => ((e2.mtime ?? 0) > (e1.mtime ?? 0) ? 'path2' : 'path1');
  switch (keep) {
    case 'path1':
    case 'path2':
      return keep;
    case 'newer':
      return newer();
    case 'older':
      if (e1.mtime === e2.mtime) return 'path1';
      return (e2.mtime ?? 0) < (e1.mtime ?? 0) ? 'path2' : 'path1';
    case 'larger':
      return e1.size === e2.size ? newer() : e2.size > e1.size ? 'path2' : 'path1';
    case 'smaller':
      return e1.size === e2.size ? newer() : e2.size < e1.size ? 'path2' : 'path1';
  }
}

/** Tries a three-way merge; true when a merge operation was planned. */
function tryMerge(ctx: PlanContext, path: string, e1: Entry, e2: Entry): boolean {
  const base = ctx.base(path);
  if (!ctx.rule.autoMerge || ctx.rule.mode !== 'two-way' || !base?.content) return false;
  if (e1.size > MERGE_MAX_BYTES || e2.size > MERGE_MAX_BYTES) return false;
  const contents = ctx.input.contents?.get(path);
  if (!contents) {
    ctx.plan.needs.contents.push(path);
    return false;
  }
  const result = mergeText(base.content, contents.path1, contents.path2);
  if (!result.ok) {
    ctx.plan.notes.push(`${path}: auto-merge refused (${result.reason}), keeping ${ctx.rule.keep}`);
    return false;
  }
  ctx.add({
    kind: 'merge',
    phase: PHASE.transfer,
    reason: 'changed on both sides: merged',
    path,
    content: result.merged.toString('base64'),
    expect: { path1: stateOf(e1), path2: stateOf(e2) },
    baseline: {
      set: { path, kind: 'file', path1: 'written', path2: 'written', captureContent: true },
    },
  });
  return true;
}

/**
 * Resolves a file changed on both sides (or new on both) with different content. `targets`
 * are the sides this rule may write: both for two-way, the destination otherwise.
 */
export function resolveConflict(ctx: PlanContext, path: string, targets: Side[]): void {
  const e1 = ctx.entry('path1', path)!;
  const e2 = ctx.entry('path2', path)!;
  if (targets.length === 2 && tryMerge(ctx, path, e1, e2)) return;
  ctx.accurate(path); // until both are stat'ed this plan is provisional (the runner plans again)
  const winner = keepWinner(ctx.rule.keep, e1, e2);
  const loser = otherSide(winner);
  const reason = `changed on both sides: keep ${ctx.rule.keep} (${winner})`;
  const copyName = ctx.conflictName(path, loser);
  const moveMode = ctx.rule.mode === 'move';
  const ref = (side: Side, mine: 'source' | 'written') =>
    side === winner ? mine : mine === 'source' ? 'written' : 'source';
  if (targets.includes(loser)) {
    // The loser leaves the name (phase 1), the winner arrives there (phase 3), and the loser's
    // version also reaches the winner's side under the conflict name when the rule writes there.
    ctx.move(loser, path, copyName, reason, {});
    const set = { path, kind: 'file' as const, path1: ref('path1', 'source'), path2: ref('path2', 'source') };
    ctx.copy({ side: winner, path }, { side: loser, path }, reason, moveMode ? {} : { set }, {
      deleteSource: moveMode,
    });
    if (targets.includes(winner)) {
      const copySet = {
        path: copyName,
        kind: 'file' as const,
        path1: ref('path1', 'written'),
        path2: ref('path2', 'written'),
      };
      const source = stateOf(ctx.entry(loser, path)!);
      ctx.copy(
        { side: loser, path: copyName },
        { side: winner, path: copyName },
        reason,
        { set: copySet },
        { source },
      );
    }
    return;
  }
  // Only the winner's side may be written (a destination that wins in copy or move mode): the
  // source's version arrives there as the conflict copy and the source keeps its own. The
  // destination then holds content the source never had, so its baseline state is DIVERGED:
  // any later source change is a conflict again, never a silent overwrite.
  const set = { path, kind: 'file' as const, path1: { state: stateOf(e1) }, path2: { state: DIVERGED } };
  ctx.copy({ side: loser, path }, { side: winner, path: copyName }, reason, moveMode ? {} : { set }, {
    deleteSource: moveMode,
  });
}
