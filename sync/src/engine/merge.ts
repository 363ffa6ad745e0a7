// Three-way merge of small text files changed on both sides (opt-in per rule). Lines changed
// on one side only are taken; lines changed on both sides differently are a conflict and the
// merge is refused (the planner then falls back to keep-mode plus a conflict copy).
import { diff3Merge } from 'node-diff3';

/** Files larger than this are never merged, and their content is not kept as a merge base. */
export const MERGE_MAX_BYTES = 1024 * 1024;

/** Text = valid UTF-8 without NUL bytes. Binary content never merges. */
export function isText(buf: Buffer): boolean {
  if (buf.length > MERGE_MAX_BYTES || buf.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** Lines with their line endings attached, so joining gives back the exact bytes. */
function lines(text: string): string[] {
  return text === '' ? [] : text.split(/(?<=\n)/);
}

export type MergeResult = { ok: true; merged: Buffer } | { ok: false; reason: string };

export function mergeText(base: Buffer, one: Buffer, two: Buffer): MergeResult {
  if (!isText(base) || !isText(one) || !isText(two)) return { ok: false, reason: 'not text' };
  const regions = diff3Merge(
    lines(one.toString('utf8')),
    lines(base.toString('utf8')),
    lines(two.toString('utf8')),
    {
      excludeFalseConflicts: true,
    },
  );
  const out: string[] = [];
  for (const region of regions) {
    if (region.conflict) return { ok: false, reason: 'overlapping changes' };
    if (region.ok) out.push(...region.ok);
  }
  return { ok: true, merged: Buffer.from(out.join(''), 'utf8') };
}
