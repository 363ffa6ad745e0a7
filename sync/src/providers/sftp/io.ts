// Pipelined reads and writes: several READ/WRITE requests in flight on one handle, because one
// request at a time (ssh2's own streams) is bound by the round trip, not the bandwidth.
import { Readable } from 'node:stream';
import type { SFTPWrapper } from 'ssh2';
import { mapSftpError } from './errors.js';
import { closeHandle, maxIoLength, readChunk, writeChunk } from './ops.js';

/** Requests kept in flight per handle. */
export const PIPELINE_DEPTH = 16;

/**
 * Bytes a crashed writer may have left unwritten below the file's size: the requests in flight.
 * Servers may apply them out of order (OpenSSH does not; others, like rclone's, can).
 */
export function inflightWindow(sftp: SFTPWrapper): number {
  return PIPELINE_DEPTH * maxIoLength(sftp, 'write');
}

/**
 * Writes `source` at `position` onward; resolves with the position after the last byte once
 * every request is acknowledged. `onChunk` sees each chunk in order (hashing, progress).
 */
export async function writeFrom(
  sftp: SFTPWrapper,
  handle: Buffer,
  source: AsyncIterable<Buffer | string>,
  position: number,
  onChunk: (chunk: Buffer) => void,
  signal?: AbortSignal,
): Promise<number> {
  const max = maxIoLength(sftp, 'write');
  const inflight = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  let pos = position;
  const send = (piece: Buffer, at: number): void => {
    const request: Promise<void> = writeChunk(sftp, handle, piece, at).then(
      () => {
        inflight.delete(request);
      },
      (error: unknown) => {
        inflight.delete(request);
        failure ??= { error };
      },
    );
    inflight.add(request);
  };
  try {
    for await (const raw of source) {
      signal?.throwIfAborted();
      const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw;
      onChunk(chunk);
      for (let off = 0; off < chunk.length; off += max) {
        const piece = chunk.subarray(off, off + max);
        send(piece, pos);
        pos += piece.length;
        while (inflight.size >= PIPELINE_DEPTH && !failure) await Promise.race(inflight);
        if (failure) throw (failure as { error: unknown }).error;
      }
    }
    await Promise.all(inflight);
    if (failure) throw (failure as { error: unknown }).error;
    signal?.throwIfAborted();
    return pos;
  } finally {
    // Never leave requests running against a handle the caller is about to close.
    await Promise.allSettled([...inflight]);
  }
}

/** Reads [start, end) from an open handle as a stream, closing the handle at the end. */
export function readStream(
  sftp: SFTPWrapper,
  handle: Buffer,
  start: number,
  end: number,
  label: string,
): Readable {
  const max = maxIoLength(sftp, 'read');
  async function* chunks(): AsyncGenerator<Buffer> {
    const slots: Promise<Buffer>[] = [];
    let next = start;
    const fill = (): void => {
      while (slots.length < PIPELINE_DEPTH && next < end) {
        const len = Math.min(max, end - next);
        const slot = readFully(sftp, handle, next, len);
        slot.catch(() => {}); // awaited in order below; this only silences early rejections
        slots.push(slot);
        next += len;
      }
    };
    try {
      fill();
      while (slots.length > 0) {
        const data = await slots.shift()!.catch((error: unknown) => {
          throw mapSftpError(error, label);
        });
        if (data.length > 0) yield data;
        fill();
      }
    } finally {
      await Promise.allSettled(slots);
      await closeHandle(sftp, handle, label).catch(() => {});
    }
  }
  return Readable.from(chunks(), { objectMode: false, highWaterMark: 256 * 1024 });
}

/** Reads exactly `length` bytes unless the file ends first (a server may answer short). */
async function readFully(s: SFTPWrapper, h: Buffer, position: number, length: number): Promise<Buffer> {
  const first = await readChunk(s, h, position, length);
  if (first.length === length || first.length === 0) return first;
  const parts = [first];
  let got = first.length;
  while (got < length) {
    const more = await readChunk(s, h, position + got, length - got);
    if (more.length === 0) break;
    parts.push(more);
    got += more.length;
  }
  return Buffer.concat(parts);
}
