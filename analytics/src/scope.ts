// Every analytics query starts from the caller's own live documents: tenant scope and no
// tombstones, in one place so no query can forget them.
import type { Client } from '@opensearch-project/opensearch';
import { SyncoxideError } from '@syncoxide/core';

export type Query = Record<string, unknown>;

export interface Scope {
  ownerId: string;
  /** Only this remote. */
  remoteId?: string | null;
}

/** Filters for the caller's non-deleted documents (trash included; callers add their own). */
export function scopeFilters(scope: Scope): Query[] {
  if (!scope.ownerId) throw new SyncoxideError('INVALID_INPUT', 'an owner is required');
  const filters: Query[] = [{ term: { ownerId: scope.ownerId } }, { term: { deleted: false } }];
  if (scope.remoteId) filters.push({ term: { remoteId: scope.remoteId } });
  return filters;
}

export const LIVE: Query = { bool: { must_not: [{ term: { trashed: true } }] } };
export const FILES: Query = { term: { kind: 'file' } };

/** Runs a search and returns its body; a missing index reads as empty, like a new user's. */
export async function searchBody<T = Record<string, unknown>>(
  client: Client,
  index: string,
  body: Query,
): Promise<T | null> {
  try {
    const response = await client.search({ index, body: body as never });
    return response.body as T;
  } catch (err) {
    const status = (err as { meta?: { statusCode?: number } }).meta?.statusCode;
    if (status === 404) return null;
    throw err;
  }
}

export interface Hit<T> {
  _id: string;
  _source: T;
  sort?: unknown[];
}

export interface Hits<T> {
  hits: { total: { value: number }; hits: Hit<T>[] };
  aggregations?: Record<string, unknown>;
}
