// The two steps that need a complete listing: held-back files become hash moves (or creates),
// then nodes the listing did not account for are deleted. A node that changed after the
// listing started (a change feed, a user) is never deleted by it.
import { type GraphContext, writeRetrying } from '../context.js';
import { readTx } from '../db.js';
import type { StoredNode } from '../model.js';
import { commitMutations } from '../nodes/mutation.repository.js';
import { type BatchOutcome, type BatchScope, runBatch } from './batch.js';
import { type ListedEntry, sameContent } from './entry.js';
import { findBriefs, findSameContent, type NodeBrief, pageRemoteNodes } from './ingest.repository.js';
import { emptyPlan } from './plan.js';
import type { SeenSet } from './seen-set.js';

const PAGE = 5000;

interface EndInput {
  scope: () => BatchScope;
  batchSize: number;
  seen: SeenSet;
  startedAt: number;
  record: (out: BatchOutcome) => void;
}

export async function resolveDeferred(
  ctx: GraphContext,
  input: EndInput & { deferred: ListedEntry[] },
): Promise<void> {
  const { deferred, batchSize, startedAt } = input;
  for (let i = 0; i < deferred.length; i += batchSize) {
    const chunk = deferred.slice(i, i + batchSize);
    const out = await writeRetrying(ctx, async (tx) => {
      const scope = input.scope();
      const candidates = await findSameContent(tx, scope, chunk);
      const used = new Set<string>();
      const forced = new Map<string, StoredNode>();
      for (const e of chunk) {
        const same = (candidates.get(e.path) ?? []).filter(
          (c) => sameContent(e, c) && !scope.isMatched(c.id) && c.updatedAt < startedAt && !used.has(c.id),
        );
        // Several candidates with the same content: prefer the one with the same name (a move
        // between folders) over any other copy.
        const pick = same.find((c) => c.name === e.name) ?? same[0];
        if (pick) {
          used.add(pick.id);
          forced.set(e.path, pick);
        }
      }
      return runBatch(tx, scope, chunk, { forced: () => forced });
    });
    input.record(out);
  }
}

export async function deleteUnseen(ctx: GraphContext, input: EndInput): Promise<void> {
  const { batchSize, seen, startedAt } = input;
  const s = { ownerId: input.scope().ownerId, remoteId: input.scope().remoteId };
  const gone = (n: NodeBrief) => !seen.has(n.id) && n.updatedAt < startedAt;

  const flush = async (nodes: NodeBrief[]) => {
    if (nodes.length === 0) return;
    const out = await writeRetrying(ctx, async (tx): Promise<BatchOutcome> => {
      const scope = input.scope();
      // Re-read inside the transaction: what changed since the page was read is kept.
      const current = (
        await findBriefs(
          tx,
          s.ownerId,
          nodes.map((n) => n.id),
        )
      ).filter(gone);
      if (current.length === 0) return { plan: emptyPlan(), carried: 0, deleted: 0, events: 0, writes: 0 };
      const result = await commitMutations(
        tx,
        { creates: [], updates: [], deletes: current },
        { ownerId: s.ownerId, lane: scope.lane, now: scope.now, cause: scope.cause },
      );
      return {
        plan: emptyPlan(),
        carried: 0,
        deleted: current.length,
        events: result.events.length,
        writes: result.writes,
      };
    });
    input.record(out);
  };

  // Page through the remote in (path, id) order; ids at the last path of a page are
  // remembered so the next page (which starts at that path again) skips them.
  let afterPath = '';
  let atAfterPath = new Set<string>();
  const pending: NodeBrief[] = [];
  for (;;) {
    const page = await readTx(ctx.db, (tx) => pageRemoteNodes(tx, s, afterPath, PAGE));
    const fresh = page.filter((n) => !(n.path === afterPath && atAfterPath.has(n.id)));
    if (fresh.length === 0) break;
    for (const n of fresh) if (gone(n)) pending.push(n);
    const lastPath = page[page.length - 1]!.path;
    if (lastPath !== afterPath) atAfterPath = new Set();
    for (const n of page) if (n.path === lastPath) atAfterPath.add(n.id);
    afterPath = lastPath;
    while (pending.length >= batchSize) await flush(pending.splice(0, batchSize));
    if (page.length < PAGE) break;
  }
  await flush(pending);
}
