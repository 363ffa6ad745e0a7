// Per-path decisions for files, by mode (DESIGN-NOTES §5). Each side is compared with the
// baseline (absent / new / unchanged / changed / deleted) and the pair decides:
//   two-way:  change one side → propagate; both → same content is fine, else conflict;
//             change vs delete → the change wins; deleted on both → forget.
//   copy / one-way: only path1's changes flow to path2; one-way also deletes and renames;
//             whatever changed only on path2 is left alone.
//   move:     every file of path1 goes to path2 and leaves path1 once verified there.
import { resolveConflict } from './plan-conflict.js';
import type { PlanContext, Status } from './plan-context.js';
import { otherSide, type Side } from './rule.js';

const changed = (s: Status) => s === 'new' || s === 'changed';

function propagate(ctx: PlanContext, path: string, from: Side, why: string): void {
  const to = otherSide(from);
  const set = {
    path,
    kind: 'file' as const,
    path1: from === 'path1' ? ('source' as const) : ('written' as const),
    path2: from === 'path2' ? ('source' as const) : ('written' as const),
    captureContent: ctx.rule.autoMerge,
  };
  ctx.copy({ side: from, path }, { side: to, path }, `${why} on ${from}`, { set });
}

export function planTwoWayFile(ctx: PlanContext, path: string): void {
  const s1 = ctx.status('path1', path);
  const s2 = ctx.status('path2', path);
  if (changed(s1) && changed(s2)) {
    if (ctx.same(ctx.entry('path1', path)!, ctx.entry('path2', path)!)) ctx.agree(path);
    else resolveConflict(ctx, path, ['path1', 'path2']);
  } else if (changed(s1)) {
    propagate(ctx, path, 'path1', s1 === 'new' ? 'new' : 'changed');
  } else if (changed(s2)) {
    propagate(ctx, path, 'path2', s2 === 'new' ? 'new' : 'changed');
  } else if (s1 === 'deleted' && s2 === 'deleted') {
    ctx.drop(path);
  } else if (s1 === 'deleted' && s2 === 'unchanged') {
    ctx.remove('path2', path, 'deleted on path1', { drop: [path] });
  } else if (s2 === 'deleted' && s1 === 'unchanged') {
    ctx.remove('path1', path, 'deleted on path2', { drop: [path] });
  }
}

/** copy and one-way: path1 is the source, path2 the destination. */
export function planDirectionalFile(ctx: PlanContext, path: string): void {
  const src = ctx.status('path1', path);
  const dst = ctx.status('path2', path);
  if (changed(src)) {
    if (changed(dst)) {
      if (ctx.same(ctx.entry('path1', path)!, ctx.entry('path2', path)!)) ctx.agree(path);
      else resolveConflict(ctx, path, ['path2']);
    } else {
      propagate(ctx, path, 'path1', src === 'new' ? 'new' : 'changed');
    }
    return;
  }
  if (src !== 'deleted') return; // unchanged or absent at the source: nothing flows
  if (dst === 'unchanged' && ctx.rule.mode === 'one-way') {
    ctx.remove('path2', path, 'deleted on path1', { drop: [path] });
  } else {
    // Copy mode keeps it; a changed destination wins over the delete. Either way it is the
    // destination's own file from now on.
    ctx.drop(path);
  }
}

/** move: path1's files go to path2 (no baseline: what is at the source is to be moved). */
export function planMoveFile(ctx: PlanContext, path: string): void {
  const src = ctx.entry('path1', path);
  if (src?.kind !== 'file') return;
  const dst = ctx.entry('path2', path);
  if (!dst) {
    ctx.copy({ side: 'path1', path }, { side: 'path2', path }, 'moved to path2', {}, { deleteSource: true });
  } else if (dst.kind === 'file' && ctx.same(src, dst)) {
    // Already there: the source copy goes once the destination is verified to hold the same bytes.
    ctx.remove('path1', path, 'already on path2', {});
  } else if (dst.kind === 'file') {
    resolveConflict(ctx, path, ['path2']);
  }
}
