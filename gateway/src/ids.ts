// Global ids: `base64url("Type:rawId")`. Decoding never throws anything but NOT_FOUND, so a
// malformed id, an id of the wrong type and another tenant's id all answer the same way.
import { SyncoxideError } from '@syncoxide/core';

const MAX_ID = 200;

export function encodeGlobalId(typename: string, id: string): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64url');
}

/** The one not-found message: missing, foreign and malformed ids must read the same. */
export const NOT_FOUND_MESSAGE = 'not found';

export function notFound(_what?: string): SyncoxideError {
  return new SyncoxideError('NOT_FOUND', NOT_FOUND_MESSAGE);
}

export function decodeGlobalId(globalId: unknown): { typename: string; id: string } {
  if (typeof globalId !== 'string' || globalId.length === 0 || globalId.length > MAX_ID) throw notFound();
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(globalId)) throw notFound();
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  if (colon <= 0) throw notFound();
  const typename = text.slice(0, colon);
  const id = text.slice(colon + 1);
  if (!/^[A-Za-z]+$/.test(typename) || !/^[A-Za-z0-9_.:-]{1,100}$/.test(id)) throw notFound();
  return { typename, id };
}

/** The raw id of a global id that must name one of `types`; anything else is NOT_FOUND. */
export function rawId(globalId: unknown, ...types: string[]): string {
  const { typename, id } = decodeGlobalId(globalId);
  if (!types.includes(typename)) throw notFound();
  return id;
}
