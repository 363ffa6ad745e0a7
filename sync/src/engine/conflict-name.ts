// Names of conflict copies: `<name>.conflict-<side>-<date>.<ext>`, where <side> is the side
// whose version the copy holds and <date> the run's UTC time, e.g.
// `report.conflict-path2-20240131-154500.pdf`. The extension stays last so the copy still
// opens with the right application.
import { baseName, joinPath, parentOf } from '../providers/common/paths.js';
import type { Side } from './rule.js';

export function conflictStamp(now: Date): string {
  const iso = now.toISOString(); // 2024-01-31T15:45:00.000Z
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

/** Splits "a.tar.gz" into ["a.tar", ".gz"]; a leading dot ("".bashrc") is not an extension. */
export function splitExt(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
}

/** A conflict name for `path` not yet `taken` (a counter is added after the date if needed). */
export function conflictName(path: string, side: Side, now: Date, taken: (path: string) => boolean): string {
  const [stem, ext] = splitExt(baseName(path));
  const stamp = conflictStamp(now);
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `-${n}`;
    const candidate = joinPath(parentOf(path), `${stem}.conflict-${side}-${stamp}${suffix}${ext}`);
    if (!taken(candidate)) return candidate;
  }
}

const CONFLICT = /\.conflict-path[12]-\d{8}-\d{6}(-\d+)?(\.[^./]*)?$/;

export function isConflictName(path: string): boolean {
  return CONFLICT.test(baseName(path));
}
