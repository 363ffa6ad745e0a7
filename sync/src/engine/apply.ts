// Applies one journal operation, idempotently (DESIGN-NOTES §3): an operation interrupted by
// a crash first looks at the destination (already the expected content → done; a session to
// resume → resume; else start over), and every destructive step passes or checks `expect`, so
// a destination changed since the plan is never overwritten (the run re-plans instead).
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { isSyncoxideError, SyncoxideError } from '@syncoxide/core';
import type { OpRow } from '../journal/ops.repository.js';
import { checkExpected } from '../providers/common/expect.js';
import { canCopy, type Entry, type Hashes, type Provider } from '../providers/types.js';
import type { CopyOp, DeleteOp, MergeOp, MkdirOp, MoveOp } from './plan-types.js';
import type { Side } from './rule.js';
import { expectOf, type FileState, stateOf } from './state.js';
import { type TransferHooks, transfer } from './transfer.js';

export interface ApplyResult {
  bytes: number;
  /** What the operation left on each side it wrote. */
  written: Partial<Record<Side, FileState>>;
  /** Hashes of the source as read (copy). */
  sourceHashes?: Hashes;
  /** Content to keep as the merge base. */
  content?: Buffer | null;
}

export interface ApplyContext {
  provider(remote: string): Provider;
  hooks: TransferHooks;
  /** Overrides the planned destination precondition (a retry over our own corrupted write). */
  expectOverride?: FileState;
}

/** Same object still, as far as cheap metadata can tell (for a move that already happened). */
function sameObject(a: Entry, b: FileState): boolean {
  if (a.size !== b.size) return false;
  if (a.providerId !== null && b.providerId !== null) return a.providerId === b.providerId;
  if (a.etag !== null && b.etag !== null) return a.etag === b.etag;
  return a.mtime === b.mtime;
}

/** Does the destination already hold the source's content (an interrupted copy that finished)? */
async function alreadyCopied(op: CopyOp, src: Provider, row: OpRow, dst: Provider): Promise<Entry | null> {
  const at = await dst.stat(row.dstPath);
  if (at?.kind !== 'file' || at.size !== op.source.size) return null;
  const type = op.source.md5 ? 'md5' : op.source.sha1 ? 'sha1' : 'md5';
  const want = op.source[type] ?? (await src.hash(row.srcPath!, type).catch(() => null));
  if (!want) return null;
  const have = at.hashes[type] ?? (await dst.hash(row.dstPath, type));
  return have.toLowerCase() === want.toLowerCase() ? { ...at, hashes: { ...at.hashes, [type]: have } } : null;
}

async function applyCopy(op: CopyOp, row: OpRow, ctx: ApplyContext): Promise<ApplyResult> {
  const src = ctx.provider(row.srcRemote!);
  const dst = ctx.provider(row.dstRemote);
  const interrupted = row.previous === 'running' || row.previous === 'verifying';
  let entry: Entry | null = interrupted ? await alreadyCopied(op, src, row, dst) : null;
  let result: ApplyResult;
  if (entry) {
    if (row.session) await abandon(dst, row);
    result = { bytes: 0, written: { [op.to.side]: stateOf(entry) }, sourceHashes: entry.hashes };
  } else if (row.srcRemote === row.dstRemote && canCopy(dst)) {
    // Same remote: server-side copy, no bytes through this process.
    const expect = ctx.expectOverride ? expectOf(ctx.expectOverride) : op.expect;
    const current = await dst.stat(row.dstPath);
    await checkExpected(row.dstPath, current, expect, (t) => dst.hash(row.dstPath, t));
    entry = await dst.copy(row.srcPath!, row.dstPath);
    if (entry.size !== op.source.size) {
      throw new SyncoxideError('CORRUPTED', 'server-side copy has the wrong size', {
        path: row.dstPath,
        retriable: true,
        details: { written: entry },
      });
    }
    result = { bytes: 0, written: { [op.to.side]: stateOf(entry) }, sourceHashes: entry.hashes };
  } else {
    const expect = ctx.expectOverride ? expectOf(ctx.expectOverride) : op.expect;
    const capture = op.baseline.set?.captureContent === true;
    const job = { src, srcPath: row.srcPath!, dst, dstPath: row.dstPath, source: op.source, expect, capture };
    const t = await transfer({ ...job, session: row.session }, ctx.hooks);
    entry = t.entry;
    result = { bytes: t.bytes, written: { [op.to.side]: stateOf(entry) }, sourceHashes: t.sourceHashes };
    result.content = t.content;
  }
  if (op.deleteSource) {
    // Move mode: the source goes only now, verified at the destination, and only if unchanged.
    const hashes = result.sourceHashes ?? {};
    const expect = expectOf({ ...op.source, md5: hashes.md5 ?? op.source.md5 });
    await src.delete(row.srcPath!, { expect }).catch((err) => {
      if (!isSyncoxideError(err, 'NOT_FOUND')) throw err;
    });
  }
  return result;
}

async function abandon(dst: Provider, row: OpRow): Promise<void> {
  try {
    const session = await dst.resumeUpload(row.session!);
    await session.abort();
  } catch {
    // Already gone.
  }
}

async function applyMove(op: MoveOp, row: OpRow, ctx: ApplyContext): Promise<ApplyResult> {
  const p = ctx.provider(row.dstRemote);
  const from = row.srcPath!;
  const to = row.dstPath;
  const current = await p.stat(from);
  if (!current) {
    const there = await p.stat(to);
    if (there && sameObject(there, op.source)) return { bytes: 0, written: { [op.side]: stateOf(there) } };
    throw new SyncoxideError('NOT_FOUND', 'nothing to rename any more; re-plan', { path: from });
  }
  // Provider moves take no precondition: check the source and the free name just before.
  await checkExpected(from, current, expectOf(op.source), (t) => p.hash(from, t));
  if (await p.stat(to)) {
    throw new SyncoxideError('PRECONDITION_FAILED', 'rename target appeared since planned', { path: to });
  }
  const entry = await p.move(from, to, { overwrite: false });
  return { bytes: 0, written: { [op.side]: stateOf(entry) } };
}

async function applyDelete(op: DeleteOp, row: OpRow, ctx: ApplyContext): Promise<ApplyResult> {
  const p = ctx.provider(row.dstRemote);
  try {
    if (op.expect.kind === 'folder') {
      for await (const e of p.list(row.dstPath)) {
        if (e.kind === 'file') {
          throw new SyncoxideError('PRECONDITION_FAILED', 'folder holds files now; not deleted', {
            path: e.path,
          });
        }
      }
      await p.delete(row.dstPath);
    } else {
      await p.delete(row.dstPath, { expect: expectOf(op.expect) });
    }
  } catch (err) {
    if (!isSyncoxideError(err, 'NOT_FOUND')) throw err;
    // Already gone is the goal reached, but "done" must be true: check rather than trust.
    if (await p.stat(row.dstPath)) {
      throw new SyncoxideError('INTERNAL', 'provider said not found, but it is still there', {
        path: row.dstPath,
        cause: err,
      });
    }
  }
  return { bytes: 0, written: {} };
}

async function applyMkdir(op: MkdirOp, row: OpRow, ctx: ApplyContext): Promise<ApplyResult> {
  const p = ctx.provider(row.dstRemote);
  await p.mkdir(row.dstPath);
  const entry = await p.stat(row.dstPath);
  if (entry?.kind !== 'folder') {
    throw new SyncoxideError('CONFLICT', 'folder not there after mkdir', { path: row.dstPath });
  }
  return { bytes: 0, written: { [op.at.side]: stateOf(entry) } };
}

async function applyMerge(op: MergeOp, row: OpRow, ctx: ApplyContext): Promise<ApplyResult> {
  const content = Buffer.from(op.content, 'base64');
  const md5 = createHash('md5').update(content).digest('hex');
  const written: Partial<Record<Side, FileState>> = {};
  const ends: [Side, string, string][] = [
    ['path1', row.srcRemote!, row.srcPath!],
    ['path2', row.dstRemote, row.dstPath],
  ];
  for (const [side, remote, path] of ends) {
    const p = ctx.provider(remote);
    const now = await p.stat(path);
    if (
      now?.kind === 'file' &&
      now.size === content.length &&
      (now.hashes.md5 ?? (await p.hash(path, 'md5'))) === md5
    ) {
      written[side] = { ...stateOf(now), md5 };
      continue;
    }
    const entry = await p.write(path, Readable.from([content]), {
      size: content.length,
      expect: expectOf(op.expect[side]),
    });
    if ((entry.hashes.md5 ?? (await p.hash(path, 'md5'))) !== md5) {
      throw new SyncoxideError('CORRUPTED', 'merged file differs after writing', { path, retriable: true });
    }
    written[side] = { ...stateOf(entry), md5 };
  }
  return { bytes: content.length * 2, written, content };
}

export function applyOp(row: OpRow, ctx: ApplyContext): Promise<ApplyResult> {
  const op = row.spec;
  switch (op.kind) {
    case 'copy':
      return applyCopy(op, row, ctx);
    case 'move':
      return applyMove(op, row, ctx);
    case 'delete':
      return applyDelete(op, row, ctx);
    case 'mkdir':
      return applyMkdir(op, row, ctx);
    case 'merge':
      return applyMerge(op, row, ctx);
  }
}
