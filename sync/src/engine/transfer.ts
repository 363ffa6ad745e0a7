// A verified transfer from one provider to another (DESIGN-NOTES §4): the source streams
// through one pass of MD5+SHA1 into the destination's atomic write or resumable session, the
// source is checked against the plan before the destination commits, and the destination's
// own hashes (reported by its write, else re-read) must equal the source's before it counts.
import { PassThrough, type Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { isSyncoxideError, SyncoxideError } from '@syncoxide/core';
import { newHashState } from '../providers/common/hashing.js';
import type { Entry, Expected, Hashes, Provider, UploadSession, UploadState } from '../providers/types.js';
import { SourceHasher, sourceChanged } from './hashing-tap.js';
import { MERGE_MAX_BYTES } from './merge.js';
import type { FileState } from './state.js';

export interface TransferJob {
  src: Provider;
  srcPath: string;
  dst: Provider;
  dstPath: string;
  /** The source as planned. */
  source: FileState;
  expect: Expected;
  /** A session persisted by an earlier, interrupted attempt. */
  session: UploadState | null;
  /** Keep the bytes when small (merge base). */
  capture: boolean;
}

export interface TransferHooks {
  /** Bytes per `append` of a resumable upload; the session is persisted after each. */
  partBytes: number;
  /** Files at least this big go through a resumable session (0: all of them). */
  sessionMinBytes: number;
  saveSession(state: UploadState | null, bytes: number): Promise<void>;
  onBytes(n: number): void;
  /** Called once the destination committed, before its hashes are checked (journal: verifying). */
  onCommitted?: () => Promise<void>;
  /** Test seam: a transform put on the wire between the source hashing and the destination. */
  wire?: () => Transform | null;
}

export interface TransferResult {
  entry: Entry;
  sourceHashes: Hashes;
  content: Buffer | null;
  bytes: number;
}

/** Pipes `source` through `stages` into a stream handed to the destination. */
function feed(source: Readable, stages: Transform[]): { body: PassThrough; done: Promise<void> } {
  const body = new PassThrough();
  const done = pipeline([source, ...stages, body]);
  done.catch(() => {}); // observed by the caller; an unobserved rejection must not crash the process
  return { body, done };
}

/**
 * Awaits the destination and the feeding pipeline; a source-side error explains a failed write.
 * A write that fails before reading everything leaves the pipeline stalled on back-pressure:
 * the body is destroyed then, so the pipeline ends (and closes the source) instead of hanging.
 */
async function both<T>(write: Promise<T>, feeding: Promise<void>, body: PassThrough): Promise<T> {
  write.catch((err: unknown) => {
    if (!body.destroyed) body.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  const [w, f] = await Promise.allSettled([write, feeding]);
  if (f.status === 'rejected' && isSyncoxideError(f.reason)) throw f.reason;
  if (w.status === 'rejected') throw w.reason;
  if (f.status === 'rejected') throw f.reason;
  return w.value;
}

/** The source must still be what the plan saw; returns its stat (which has the stored mtime). */
async function checkSourceNow(job: TransferJob): Promise<Entry> {
  const now = await job.src.stat(job.srcPath);
  if (now?.kind !== 'file') {
    throw new SyncoxideError('NOT_FOUND', 'source vanished since planned; re-plan', { path: job.srcPath });
  }
  const s = job.source;
  if (now.size !== s.size) throw sourceChanged(job.srcPath, `size ${now.size}, planned ${s.size}`);
  if (now.etag !== null && s.etag !== null) {
    if (now.etag !== s.etag) throw sourceChanged(job.srcPath, 'etag');
  } else if (now.mtime !== null && s.mtime !== null && Math.abs(now.mtime - s.mtime) >= 1) {
    throw sourceChanged(job.srcPath, 'modification time');
  }
  return now;
}

export async function transfer(job: TransferJob, hooks: TransferHooks): Promise<TransferResult> {
  // The stat's mtime, not the listing's: a listing may show an upload time instead (S3).
  const stored = (await checkSourceNow(job)).mtime ?? job.source.mtime;
  const size = job.source.size;
  const mtime = job.dst.capabilities.modtime.settable && stored !== null ? stored : undefined;
  const options = { size, expect: job.expect, ...(mtime !== undefined ? { mtime } : {}) };
  const planned = { size, hashes: { md5: job.source.md5, sha1: job.source.sha1 }, path: job.srcPath };
  const capture = job.capture && size <= MERGE_MAX_BYTES ? MERGE_MAX_BYTES : 0;
  const wire = () => {
    const t = hooks.wire?.();
    return t ? [t] : [];
  };
  let entry: Entry;
  let hasher: SourceHasher | null;
  if (size < hooks.sessionMinBytes && !job.session) {
    hasher = new SourceHasher(planned, { capture, onBytes: hooks.onBytes });
    const { body, done } = feed(await job.src.read(job.srcPath), [hasher, ...wire()]);
    entry = await both(job.dst.write(job.dstPath, body, options), done, body);
  } else {
    let session = job.session ? await resume(job.dst, job.session) : null;
    if (!session) {
      session = await job.dst.beginUpload(job.dstPath, options);
      await hooks.saveSession(session.state, 0);
    }
    // Hashes span parts only when this process saw every byte; after a resume they are rebuilt below.
    const state = session.state.offset === 0 ? newHashState() : null;
    hasher = null;
    while (session.state.offset < size) {
      const start = session.state.offset;
      const end = Math.min(start + hooks.partBytes, size) - 1;
      const part = new SourceHasher(null, {
        ...(state ? { resumeFrom: state } : {}),
        capture: state && start === 0 && end === size - 1 ? capture : 0,
        onBytes: hooks.onBytes,
      });
      const { body, done } = feed(await job.src.read(job.srcPath, { start, end }), [part, ...wire()]);
      await both(session.append(body), done, body);
      if (state) hasher = part;
      // After the last part the commit follows at once: a crash before it resumes from the
      // session recorded earlier (the provider finds what that part stored), so no save here.
      if (session.state.offset < size) await hooks.saveSession(session.state, session.state.offset);
    }
    if (session.state.offset !== size) {
      await session.abort().catch(() => {});
      throw sourceChanged(job.srcPath, `${session.state.offset} bytes uploaded, ${size} planned`);
    }
    if (size === 0) hasher = new SourceHasher(planned);
    const stale = hasher ? new SourceHasher(planned, { resumeFrom: hasher.state }).verify() : null;
    if (stale) {
      await session.abort().catch(() => {});
      await hooks.saveSession(null, 0);
      throw stale;
    }
    entry = await session.commit();
  }
  await hooks.onCommitted?.();
  const sourceHashes = hasher ? hasher.digests() : await rehashSource(job);
  await verifyDestination(job, entry, sourceHashes);
  return { entry, sourceHashes, content: hasher?.content() ?? null, bytes: size };
}

async function resume(dst: Provider, state: UploadState): Promise<UploadSession | null> {
  try {
    return await dst.resumeUpload(state);
  } catch {
    return null; // gone or expired: start again (the destination was never touched)
  }
}

/** After a resume the source's hash is read again, and must still be the planned one. */
async function rehashSource(job: TransferJob): Promise<Hashes> {
  const md5 = await job.src.hash(job.srcPath, 'md5');
  if (job.source.md5 && job.source.md5 !== md5) throw sourceChanged(job.srcPath, 'md5 differs from the plan');
  return { md5 };
}

/** The destination must hold exactly the source's bytes; otherwise CORRUPTED (retriable). */
export async function verifyDestination(job: TransferJob, entry: Entry, source: Hashes): Promise<void> {
  const type = source.md5 ? 'md5' : 'sha1';
  const have = entry.hashes[type] ?? (await job.dst.hash(job.dstPath, type));
  if (entry.size !== job.source.size || have.toLowerCase() !== source[type]!.toLowerCase()) {
    throw new SyncoxideError('CORRUPTED', `destination bytes differ from the source (${type} ${have})`, {
      path: job.dstPath,
      retriable: true,
      details: { written: entry },
    });
  }
}
