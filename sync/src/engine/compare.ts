// How a rule's compare list applies to each side, with the fallbacks a provider forces (no
// modification times, no native hashes), and the two questions the planner asks: "did this
// side change since the baseline?" and "do these two hold the same content?".
import type { Entry, HashType, ProviderCapabilities } from '../providers/types.js';
import type { Side, SyncRule } from './rule.js';
import { commonHash, type FileState, hashesOf, isDiverged } from './state.js';

export interface SideCompare {
  modtime: boolean;
  checksum: boolean;
}

export interface CompareSpec {
  path1: SideCompare;
  path2: SideCompare;
  /** Modification times closer than this are equal (the coarser side's precision, at least 1 ms). */
  toleranceMs: number;
  /** Human-readable fallbacks, shown in the rule's status. */
  notes: string[];
}

export function compareSpec(rule: SyncRule, caps: Record<Side, ProviderCapabilities>): CompareSpec {
  const notes: string[] = [];
  const wantsModtime = rule.compare.includes('modtime');
  const wantsChecksum = rule.compare.includes('checksum');
  const side = (s: Side): SideCompare => {
    const c = caps[s];
    let modtime = wantsModtime && c.modtime.supported;
    let checksum = wantsChecksum;
    if (wantsModtime && !c.modtime.supported) {
      // Size alone misses same-size edits; without times, content hashes are the only witness.
      checksum = true;
      modtime = false;
      notes.push(`${s} has no modification times: comparing by size and checksum there`);
    }
    if (checksum && c.hashes.length === 0) {
      notes.push(`${s} has no native hashes: checksums there are computed by reading the files`);
    }
    return { modtime, checksum };
  };
  const path1 = side('path1');
  const path2 = side('path2');
  for (const s of ['path1', 'path2'] as const) {
    if (wantsModtime && caps[s].modtime.supported && !caps[s].modtime.settable) {
      notes.push(`${s} cannot set modification times: copies there carry the upload time`);
    }
  }
  const toleranceMs = Math.max(1, caps.path1.modtime.precisionMs, caps.path2.modtime.precisionMs);
  return { path1, path2, toleranceMs, notes };
}

/** A hash the planner needs before it can decide. */
export interface HashNeed {
  side: Side;
  path: string;
  type: HashType;
}

export type Verdict = boolean | { need: HashNeed[] };

/**
 * Has `entry` changed since `base` (this side's baseline state)? A size difference always
 * counts: it is free to see and never wrong. A needed hash is returned as a request instead.
 */
export function hasChanged(
  side: Side,
  entry: Entry,
  base: FileState,
  spec: CompareSpec,
  nativeHashes: HashType[],
): Verdict {
  if (isDiverged(base) || entry.kind !== base.kind) return true;
  if (entry.kind === 'folder') return false;
  if (entry.size !== base.size) return true;
  const c = spec[side];
  // The same version tag as recorded: untouched. (Listings of some providers carry no stored
  // mtime, e.g. S3's upload time, so the tag is the reliable witness.) Checksum mode still looks
  // at content: a tag like the local "size-mtime" does not vouch for it.
  if (!c.checksum && entry.etag !== null && entry.etag === base.etag) return false;
  if (c.modtime && entry.mtime !== null && base.mtime !== null) {
    if (Math.abs(entry.mtime - base.mtime) >= spec.toleranceMs) return true;
  }
  if (c.checksum) {
    const type = commonHash(entry.hashes, hashesOf(base));
    if (type) return entry.hashes[type]!.toLowerCase() !== hashesOf(base)[type]!.toLowerCase();
    const wanted = pickHash(hashesOf(base), nativeHashes);
    if (!wanted) return true; // a baseline without hashes cannot vouch for the content
    return { need: [{ side, path: entry.path, type: wanted }] };
  }
  return false;
}

/** Same content on both sides? Sizes first, then a common hash (requested when missing). */
export function sameContent(
  e1: Entry,
  e2: Entry,
  native: Record<Side, HashType[]>,
  paths: Record<Side, string> = { path1: e1.path, path2: e2.path },
): Verdict {
  if (e1.kind !== e2.kind) return false;
  if (e1.kind === 'folder') return true;
  if (e1.size !== e2.size) return false;
  const type = commonHash(e1.hashes, e2.hashes);
  if (type) return e1.hashes[type]!.toLowerCase() === e2.hashes[type]!.toLowerCase();
  const wanted =
    pickHash(e2.hashes, native.path1) ??
    pickHash(e1.hashes, native.path2) ??
    pickHash({}, native.path1) ??
    'md5';
  const need: HashNeed[] = [];
  if (!e1.hashes[wanted]) need.push({ side: 'path1', path: paths.path1, type: wanted });
  if (!e2.hashes[wanted]) need.push({ side: 'path2', path: paths.path2, type: wanted });
  return { need };
}

/** A hash type to compute: one `have` already holds (preferring a native one), else null. */
function pickHash(have: Partial<Record<HashType, string>>, native: HashType[]): HashType | null {
  for (const t of native) if (have[t]) return t;
  if (have.md5) return 'md5';
  if (have.sha1) return 'sha1';
  return native[0] ?? null;
}
