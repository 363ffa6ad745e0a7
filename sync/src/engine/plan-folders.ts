// Folders and file↔folder type changes. Folders carry no content: a folder exists on a side or
// not. A folder deleted on one side is deleted on the other only when nothing will be left
// below it there; otherwise the survivor brings it back (modification beats deletion). In a
// type change the folder keeps the name unless the file is the newer decision and the folder
// can go without losing anything; a changed file is kept as a conflict copy, never dropped.
import type { PlanContext } from './plan-context.js';
import { PHASE } from './plan-types.js';
import { otherSide, type Side } from './rule.js';
import { stateOf } from './state.js';

export function planTypeChange(ctx: PlanContext, path: string): void {
  const fileSide: Side = ctx.entry('path1', path)?.kind === 'file' ? 'path1' : 'path2';
  const folderSide = otherSide(fileSide);
  const mode = ctx.rule.mode;
  const writable = (s: Side) => mode === 'two-way' || s === 'path2';
  const base = ctx.base(path);
  const fileStatus = ctx.status(fileSide, path);
  const directional = mode === 'copy' || mode === 'one-way';
  const sourceUnchanged =
    fileSide === 'path1'
      ? fileStatus === 'unchanged'
      : base?.kind === 'folder' && base.path1.kind === 'folder';
  if (directional && sourceUnchanged) {
    ctx.handled.add(path); // the source did not change: what the destination did is its own business
    return;
  }
  if (fileStatus === 'unchanged' && writable(fileSide) && mode !== 'copy') {
    // The file is the old agreed version and the other side replaced it with a folder.
    ctx.remove(fileSide, path, `replaced by a folder on ${folderSide}`, { drop: [path] }, PHASE.rename);
    return;
  }
  const folderUntouched = base?.kind === 'folder' && !ctx.after[folderSide].hasDescendants(path);
  if (folderUntouched && writable(folderSide) && mode !== 'copy' && mode !== 'move') {
    // The file side replaced an agreed folder whose contents all go: the folder goes (phase 5)
    // and the file takes its place (phase 6).
    ctx.remove(folderSide, path, `replaced by a file on ${fileSide}`, {}, PHASE.deleteFolders);
    const set = {
      path,
      kind: 'file' as const,
      path1: fileSide === 'path1' ? ('source' as const) : ('written' as const),
      path2: fileSide === 'path2' ? ('source' as const) : ('written' as const),
    };
    ctx.copy(
      { side: fileSide, path },
      { side: folderSide, path },
      `replaced by a file on ${fileSide}`,
      { set },
      {
        phase: PHASE.replaceFolder,
      },
    );
    ctx.handled.add(path);
    return;
  }
  // The folder keeps the name; the file's content is kept under a conflict name.
  const copyName = ctx.conflictName(path, fileSide);
  const reason = `file on ${fileSide}, folder on ${folderSide}: the folder keeps the name`;
  const source = stateOf(ctx.entry(fileSide, path)!);
  if (writable(fileSide)) {
    ctx.move(fileSide, path, copyName, reason, {});
    if (writable(folderSide)) {
      const set = {
        path: copyName,
        kind: 'file' as const,
        path1: fileSide === 'path1' ? ('source' as const) : ('written' as const),
        path2: fileSide === 'path2' ? ('source' as const) : ('written' as const),
      };
      ctx.copy(
        { side: fileSide, path: copyName },
        { side: folderSide, path: copyName },
        reason,
        { set },
        { source },
      );
    }
  } else {
    // Source file against a destination folder: the file arrives beside the folder.
    ctx.copy(
      { side: fileSide, path },
      { side: folderSide, path: copyName },
      reason,
      {},
      {
        deleteSource: mode === 'move',
      },
    );
    if (mode !== 'move') {
      ctx.plan.agree.push({
        path,
        kind: 'file',
        path1: source,
        path2: stateOf(ctx.entry(folderSide, path)!),
      });
    }
    ctx.handled.add(path);
  }
}

/** Folder decisions, deepest first so a parent sees what its children decided. */
export function planFolders(ctx: PlanContext, paths: string[]): void {
  const byDepth = [...paths].sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1));
  for (const path of byDepth) {
    if (ctx.handled.has(path)) continue;
    const isFolder = (s: Side) => ctx.entry(s, path)?.kind === 'folder' && ctx.after[s].has(path);
    const f1 = isFolder('path1');
    const f2 = isFolder('path2');
    const known = ctx.base(path)?.kind === 'folder';
    if (ctx.rule.mode === 'move') {
      if (f1 && !ctx.after.path2.has(path)) ctx.mkdir('path2', path, 'folder at the source', false);
    } else if (f1 && f2) {
      if (!known) ctx.agree(path);
    } else if (!f1 && !f2) {
      ctx.drop(path);
    } else if (ctx.rule.mode === 'two-way') {
      const have: Side = f1 ? 'path1' : 'path2';
      const other = otherSide(have);
      if (!known || ctx.after[have].hasDescendants(path) || ctx.after[other].hasDescendants(path)) {
        if (!ctx.after[other].has(path))
          ctx.mkdir(other, path, known ? 'still holds files' : `new on ${have}`);
      } else {
        ctx.remove(have, path, `deleted on ${other}`, { drop: [path] });
      }
    } else if (f1) {
      // copy / one-way, folder only at the source: new → create; deleted at the destination → its business.
      if ((!known || ctx.after.path2.hasDescendants(path)) && !ctx.after.path2.has(path)) {
        ctx.mkdir('path2', path, 'new on path1');
      }
    } else if (known) {
      // Folder only at the destination, deleted at the source.
      if (ctx.rule.mode === 'one-way' && !ctx.after.path2.hasDescendants(path)) {
        ctx.remove('path2', path, 'deleted on path1', { drop: [path] });
      } else {
        ctx.drop(path);
      }
    }
  }
}
