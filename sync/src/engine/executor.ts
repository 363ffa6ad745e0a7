// Executes a run's journal rows phase by phase with a bounded pool of workers. Rows are
// claimed from PostgreSQL in batches (so several processes could share a run), held by a
// renewed lease, applied idempotently, and marked done together with their baseline change in
// one transaction, shared by the rows that finish together (group commit). A remote's slot is
// held only while an operation talks to providers, not while the journal records it.
// Retriable errors are retried with back-off; others fail the row with its error.
import { randomUUID } from 'node:crypto';
import type { Transform } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { backoffDelay, isSyncoxideError, type Logger, SyncoxideError } from '@syncoxide/core';
import type { Journal } from '../journal/index.js';
import type { OpRow } from '../journal/ops.repository.js';
import type { Entry, Provider, UploadState } from '../providers/types.js';
import { type ApplyResult, applyOp } from './apply.js';
import { ClaimFeed } from './claim-feed.js';
import { Completer } from './completer.js';
import type { OpInfo, SyncEvents } from './events.js';
import { RemoteLimiter } from './limiter.js';
import { isText } from './merge.js';
import { LAST_PHASE } from './plan-types.js';
import type { Side } from './rule.js';
import { type BaselineEntry, type FileState, stateOf, withHashes } from './state.js';

export interface ExecutorOptions {
  journal: Journal;
  provider: (remote: string) => Provider;
  events?: SyncEvents;
  logger?: Logger;
  /**
   * Workers per run (default 16; also the rows claimed per journal round trip) and operations
   * in flight per remote (default 8).
   */
  concurrency?: number;
  perRemote?: number;
  /** Lease on a claimed row, renewed while held (default 30 s). */
  leaseMs?: number;
  /**
   * Bytes per resumable part (default 16 MiB); files from `sessionMinBytes` use sessions (default:
   * one part — a smaller file is one atomic write, cheaper than a session and cheap to re-send).
   */
  partBytes?: number;
  sessionMinBytes?: number;
  /** Attempts per operation for retriable errors (default 4), first back-off delay (default 200 ms). */
  attempts?: number;
  retryBaseMs?: number;
  /** Test seam: a transform on the wire between source hashing and the destination. */
  wire?: (row: OpRow) => Transform | null;
  /** Told of every row done, with what it wrote (the graph write-back). */
  onApplied?: (row: OpRow, result: ApplyResult) => Promise<void>;
}

export class Executor {
  readonly worker = `executor-${randomUUID()}`;
  private readonly limiter: RemoteLimiter;
  private readonly held = new Set<number>();
  private readonly leaseMs: number;
  private readonly completer: Completer;
  private stopped = false;

  constructor(private readonly o: ExecutorOptions) {
    this.limiter = new RemoteLimiter(o.perRemote ?? 8);
    this.leaseMs = o.leaseMs ?? 30_000;
    this.completer = new Completer(o.journal.ops, this.worker);
  }

  /** Claims nothing more (the rule's lease was lost); rows in hand finish. */
  stop(): void {
    this.stopped = true;
  }

  /** Runs every phase of `runId` until each row is done or failed (or the executor is stopped). */
  async execute(runId: string): Promise<void> {
    const beat = setInterval(
      () => {
        this.o.journal.ops.renewLeases(this.worker, [...this.held], this.leaseMs).catch((err) => {
          this.o.logger?.warn({ err }, 'lease renewal failed');
        });
      },
      Math.max(50, this.leaseMs / 3),
    );
    try {
      for (let phase = 1; phase <= LAST_PHASE && !this.stopped; phase++) await this.drain(runId, phase);
    } finally {
      clearInterval(beat);
    }
  }

  private async drain(runId: string, phase: number): Promise<void> {
    const ops = this.o.journal.ops;
    const concurrency = this.o.concurrency ?? 16;
    for (;;) {
      let claimed = 0;
      const feed = new ClaimFeed(ops, runId, phase, this.worker, this.leaseMs, this.held, concurrency);
      const workers = Array.from({ length: concurrency }, async () => {
        while (!this.stopped) {
          const row = await feed.next();
          if (!row) return;
          claimed++;
          try {
            await this.process(row);
          } finally {
            this.held.delete(row.id);
          }
        }
      });
      try {
        await Promise.all(workers);
      } finally {
        await ops.release(this.worker, feed.drain()).catch((err) => {
          this.o.logger?.warn({ err }, 'could not give back unstarted rows (their leases will run out)');
        });
      }
      if (this.stopped) return;
      const open = await ops.open(runId, phase);
      if (open.claimable === 0 && open.leased === 0) return;
      // Rows leased by someone else (or by a dead process until its lease runs out), or only
      // rows this executor still holds: wait rather than spin.
      if (open.claimable === 0 || claimed === 0) await sleep(Math.min(500, this.leaseMs / 4));
    }
  }

  private info(row: OpRow): OpInfo {
    return {
      ruleId: row.ruleId,
      runId: row.runId,
      opId: row.id,
      kind: row.kind,
      path: row.dstPath,
      reason: row.spec.reason,
    };
  }

  private async process(row: OpRow): Promise<void> {
    const { journal, events } = this.o;
    const info = this.info(row);
    const resumed = row.previous !== 'planned';
    events?.emit('op:started', { ...info, resumed });
    const attempts = this.o.attempts ?? 4;
    let expectOverride: FileState | undefined;
    let moved = 0;
    const total = row.spec.kind === 'copy' ? row.spec.source.size : 0;
    for (let attempt = 1; ; attempt++) {
      try {
        const apply = () =>
          applyOp(row, {
            provider: this.o.provider,
            expectOverride,
            hooks: {
              partBytes: this.o.partBytes ?? 16 * 1024 * 1024,
              sessionMinBytes: this.o.sessionMinBytes ?? this.o.partBytes ?? 16 * 1024 * 1024,
              saveSession: async (state, bytes) => {
                row.session = state;
                await journal.ops.saveSession(row.id, this.worker, state, bytes);
              },
              onBytes: (n) => {
                moved += n;
                events?.emit('op:progress', { ...info, bytes: moved, total });
              },
              // Only a resumable session's commit needs recording: an atomic write that crashed
              // before being recorded is recognised at the destination by its hashes anyway.
              onCommitted: async () => {
                if (row.session) await journal.ops.setState(row.id, this.worker, 'verifying');
              },
              wire: this.o.wire ? () => this.o.wire!(row) : undefined,
            },
          });
        const result = await this.limiter.run([row.srcRemote, row.dstRemote], apply);
        await this.completer.complete({ row, bytes: result.bytes, baseline: resolveBaseline(row, result) });
        events?.emit('op:done', { ...info, bytes: result.bytes });
        await this.o.onApplied?.(row, result);
        return;
      } catch (err) {
        if (isSyncoxideError(err, 'CONFLICT') && err.message.includes('lease lost')) return;
        const e = asError(err);
        if (e.code === 'CORRUPTED') {
          const written = e.details?.written as Entry | undefined;
          if (written) expectOverride = stateOf(written); // our own bad write may be replaced
          events?.emit('op:corrupted', { ...info, message: e.message });
        }
        if (e.retriable && attempt < attempts) {
          events?.emit('op:retry', { ...info, attempt, code: e.code, message: e.message });
          await journal.ops.noteError(row.id, this.worker, e.code, e.message).catch(() => {});
          row.previous = 'running'; // the next attempt looks at the destination first
          await sleep(backoffDelay(attempt, this.o.retryBaseMs ?? 200));
          continue;
        }
        this.o.logger?.warn({ err: e, op: info }, 'operation failed');
        // The failed row forgets its session: remove what it stored rather than orphan it.
        if (row.session) await abandonSession(this.o.provider(row.dstRemote), row.session);
        await journal.ops.fail(row.id, this.worker, e.code, e.message).catch(() => {});
        events?.emit('op:failed', { ...info, code: e.code, message: e.message });
        return;
      }
    }
  }
}

async function abandonSession(dst: Provider, state: UploadState): Promise<void> {
  try {
    await (await dst.resumeUpload(state)).abort();
  } catch {
    // Already gone (or never started).
  }
}

function asError(err: unknown): SyncoxideError {
  if (err instanceof SyncoxideError) return err;
  return new SyncoxideError('INTERNAL', (err as Error)?.message ?? String(err), { cause: err });
}

/** Turns the planned baseline effect into rows, with what the operation actually wrote. */
export function resolveBaseline(row: OpRow, result: ApplyResult): { set: BaselineEntry[]; drop: string[] } {
  const op = row.spec;
  const effect = op.baseline;
  const set: BaselineEntry[] = [];
  if (effect.set) {
    const s = effect.set;
    const ref = (side: Side): FileState => {
      const r = s[side];
      if (r === 'source') {
        if (op.kind !== 'copy' && op.kind !== 'move') throw new Error(`no source in a ${op.kind} operation`);
        return withHashes(op.source, result.sourceHashes ?? {});
      }
      if (r === 'written') {
        const w = result.written[side];
        if (!w) throw new Error(`${op.kind} operation wrote nothing on ${side}`);
        return w;
      }
      return r.state;
    };
    const content = s.captureContent && result.content && isText(result.content) ? result.content : null;
    set.push({ path: s.path, kind: s.kind, path1: ref('path1'), path2: ref('path2'), content });
  }
  return { set, drop: effect.drop ?? [] };
}
