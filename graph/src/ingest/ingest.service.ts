// Folds a provider listing of any size into the graph, batch by batch: creates, updates and
// moves as they come; hash moves and deletes once the listing is known to be complete.
// Memory holds one batch, a compact set of the nodes the listing accounted for, and at most
// MAX_DEFERRED possible hash moves.
import { newId, SyncoxideError } from '@syncoxide/core';
import { findRemote } from '../accounts/accounts.repository.js';
import { type GraphContext, writeRetrying } from '../context.js';
import { readTx } from '../db.js';
import type { Cause } from '../model.js';
import { type BatchOutcome, type BatchScope, runBatch } from './batch.js';
import { type ListedEntry, type ProviderEntry, toListed } from './entry.js';
import { remoteHasNodes } from './ingest.repository.js';
import { deleteUnseen, resolveDeferred } from './listing-end.js';
import { KEPT, MATCHED, SeenSet } from './seen-set.js';
import { emptyStats, type IngestStats, tally } from './stats.js';

/** Beyond this many held-back entries, new ones are created at once (a move then shows as create + delete). */
const MAX_DEFERRED = 100_000;

export interface IngestListingInput {
  ownerId: string;
  remoteId: string;
  entries: AsyncIterable<ProviderEntry> | Iterable<ProviderEntry>;
  cause?: Cause;
  /** Entries per transaction. */
  batchSize?: number;
  /**
   * The listing covers the whole remote and finished without error. Only a complete listing
   * deletes what it did not list; the default (false) never deletes.
   */
  complete?: boolean;
  signal?: AbortSignal;
  onProgress?: (stats: IngestStats) => void;
}

export type { IngestStats };

async function* batches(source: AsyncIterable<ProviderEntry> | Iterable<ProviderEntry>, size: number) {
  let batch = new Map<string, ListedEntry>();
  for await (const raw of source) {
    const e = toListed(raw);
    batch.set(e.path, e); // a path listed twice in one batch: the later entry wins
    if (batch.size >= size) {
      yield [...batch.values()];
      batch = new Map();
    }
  }
  if (batch.size > 0) yield [...batch.values()];
}

export function ingestService(ctx: GraphContext) {
  async function ingestListing(input: IngestListingInput): Promise<IngestStats> {
    const { ownerId, remoteId } = input;
    const batchSize = Math.max(1, input.batchSize ?? 2000);
    const cause = input.cause ?? { type: 'scan', ref: null };
    const remote = await readTx(ctx.db, (tx) => findRemote(tx, ownerId, remoteId));
    if (!remote) throw new SyncoxideError('NOT_FOUND', 'no such remote', { path: remoteId });
    const startedAt = ctx.clock();
    const fresh = !(await readTx(ctx.db, (tx) => remoteHasNodes(tx, { ownerId, remoteId })));
    const seen = new SeenSet();
    const deferred: ListedEntry[] = [];
    const stats = emptyStats();
    const scope = (): BatchScope => ({
      ownerId,
      remoteId,
      idsAuthoritative: remote.capabilities.stableIds,
      cause,
      lane: ctx.lane,
      now: ctx.clock(),
      newId,
      isMatched: (id) => seen.has(id, MATCHED),
    });
    const record = (out: BatchOutcome) => {
      for (const id of out.plan.matched) seen.add(id, MATCHED);
      for (const n of out.plan.creates) seen.add(n.id, MATCHED);
      for (const id of out.plan.kept) seen.add(id, KEPT);
      tally(stats, out);
      if (out.events > 0) ctx.onEvents(out.events);
      input.onProgress?.({ ...stats });
    };
    // Hash moves need the complete listing to know the old path is gone; a fresh remote has none.
    const canDefer = input.complete === true && !fresh;

    for await (const batch of batches(input.entries, batchSize)) {
      input.signal?.throwIfAborted();
      stats.entries += batch.length;
      const out = await writeRetrying(ctx, (tx) =>
        runBatch(tx, scope(), batch, {
          deferrable:
            canDefer && deferred.length < MAX_DEFERRED
              ? (c) => !seen.has(c.id, MATCHED) && c.updatedAt < startedAt
              : undefined,
        }),
      );
      deferred.push(...out.plan.deferred);
      record(out);
    }

    if (input.complete === true) {
      input.signal?.throwIfAborted();
      await resolveDeferred(ctx, { scope, deferred, batchSize, seen, startedAt, record });
      await deleteUnseen(ctx, { scope, batchSize, seen, startedAt, record });
    }
    stats.complete = input.complete === true;
    ctx.logger.info({ ownerId, remoteId, ...stats }, 'listing ingested');
    return stats;
  }

  return { ingestListing };
}
