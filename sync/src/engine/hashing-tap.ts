// The transform every transferred byte passes first: MD5 and SHA1 in the same pass, and a
// check, before the stream ends (so before the destination commits), that the source still
// is what the plan saw. Optionally keeps the bytes of a small file (the merge base).
import { Transform, type TransformCallback } from 'node:stream';
import { SyncoxideError } from '@syncoxide/core';
import { digestsOf, type HashState, newHashState, updateHashState } from '../providers/common/hashing.js';
import type { Hashes } from '../providers/types.js';

export interface SourceCheck {
  /** Total bytes the source must have (checked when the last byte has passed). */
  size?: number;
  /** Hashes the source must have, when the plan knew them. */
  hashes?: Hashes;
  path: string;
}

export class SourceHasher extends Transform {
  readonly state: HashState;
  private readonly captured: Buffer[] | null;
  private capturedBytes = 0;
  private readonly captureLimit: number;
  private readonly onBytes: ((n: number) => void) | undefined;

  constructor(
    private readonly check: SourceCheck | null,
    options: { capture?: number; onBytes?: (n: number) => void; resumeFrom?: HashState } = {},
  ) {
    super();
    this.state = options.resumeFrom ?? newHashState();
    this.captured = options.capture ? [] : null;
    this.captureLimit = options.capture ?? 0;
    this.onBytes = options.onBytes;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    updateHashState(this.state, chunk);
    if (this.captured && this.capturedBytes + chunk.length <= this.captureLimit) {
      this.captured.push(chunk);
      this.capturedBytes += chunk.length;
    }
    this.onBytes?.(chunk.length);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    callback(this.verify());
  }

  /** Null when the source matched the plan; the error that stops the write otherwise. */
  verify(): Error | null {
    const c = this.check;
    if (!c) return null;
    if (c.size !== undefined && this.state.bytes !== c.size) {
      return sourceChanged(c.path, `${this.state.bytes} bytes read, ${c.size} planned`);
    }
    const got = digestsOf(this.state);
    for (const t of ['md5', 'sha1'] as const) {
      const want = c.hashes?.[t];
      if (want && want.toLowerCase() !== got[t]) return sourceChanged(c.path, `${t} differs from the plan`);
    }
    return null;
  }

  digests(): Required<Hashes> {
    return digestsOf(this.state);
  }

  /** The whole content, when it was small enough to keep. */
  content(): Buffer | null {
    if (!this.captured || this.capturedBytes !== this.state.bytes) return null;
    return Buffer.concat(this.captured);
  }
}

export function sourceChanged(path: string, why: string): SyncoxideError {
  return new SyncoxideError('PRECONDITION_FAILED', `source changed since planned (${why}); re-plan`, {
    path,
    retriable: false,
  });
}
