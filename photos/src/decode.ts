// One place that opens images with sharp: the same limits everywhere, and libvips' messages
// turned into SyncoxideError codes a caller can act on (skip, report, retry).
import type { Readable } from 'node:stream';
import { isSyncoxideError, SyncoxideError } from '@syncoxide/core';
import sharp, { type Sharp } from 'sharp';
import { ByteCap, failureOf } from './source.js';

export interface DecodeLimits {
  /** Width × height above which an image is refused (a decompression bomb guard). */
  maxInputPixels: number;
  /** Compressed size above which an image is refused (sharp holds the compressed bytes). */
  maxInputBytes: number;
}

// 250 MP covers 16k × 15k panoramas and medium-format files; decoding is sequential and
// shrinks on load, so the pixel count bounds time more than memory.
export const DEFAULT_LIMITS: DecodeLimits = { maxInputPixels: 250_000_000, maxInputBytes: 256 * 1024 * 1024 };

/** A sharp pipeline reading an image top to bottom with the limits applied. */
export function openImage(limits: DecodeLimits = DEFAULT_LIMITS): Sharp {
  // failOn 'error': tolerate the warnings many real cameras' files raise, refuse broken data.
  return sharp({ limitInputPixels: limits.maxInputPixels, sequentialRead: true, failOn: 'error' });
}

/**
 * Feeds `source` into a fresh pipeline and runs `work` on it; a failing source (provider error,
 * byte cap) fails the result instead of leaving sharp waiting for bytes that never come.
 */
export async function withImage<T>(
  source: Readable,
  work: (input: Sharp) => Promise<T>,
  options: { limits?: DecodeLimits; label?: string } = {},
): Promise<T> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const input = openImage(limits);
  const cap = new ByteCap(limits.maxInputBytes, options.label);
  const failed = failureOf(source, cap).catch((err: unknown) => {
    throw sourceError(err, options.label);
  });
  const result = work(input);
  source.pipe(cap).pipe(input);
  try {
    return await Promise.race([result, failed]);
  } catch (err) {
    input.destroy();
    throw decodeError(err, options.label);
  } finally {
    source.unpipe(cap);
    cap.unpipe(input);
    source.destroy();
    // The work promise may still reject after a source failure won the race.
    result.catch(() => {});
  }
}

/** A failure of the content stream (not of decoding): kept if typed, else worth a retry. */
function sourceError(err: unknown, label?: string): SyncoxideError {
  if (isSyncoxideError(err)) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new SyncoxideError('NETWORK', `reading the image failed (${message})`, {
    path: label || undefined,
    cause: err,
  });
}

/** Maps sharp/libvips failures onto error codes; the message keeps libvips' first line. */
export function decodeError(err: unknown, label?: string): SyncoxideError {
  if (isSyncoxideError(err)) return err;
  const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
  const path = label || undefined;
  if (/unsupported image format|bad seek|no loader/i.test(message)) {
    return new SyncoxideError('UNSUPPORTED', `not an image format that can be decoded (${message})`, {
      path,
      cause: err,
    });
  }
  if (/pixel limit/i.test(message)) {
    return new SyncoxideError('INVALID_INPUT', `image has too many pixels (${message})`, {
      path,
      cause: err,
    });
  }
  return new SyncoxideError('CORRUPTED', `image could not be decoded (${message})`, { path, cause: err });
}
