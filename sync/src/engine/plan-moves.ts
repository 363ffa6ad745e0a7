// Rename detection (DESIGN-NOTES §5): a file gone from its baseline path on one side, with a
// new file on that side that is the same object (provider id, same size and time) or the same
// content (size and hash), is a rename. It is propagated as a rename on the other side, so a
// renamed 4 GB file is renamed there, not re-sent.
import type { Entry } from '../providers/types.js';
import type { PlanContext } from './plan-context.js';
import { otherSide, type Side } from './rule.js';
import type { FileState } from './state.js';
import { commonHash, hashesOf, stateOf } from './state.js';

function sameObject(ctx: PlanContext, side: Side, e: Entry, base: FileState): boolean {
  if (!ctx.input.caps[side].stableIds || !e.providerId || e.providerId !== base.providerId) return false;
  if (e.size !== base.size) return false;
  // Ids can be reused (inode numbers): an unchanged time is the second witness.
  return e.mtime === null || base.mtime === null || Math.abs(e.mtime - base.mtime) < ctx.spec.toleranceMs;
}

/** true / false, or null while a hash is being fetched. */
function sameBytes(ctx: PlanContext, side: Side, e: Entry, base: FileState): boolean | null {
  if (e.size !== base.size) return false;
  const type = commonHash(e.hashes, hashesOf(base));
  if (type) return e.hashes[type] === hashesOf(base)[type];
  const want = base.md5 ? 'md5' : base.sha1 ? 'sha1' : null;
  if (!want) return false;
  ctx.plan.needs.hashes.push({ side, path: e.path, type: want });
  return null;
}

/** Finds renames made on `side` and plans them on the other side. */
export function detectMoves(ctx: PlanContext, side: Side): void {
  const other = otherSide(side);
  const gone = new Map<number, string[]>();
  for (const [path, b] of ctx.input.baseline) {
    if (b.kind !== 'file' || b[side].size === 0 || ctx.handled.has(path)) continue;
    const now = ctx.entry(side, path);
    if (now?.kind === 'file') continue;
    // Only an untouched copy on the other side can simply be renamed there.
    if (ctx.entry(other, path)?.kind !== 'file' || ctx.status(other, path) !== 'unchanged') continue;
    const list = gone.get(b[side].size) ?? [];
    list.push(path);
    gone.set(b[side].size, list);
  }
  if (gone.size === 0) return;
  const created = [...ctx.input.listings[side].values()]
    .filter(
      (e) => e.kind === 'file' && !ctx.base(e.path) && !ctx.entry(other, e.path) && !ctx.handled.has(e.path),
    )
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  for (const e of created) {
    const candidates = gone.get(e.size);
    if (!candidates || candidates.length === 0) continue;
    let match = candidates.find((d) => sameObject(ctx, side, e, ctx.base(d)![side]));
    if (!match) {
      for (const d of candidates) {
        const same = sameBytes(ctx, side, e, ctx.base(d)![side]);
        if (same === null) break; // hash requested: decide on the next pass
        if (same) {
          match = d;
          break;
        }
      }
    }
    if (!match) continue;
    candidates.splice(candidates.indexOf(match), 1);
    planRename(ctx, side, match, e);
  }
}

function planRename(ctx: PlanContext, side: Side, from: string, e: Entry): void {
  const other = otherSide(side);
  const reason = `renamed on ${side}: ${from} → ${e.path}`;
  const set = {
    path: e.path,
    kind: 'file' as const,
    path1: side === 'path1' ? { state: stateOf(e) } : ('written' as const),
    path2: side === 'path2' ? { state: stateOf(e) } : ('written' as const),
  };
  if (ctx.rule.mode === 'copy') {
    // Copy mode keeps the old name on the destination; a server-side copy still avoids a re-send.
    if (!ctx.input.canCopy[other]) return;
    ctx.copy({ side: other, path: from }, { side: other, path: e.path }, reason, { set });
    ctx.handled.add(e.path);
    return;
  }
  ctx.move(other, from, e.path, reason, { drop: [from], set });
  ctx.handled.add(from);
  ctx.handled.add(e.path);
}
