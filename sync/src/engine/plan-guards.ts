// Guards before anything destructive (DESIGN-NOTES §5): a side that lists empty while the
// baseline remembers files there (an unmounted disk, an expired credential) must not turn
// into mass deletes on the other side, and no run deletes more than the rule's max-delete
// limit unless forced. A refused plan executes nothing at all.
import type { PlanContext } from './plan-context.js';
import { SIDES } from './rule.js';

export function applyGuards(ctx: PlanContext): void {
  if (ctx.input.force || ctx.rule.mode === 'move') return;
  const deletes = { path1: 0, path2: 0 };
  for (const op of ctx.plan.ops) {
    if (op.kind === 'delete' && op.expect.kind === 'file') deletes[op.at.side]++;
  }
  const total = deletes.path1 + deletes.path2;
  if (total === 0) return;
  const files = { path1: 0, path2: 0 };
  const remembered = { path1: 0, path2: 0 };
  for (const side of SIDES) {
    for (const e of ctx.input.listings[side].values()) if (e.kind === 'file') files[side]++;
  }
  for (const b of ctx.input.baseline.values()) {
    for (const side of SIDES) if (b[side].kind === 'file') remembered[side]++;
  }
  for (const side of SIDES) {
    if (ctx.input.listings[side].size === 0 && remembered[side] > 0) {
      ctx.plan.abort = {
        reason: `${side} lists empty but held ${remembered[side]} files at the last run; refusing to delete (is it mounted?). Force the run to accept.`,
      };
      return;
    }
  }
  const { percent, count } = ctx.rule.maxDelete;
  if (count !== undefined && total > count) {
    ctx.plan.abort = { reason: `the run would delete ${total} files, more than max-delete ${count}` };
    return;
  }
  if (percent === undefined) return;
  for (const side of SIDES) {
    const share = files[side] === 0 ? 100 : (deletes[side] / files[side]) * 100;
    if (deletes[side] > 0 && share > percent) {
      ctx.plan.abort = {
        reason: `the run would delete ${deletes[side]} of ${files[side]} files on ${side} (${share.toFixed(0)}%), more than max-delete ${percent}%`,
      };
      return;
    }
  }
}
