// Where renditions live: a store keyed by cacheKey. Two implementations: a folder on this
// machine, and any Provider (an S3-compatible bucket in production). Both write atomically, so
// a reader sees a whole rendition or none.
import type { Readable } from 'node:stream';
import { SyncoxideError } from '@syncoxide/core';
import { MIME_OF } from '../renditions.js';
import { parseCacheKey } from './key.js';

export interface StoredRendition {
  stream: Readable;
  bytes: number;
  mime: string;
}

export interface RenditionStore {
  /** The rendition, or null when the store does not hold it. */
  get(key: string): Promise<StoredRendition | null>;
  has(key: string): Promise<boolean>;
  put(key: string, data: Buffer): Promise<void>;
  /** Removes the rendition; a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** Relative path of a key: two levels of fan-out keep folders small on any backend. */
export function keyPath(key: string): string {
  const parsed = parseCacheKey(key);
  if (!parsed) throw new SyncoxideError('INVALID_INPUT', `not a rendition cache key: ${JSON.stringify(key)}`);
  return `${parsed.digest.slice(0, 2)}/${parsed.digest.slice(2, 4)}/${key}`;
}

export function mimeOfKey(key: string): string {
  const parsed = parseCacheKey(key);
  if (!parsed) throw new SyncoxideError('INVALID_INPUT', `not a rendition cache key: ${JSON.stringify(key)}`);
  return MIME_OF[parsed.format];
}
