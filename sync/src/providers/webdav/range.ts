// Byte ranges for GET: validated up front, and honoured even by a server that ignores Range
// (answers 200 with everything), by cutting the wanted slice out of the full body.
import { Transform, type TransformCallback } from 'node:stream';
import { SyncoxideError } from '@syncoxide/core';
import type { ByteRange } from '../types.js';

export function rangeOf(range: ByteRange, path: string): ByteRange {
  const { start, end } = range;
  if (
    !Number.isInteger(start) ||
    start < 0 ||
    (end !== undefined && (!Number.isInteger(end) || end < start))
  ) {
    throw new SyncoxideError('INVALID_INPUT', `invalid byte range ${start}-${end ?? ''}`, { path });
  }
  return range;
}

export function rangeHeader(range: ByteRange): string {
  return `bytes=${range.start}-${range.end ?? ''}`;
}

/** Passes through bytes [start, end] of what flows in, then ends. */
export function slicer(range: ByteRange): Transform {
  let pos = 0;
  const last = range.end ?? Number.POSITIVE_INFINITY;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      const from = Math.max(range.start - pos, 0);
      const to = Math.min(chunk.length, last - pos + 1);
      pos += chunk.length;
      callback(null, from < to ? chunk.subarray(from, to) : undefined);
    },
  });
}
