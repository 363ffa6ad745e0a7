// The one write path of every file/folder change: guarded node writes, provider versions,
// parent links and the outbox events, all in the caller's transaction (DESIGN-NOTES §1, §2).
import { type DiffKind, type GraphDiffEvent, newId, SyncoxideError } from '@syncoxide/core';
import { int, num, type Tx, writesOf } from '../db.js';
import type { Cause, NodePatch, ProviderVersion, StoredNode } from '../model.js';
import { buildEvent, outboxRow } from '../outbox/events.js';
import * as Q from './mutation.cypher.js';
import { nodeFromProps, nodeToProps, versionToProps } from './node-props.js';

export interface NodeUpdate {
  /** The node as read; its revision is the one the write expects to find. */
  before: StoredNode;
  patch: NodePatch;
  kind: DiffKind;
  previousPath: string | null;
  /** 'new': the content changed, a new provider version; 'refresh': hashes/ids learned. */
  version: 'new' | 'refresh' | null;
}

/** Enough of a node to delete it: the revision is the one the delete expects to find. */
export type NodeRef = Pick<StoredNode, 'id' | 'path' | 'revision'>;

export interface Mutations {
  /** New nodes, parents before children. */
  creates: StoredNode[];
  updates: NodeUpdate[];
  /** Nodes to delete, as read (revision checked). */
  deletes: NodeRef[];
}

export interface CommitContext {
  ownerId: string;
  /** Outbox lane ('' the main one). */
  lane: string;
  now: number;
  cause: Cause;
}

export interface CommitResult {
  events: GraphDiffEvent[];
  writes: number;
}

export function emptyMutations(): Mutations {
  return { creates: [], updates: [], deletes: [] };
}

export function isEmpty(m: Mutations): boolean {
  return m.creates.length === 0 && m.updates.length === 0 && m.deletes.length === 0;
}

/** A node changed between our read and our write: the caller re-reads and re-plans. */
export function concurrentChange(): SyncoxideError {
  return new SyncoxideError('CONFLICT', 'a node changed concurrently', { retriable: true });
}

function versionOf(node: StoredNode, now: number): ProviderVersion {
  return {
    id: newId(),
    nodeId: node.id,
    size: node.size,
    mtime: node.mtime,
    md5: node.md5,
    sha1: node.sha1,
    etag: node.etag,
    providerId: node.providerId,
    firstSeen: now,
    lastSeen: null,
    current: true,
  };
}

/** An event to write once every statement ran; its sharedWith comes from `sharedWith` or `anchor`. */
interface Pending {
  kind: DiffKind;
  node: StoredNode;
  previousPath: string | null;
  ts: number;
  /** Node whose user shares (own and ancestors') the state lists: the node, or a new node's parent. */
  anchor: string | null;
  sharedWith?: string[];
}

/** Grantees per anchor, read inside the transaction; skipped when the owner shares nothing. */
async function grantees(tx: Tx, ownerId: string, anchors: Iterable<string>): Promise<Map<string, string[]>> {
  const ids = [...new Set(anchors)];
  const out = new Map<string, string[]>();
  if (ids.length === 0 || (await tx.run(Q.HAS_USER_SHARES, { ownerId })).records.length === 0) return out;
  const result = await tx.run(Q.SHARED_WITH, { ids });
  for (const r of result.records) out.set(r.get('id') as string, r.get('grantees') as string[]);
  return out;
}

async function applyDeletes(
  tx: Tx,
  deletes: NodeRef[],
  ctx: CommitContext,
  pending: Pending[],
): Promise<number> {
  const rows = deletes.map((n) => ({ id: n.id, revision: int(n.revision) }));
  const locked = await tx.run(Q.LOCK_FOR_DELETE, { rows, ownerId: ctx.ownerId, now: int(ctx.now) });
  if (locked.records.length !== rows.length) throw concurrentChange();
  let writes = writesOf(locked);
  const gone = locked.records.map((r) => ({ node: nodeFromProps(r.get('props')), ts: num(r.get('ts'))! }));
  // The shares go with the nodes: read the grantees first.
  const shared = await grantees(
    tx,
    ctx.ownerId,
    gone.map((g) => g.node.id),
  );
  for (const { node, ts } of gone) {
    const last = { ...node, revision: node.revision + 1 };
    pending.push({
      kind: 'deleted',
      node: last,
      previousPath: null,
      ts,
      anchor: null,
      sharedWith: shared.get(node.id) ?? [],
    });
  }
  writes += writesOf(await tx.run(Q.DELETE_NODES, { ids: rows.map((r) => r.id) }));
  const logicalIds = [...new Set(gone.flatMap((g) => (g.node.logicalId ? [g.node.logicalId] : [])))];
  if (logicalIds.length > 0) writes += writesOf(await tx.run(Q.DROP_EMPTY_LOGICAL, { ids: logicalIds }));
  return writes;
}

async function applyUpdates(
  tx: Tx,
  updates: NodeUpdate[],
  ctx: CommitContext,
  pending: Pending[],
): Promise<number> {
  const now = int(ctx.now);
  const rows = updates.map((u) => ({
    id: u.before.id,
    revision: int(u.before.revision),
    set: nodeToProps(u.patch),
  }));
  const updated = await tx.run(Q.UPDATE_NODES, { rows, ownerId: ctx.ownerId, now });
  if (updated.records.length !== rows.length) throw concurrentChange();
  let writes = writesOf(updated);
  const tsById = new Map(updated.records.map((r) => [r.get('id') as string, num(r.get('ts'))!]));
  for (const u of updates) {
    const ts = tsById.get(u.before.id)!;
    const after: StoredNode = { ...u.before, ...u.patch, revision: u.before.revision + 1, updatedAt: ts };
    pending.push({ kind: u.kind, node: after, previousPath: u.previousPath, ts, anchor: after.id });
  }
  const moves = updates.filter((u) => u.patch.parentId !== undefined);
  if (moves.length > 0) {
    const links = moves.map((u) => ({ id: u.before.id, parentId: u.patch.parentId }));
    writes += writesOf(await tx.run(Q.LINK_PARENTS, { rows: links }));
  }

  const fresh = updates.filter((u) => u.version === 'new');
  if (fresh.length > 0) {
    const vrows = fresh.map((u) => {
      const after = { ...u.before, ...u.patch } as StoredNode;
      return {
        nodeId: after.id,
        version: versionToProps(versionOf(after, ctx.now), after.ownerId, after.remoteId),
      };
    });
    writes += writesOf(await tx.run(Q.NEW_VERSIONS, { rows: vrows, now }));
  }
  const refresh = updates.filter((u) => u.version === 'refresh');
  if (refresh.length > 0) {
    const vrows = refresh.map((u) => {
      const after = { ...u.before, ...u.patch };
      return {
        nodeId: after.id,
        set: { md5: after.md5, sha1: after.sha1, etag: after.etag, providerId: after.providerId },
      };
    });
    writes += writesOf(await tx.run(Q.REFRESH_VERSIONS, { rows: vrows }));
  }
  return writes;
}

export async function commitMutations(tx: Tx, m: Mutations, ctx: CommitContext): Promise<CommitResult> {
  const ids = new Set<string>();
  for (const n of [...m.creates, ...m.deletes, ...m.updates.map((u) => u.before)]) {
    if (ids.has(n.id))
      throw new SyncoxideError('INTERNAL', 'one node changed twice in one commit', { path: n.path });
    ids.add(n.id);
  }
  let writes = 0;
  // Event states are built from what the statements write (the guards made sure each `before`
  // is the committed state), so nothing is read back.
  const pending: Pending[] = [];
  if (m.deletes.length > 0) writes += await applyDeletes(tx, m.deletes, ctx, pending);
  if (m.creates.length > 0) {
    const rows = m.creates.map((n) => ({
      props: nodeToProps(n),
      version: n.kind === 'file' ? versionToProps(versionOf(n, ctx.now), n.ownerId, n.remoteId) : null,
    }));
    writes += writesOf(await tx.run(Q.CREATE_NODES, { rows, now: int(ctx.now) }));
    for (const n of m.creates)
      pending.push({ kind: 'created', node: n, previousPath: null, ts: ctx.now, anchor: n.parentId });
  }
  if (m.updates.length > 0) writes += await applyUpdates(tx, m.updates, ctx, pending);
  if (pending.length === 0) return { events: [], writes };

  const shared = await grantees(
    tx,
    ctx.ownerId,
    pending.flatMap((p) => (p.anchor ? [p.anchor] : [])),
  );
  const events = pending.map((p) =>
    buildEvent({
      kind: p.kind,
      node: p.node,
      sharedWith: p.sharedWith ?? (p.anchor ? shared.get(p.anchor) : undefined) ?? [],
      previousPath: p.previousPath,
      cause: ctx.cause,
      at: ctx.now,
    }),
  );
  const rows = events.map((e, i) => outboxRow(e, pending[i]!.ts, i, ctx.lane));
  writes += writesOf(await tx.run(Q.WRITE_OUTBOX, { rows }));
  return { events, writes };
}
