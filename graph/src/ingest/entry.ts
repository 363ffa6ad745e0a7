// A provider entry as ingest uses it: path normalised, hashes flattened, folders sized 0.
import type { NodeKind } from '../model.js';
import { guessMime } from '../nodes/mime.js';
import { nameOf, normalizePath } from '../nodes/paths.js';

/** What a provider listing yields (structurally the same as sync's `Entry`). */
export interface ProviderEntry {
  path: string;
  kind: 'file' | 'folder';
  size: number;
  mtime: number | null;
  hashes: { md5?: string; sha1?: string };
  providerId: string | null;
  etag: string | null;
  mime?: string | null;
}

export interface ListedEntry {
  path: string;
  name: string;
  kind: NodeKind;
  size: number;
  mtime: number | null;
  md5: string | null;
  sha1: string | null;
  mime: string | null;
  providerId: string | null;
  etag: string | null;
}

export function toListed(e: ProviderEntry): ListedEntry {
  const path = normalizePath(e.path);
  const name = nameOf(path);
  const kind = e.kind === 'folder' ? 'folder' : 'file';
  return {
    path,
    name,
    kind,
    size: kind === 'folder' ? 0 : Math.max(0, Math.trunc(e.size)),
    mtime: e.mtime === null || e.mtime === undefined ? null : Math.trunc(e.mtime),
    md5: e.hashes?.md5?.toLowerCase() ?? null,
    sha1: e.hashes?.sha1?.toLowerCase() ?? null,
    mime: e.mime ?? guessMime(name, kind),
    providerId: e.providerId ?? null,
    etag: e.etag ?? null,
  };
}

export function hasHash(e: ListedEntry): boolean {
  return e.md5 !== null || e.sha1 !== null;
}

/** Same content by size and a hash both sides know. */
export function sameContent(
  e: ListedEntry,
  n: { size: number | null; md5: string | null; sha1: string | null },
): boolean {
  if (e.size !== n.size) return false;
  if (e.md5 && n.md5) return e.md5 === n.md5;
  if (e.sha1 && n.sha1) return e.sha1 === n.sha1;
  return false;
}
