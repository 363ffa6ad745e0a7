// Argument helpers shared by the schema files: global ids to places and raw ids.
import type { Place } from '../files/ops.service.js';
import { decodeGlobalId, notFound } from '../ids.js';

/** A folder (`File` id) or a remote's root (`Remote` id); anything else is NOT_FOUND. */
export function placeOf(globalId: unknown): Place {
  const { typename, id } = decodeGlobalId(globalId);
  if (typename === 'Remote') return { kind: 'remote', id };
  if (typename === 'File') return { kind: 'folder', id };
  throw notFound('no such folder');
}
