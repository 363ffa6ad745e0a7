// One batch of entries in one transaction: fetch what they may touch, plan, carry the subtrees
// of moved folders, commit the changes with their outbox events. Shared by full listings and
// change feeds.
import type { Tx } from '../db.js';
import type { Cause, StoredNode } from '../model.js';
import {
  commitMutations,
  isEmpty,
  type Mutations,
  type NodeRef,
  type NodeUpdate,
} from '../nodes/mutation.repository.js';
import { ancestorsOf, isBelow, rebase } from '../nodes/paths.js';
import { type ListedEntry, sameContent } from './entry.js';
import {
  findByPathsOrIds,
  findDescendants,
  findSameContent,
  reparentChildren,
  StoredIndex,
} from './ingest.repository.js';
import { type BatchPlan, type PlanContext, planBatch } from './plan.js';

export interface BatchScope {
  ownerId: string;
  remoteId: string;
  idsAuthoritative: boolean;
  cause: Cause;
  /** Outbox lane of the events. */
  lane: string;
  now: number;
  newId: () => string;
  /** Matched by an earlier batch of the same listing. */
  isMatched: (id: string) => boolean;
}

export interface BatchHooks {
  /** Paths to fetch besides the entries' own (change feeds: the deleted paths). */
  extraPaths?: string[];
  /** Identity decided before planning (hash moves). */
  forced?: (index: StoredIndex) => Map<string, StoredNode>;
  /** A stored node that a created file with the same content may have moved from, later in the listing. */
  deferrable?: (candidate: StoredNode) => boolean;
  /** Deletes to commit with the batch, decided once the plan is known; `taken`: nodes already changed. */
  deletes?: (tx: Tx, index: StoredIndex, plan: BatchPlan, taken: ReadonlySet<string>) => Promise<NodeRef[]>;
}

export interface BatchOutcome {
  plan: BatchPlan;
  carried: number;
  deleted: number;
  events: number;
  writes: number;
}

function lookupPaths(entries: readonly ListedEntry[], extra: readonly string[] = []): string[] {
  const paths = new Set<string>(extra);
  for (const e of entries) {
    paths.add(e.path);
    for (const a of ancestorsOf(e.path)) paths.add(a);
  }
  return [...paths];
}

export async function runBatch(
  tx: Tx,
  scope: BatchScope,
  entries: ListedEntry[],
  hooks: BatchHooks = {},
): Promise<BatchOutcome> {
  const s = { ownerId: scope.ownerId, remoteId: scope.remoteId };
  const providerIds = [...new Set(entries.flatMap((e) => (e.providerId ? [e.providerId] : [])))];
  const index = new StoredIndex().add(
    await findByPathsOrIds(tx, s, lookupPaths(entries, hooks.extraPaths), providerIds),
  );
  const pctx: PlanContext = {
    ownerId: scope.ownerId,
    remoteId: scope.remoteId,
    now: scope.now,
    idsAuthoritative: scope.idsAuthoritative,
    isMatched: scope.isMatched,
    newId: scope.newId,
  };
  if (hooks.forced) pctx.forced = hooks.forced(index);
  let plan = planBatch(entries, index, pctx);

  if (plan.folderMoves.length > 0) {
    // Children listed in this batch under a moved folder are still stored under its old path.
    const carried = new Map(plan.folderMoves.map((m) => [m.to, m.from]));
    const old: string[] = [];
    for (const p of lookupPaths(entries)) {
      for (const [to, from] of carried) if (isBelow(p, to)) old.push(rebase(p, to, from));
    }
    if (old.length > 0) index.add(await findByPathsOrIds(tx, s, old, []));
    pctx.carried = carried;
    plan = planBatch(entries, index, pctx);
  }

  if (hooks.deferrable && plan.hashCreates.length > 0) {
    const candidates = await findSameContent(tx, s, plan.hashCreates);
    const matched = new Set(plan.matched);
    const defer = new Set<string>();
    for (const e of plan.hashCreates) {
      const same = (candidates.get(e.path) ?? []).filter((c) => sameContent(e, c) && !matched.has(c.id));
      if (same.some((c) => hooks.deferrable!(c))) defer.add(e.path);
    }
    if (defer.size > 0) {
      pctx.defer = defer;
      plan = planBatch(entries, index, pctx);
    }
  }

  const m: Mutations = { creates: plan.creates, updates: [...plan.updates], deletes: [] };
  let carried = 0;
  const planned = new Set([...plan.matched, ...plan.creates.map((n) => n.id)]);
  for (const move of plan.folderMoves) {
    const moves = await carrySubtree(tx, s, move, plan, planned, scope.isMatched);
    carried += moves.length;
    m.updates.push(...moves);
  }
  // A folder listed after its content, moved by id onto the path where an implicit folder was
  // made for that content: the two are one folder; the implicit one hands over its children.
  for (const move of plan.folderMoves) {
    for (const dup of index.atPath(move.to)) {
      if (dup.kind !== 'folder' || dup.id === move.nodeId || dup.providerId !== null || planned.has(dup.id))
        continue;
      await reparentChildren(tx, scope.ownerId, dup.id, move.nodeId);
      planned.add(dup.id);
      m.deletes.push(dup);
    }
  }
  if (hooks.deletes) m.deletes.push(...(await hooks.deletes(tx, index, plan, planned)));
  if (isEmpty(m)) return { plan, carried, deleted: 0, events: 0, writes: 0 };
  const result = await commitMutations(tx, m, {
    ownerId: scope.ownerId,
    lane: scope.lane,
    now: scope.now,
    cause: scope.cause,
  });
  return { plan, carried, deleted: m.deletes.length, events: result.events.length, writes: result.writes };
}

/**
 * The subtree of a moved folder follows it, except nodes this listing placed elsewhere, nodes
 * under another folder that moved on its own, and nodes whose new path a listed node holds.
 */
async function carrySubtree(
  tx: Tx,
  s: { ownerId: string; remoteId: string },
  move: { from: string; to: string },
  plan: BatchPlan,
  planned: Set<string>,
  isMatched: (id: string) => boolean,
): Promise<NodeUpdate[]> {
  const others = plan.folderMoves.filter((o) => o.from !== move.from && isBelow(o.from, move.from));
  const out: NodeUpdate[] = [];
  for (const d of await findDescendants(tx, s, move.from, move.to)) {
    if (planned.has(d.node.id) || isMatched(d.node.id)) continue;
    if (others.some((o) => d.node.path === o.from || isBelow(d.node.path, o.from))) continue;
    if (d.occupants.some((o) => planned.has(o) || isMatched(o))) continue;
    planned.add(d.node.id);
    out.push({
      before: d.node,
      patch: { path: d.newPath },
      kind: 'moved',
      previousPath: d.node.path,
      version: null,
    });
  }
  return out;
}
