// What the planner knows of a file on one side: a listing entry reduced to what decides
// "changed since the baseline?" and "same content?", and the baseline both sides agreed on.
import type { Entry, Expected, Hashes, HashType } from '../providers/types.js';
import type { Side } from './rule.js';

export interface FileState {
  kind: 'file' | 'folder';
  size: number;
  /** Epoch ms; null when the provider has none. */
  mtime: number | null;
  md5?: string;
  sha1?: string;
  providerId: string | null;
  etag: string | null;
}

/** Per rule and relative path: the state each side had when both last agreed (DESIGN-NOTES §5). */
export interface BaselineEntry {
  path: string;
  kind: 'file' | 'folder';
  path1: FileState;
  path2: FileState;
  /** Content at agreement time, kept for small text files of auto-merge rules (the merge base). */
  content?: Buffer | null;
}

/** A listing of one side: relative path → entry (entry.path is relative too). */
export type Listing = Map<string, Entry>;
export type Baseline = Map<string, BaselineEntry>;

/**
 * A side state that never matches anything: recorded when a side deliberately keeps content
 * the other side does not have (a destination that won a copy-mode conflict), so that any
 * later change of the source is treated as a conflict again instead of overwriting it.
 */
export const DIVERGED: FileState = Object.freeze({
  kind: 'file',
  size: -1,
  mtime: null,
  providerId: null,
  etag: null,
}) as FileState;

export function isDiverged(state: FileState): boolean {
  return state.size < 0;
}

export function stateOf(entry: Entry): FileState {
  const state: FileState = {
    kind: entry.kind,
    size: entry.kind === 'folder' ? 0 : entry.size,
    mtime: entry.mtime,
    providerId: entry.providerId,
    etag: entry.etag,
  };
  if (entry.hashes.md5) state.md5 = entry.hashes.md5.toLowerCase();
  if (entry.hashes.sha1) state.sha1 = entry.hashes.sha1.toLowerCase();
  return state;
}

export function hashesOf(state: FileState | Entry): Hashes {
  if ('hashes' in state) return state.hashes;
  const out: Hashes = {};
  if (state.md5) out.md5 = state.md5;
  if (state.sha1) out.sha1 = state.sha1;
  return out;
}

export function withHashes(state: FileState, hashes: Hashes): FileState {
  const next = { ...state };
  if (hashes.md5) next.md5 = hashes.md5.toLowerCase();
  if (hashes.sha1) next.sha1 = hashes.sha1.toLowerCase();
  return next;
}

/** The provider precondition "still what the plan saw" for a destination in `state`. */
export function expectOf(state: FileState): Expected {
  const out: Expected = { size: state.size };
  if (state.kind === 'folder') return {};
  if (state.etag !== null) out.etag = state.etag;
  else if (state.mtime !== null) out.mtime = state.mtime;
  if (state.md5) out.md5 = state.md5;
  else if (state.sha1) out.sha1 = state.sha1;
  return out;
}

/** Hash types both have; md5 first (cheaper). */
export function commonHash(a: Hashes, b: Hashes): HashType | null {
  if (a.md5 && b.md5) return 'md5';
  if (a.sha1 && b.sha1) return 'sha1';
  return null;
}

export function sideState(entry: BaselineEntry, side: Side): FileState {
  return entry[side];
}
