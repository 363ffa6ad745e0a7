// Timeline cursors: the position (instant, id) of the last item handed out. Pure.
import { SyncoxideError } from '@syncoxide/core';

// A cursor is the position (instant, id) of the last item handed out, so a page boundary
// holds even if that photo was deleted meanwhile.
export function encodeCursor(at: number | null, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { at: number | null; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if ((at === null || typeof at === 'number') && typeof id === 'string') return { at, id };
  } catch {}
  throw new SyncoxideError('INVALID_INPUT', 'not a timeline cursor');
}

/** Is (at, id) after the cursor in timeline order (desc/asc by instant, undated last, then id)? */
export function isAfter(
  at: number | null,
  id: string,
  cursor: { at: number | null; id: string },
  sign: number,
) {
  if (at !== cursor.at) {
    if (at === null) return true;
    if (cursor.at === null) return false;
    return sign * (at - cursor.at) > 0;
  }
  return id > cursor.id;
}
