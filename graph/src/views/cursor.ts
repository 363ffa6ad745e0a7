// Opaque cursors for keyset pagination. A cursor names the view it belongs to (view, its
// scope and the caller, as a hash) and the sort it was made for; any other use is refused.
import { createHash } from 'node:crypto';
import { SyncoxideError } from '@syncoxide/core';

export type SortField = 'name' | 'size' | 'mtime' | 'updatedAt' | 'createdAt' | 'trashedAt';
export type SortDirection = 'asc' | 'desc';

export interface Sort {
  field: SortField;
  direction: SortDirection;
}

export interface PageRequest {
  /** Page size, 1..500 (default 50). */
  first?: number;
  after?: string | null;
  sort?: Sort;
}

export interface Page<T> {
  items: T[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** Position of an item in a stable order: (folder rank, sort value, id). */
export interface Key {
  r: number;
  v: string | number | null;
  id: string;
}

export const MAX_PAGE = 500;

export function pageSize(first: number | undefined): number {
  if (first === undefined) return 50;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw new SyncoxideError('INVALID_INPUT', `page size must be 1..${MAX_PAGE}`);
  }
  return first;
}

function scopeHash(scope: string, callerId: string): string {
  return createHash('sha256').update(`${scope}\u0000${callerId}`).digest('base64url').slice(0, 16);
}

export function encodeCursor(scope: string, callerId: string, sort: Sort, key: Key): string {
  const body = {
    h: scopeHash(scope, callerId),
    s: `${sort.field}:${sort.direction}`,
    k: [key.r, key.v, key.id],
  };
  return Buffer.from(JSON.stringify(body)).toString('base64url');
}

export function decodeCursor(cursor: string, scope: string, callerId: string, sort: Sort): Key {
  const bad = () => new SyncoxideError('INVALID_INPUT', 'this cursor does not belong to this view');
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const b = body as { h?: unknown; s?: unknown; k?: unknown };
  if (b.h !== scopeHash(scope, callerId) || b.s !== `${sort.field}:${sort.direction}` || !Array.isArray(b.k))
    throw bad();
  const [r, v, id] = b.k as unknown[];
  if (
    typeof r !== 'number' ||
    typeof id !== 'string' ||
    !(v === null || typeof v === 'string' || typeof v === 'number')
  ) {
    throw bad();
  }
  return { r, v, id };
}

const FIELDS: SortField[] = ['name', 'size', 'mtime', 'updatedAt', 'createdAt', 'trashedAt'];

export function checkSort(sort: Sort): Sort {
  if (!FIELDS.includes(sort.field) || (sort.direction !== 'asc' && sort.direction !== 'desc')) {
    throw new SyncoxideError('INVALID_INPUT', `unknown sort ${String(sort.field)} ${String(sort.direction)}`);
  }
  return sort;
}
