// Cache keys of renditions: derived from everything that determines the bytes, so a changed
// file (new content tag) or a new pipeline gets new keys and stale entries are never served.
import { createHash } from 'node:crypto';
import type { RenditionFormat, RenditionSize } from '../types.js';

/** Bumped when renditions change for the same input (sizes, quality, orientation fix...). */
export const PIPELINE_VERSION = 1;

export interface RenditionId {
  nodeId: string;
  /** Content hash when the provider has one, else size+mtime: see contentTagOf. */
  contentTag: string;
  size: RenditionSize;
  format: RenditionFormat;
}

/** "<40 hex>.<format>": the hex part doubles as the HTTP ETag. */
export function cacheKey(id: RenditionId): string {
  const digest = createHash('sha256')
    .update([`v${PIPELINE_VERSION}`, id.nodeId, id.contentTag, id.size, id.format].join('\0'))
    .digest('hex')
    .slice(0, 40);
  return `${digest}.${id.format}`;
}

const KEY = /^([0-9a-f]{40})\.(webp|avif)$/;

export function parseCacheKey(key: string): { digest: string; format: RenditionFormat } | null {
  const m = KEY.exec(key);
  return m ? { digest: m[1]!, format: m[2] as RenditionFormat } : null;
}

/**
 * What identifies a file's content without reading it: a hash the provider reported, else
 * size and mtime (a provider without hashes changes at least one of them on a new version).
 */
export function contentTagOf(state: {
  md5: string | null;
  sha1: string | null;
  size: number | null;
  mtime: number | null;
}): string {
  if (state.sha1) return `sha1:${state.sha1}`;
  if (state.md5) return `md5:${state.md5}`;
  return `stat:${state.size ?? '?'}:${state.mtime ?? '?'}`;
}
