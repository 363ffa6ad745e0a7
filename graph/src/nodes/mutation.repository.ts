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

export async function commitMutations(tx: Tx, m: Mutations, ctx: CommitContext): Promise<CommitResult> {
  const now = int(ctx.now);
  const ids = new Set<string>();
  for (const n of [...m.creates, ...m.deletes, ...m.updates.map((u) => u.before)]) {
    if (ids.has(n.id))
      throw new SyncoxideError('INTERNAL', 'one node changed twice in one commit', { path: n.path });
    ids.add(n.id);
  }
  let writes = 0;
  const events: Array<{ event: GraphDiffEvent; ts: number }> = [];

  if (m.deletes.length > 0) {
    const rows = m.deletes.map((n) => ({ id: n.id, revision: int(n.revision) }));
    const locked = await tx.run(Q.LOCK_FOR_DELETE, { rows, ownerId: ctx.ownerId, now });
    if (locked.records.length !== rows.length) throw concurrentChange();
    writes += writesOf(locked);
    const logicalIds = new Set<string>();
    for (const rec of locked.records) {
      const node = nodeFromProps(rec.get('props'));
      if (node.logicalId) logicalIds.add(node.logicalId);
      const last = { ...node, revision: node.revision + 1 };
      const event = buildEvent({
        kind: 'deleted',
        node: last,
        sharedWith: rec.get('sharedWith'),
        previousPath: null,
        cause: ctx.cause,
        at: ctx.now,
      });
      events.push({ event, ts: num(rec.get('ts'))! });
    }
    writes += writesOf(await tx.run(Q.DELETE_NODES, { ids: rows.map((r) => r.id) }));
    if (logicalIds.size > 0) writes += writesOf(await tx.run(Q.DROP_EMPTY_LOGICAL, { ids: [...logicalIds] }));
  }

  const kinds = new Map<string, { kind: DiffKind; previousPath: string | null; ts: number }>();
  if (m.creates.length > 0) {
    const rows = m.creates.map((n) => ({
      props: nodeToProps(n),
      version: n.kind === 'file' ? versionToProps(versionOf(n, ctx.now), n.ownerId, n.remoteId) : null,
    }));
    writes += writesOf(await tx.run(Q.CREATE_NODES, { rows, now }));
    const links = m.creates.map((n) => ({ id: n.id, parentId: n.parentId }));
    writes += writesOf(await tx.run(Q.LINK_PARENTS, { rows: links }));
    for (const n of m.creates) kinds.set(n.id, { kind: 'created', previousPath: null, ts: ctx.now });
  }

  if (m.updates.length > 0) {
    const rows = m.updates.map((u) => ({
      id: u.before.id,
      revision: int(u.before.revision),
      set: nodeToProps(u.patch),
    }));
    const updated = await tx.run(Q.UPDATE_NODES, { rows, ownerId: ctx.ownerId, now });
    if (updated.records.length !== rows.length) throw concurrentChange();
    writes += writesOf(updated);
    const tsById = new Map(updated.records.map((r) => [r.get('id') as string, num(r.get('ts'))!]));
    for (const u of m.updates) {
      kinds.set(u.before.id, { kind: u.kind, previousPath: u.previousPath, ts: tsById.get(u.before.id)! });
    }
    const moves = m.updates.filter((u) => u.patch.parentId !== undefined);
    if (moves.length > 0) {
      const links = moves.map((u) => ({ id: u.before.id, parentId: u.patch.parentId }));
      writes += writesOf(await tx.run(Q.LINK_PARENTS, { rows: links }));
    }
    const fresh = m.updates.filter((u) => u.version === 'new');
    if (fresh.length > 0) {
      const vrows = fresh.map((u) => {
        const after = { ...u.before, ...u.patch } as StoredNode;
        return {
          nodeId: u.before.id,
          version: versionToProps(versionOf(after, ctx.now), after.ownerId, after.remoteId),
        };
      });
      writes += writesOf(await tx.run(Q.NEW_VERSIONS, { rows: vrows, now }));
    }
    const refresh = m.updates.filter((u) => u.version === 'refresh');
    if (refresh.length > 0) {
      const vrows = refresh.map((u) => {
        const after = { ...u.before, ...u.patch };
        return {
          nodeId: u.before.id,
          set: { md5: after.md5, sha1: after.sha1, etag: after.etag, providerId: after.providerId },
        };
      });
      writes += writesOf(await tx.run(Q.REFRESH_VERSIONS, { rows: vrows }));
    }
  }

  if (kinds.size > 0) {
    // The events carry the state read back from the graph: exactly what this transaction commits.
    const back = await tx.run(Q.READ_BACK, { ids: [...kinds.keys()] });
    for (const rec of back.records) {
      const node = nodeFromProps(rec.get('props'));
      const k = kinds.get(node.id)!;
      const event = buildEvent({
        kind: k.kind,
        node,
        sharedWith: rec.get('sharedWith'),
        previousPath: k.previousPath,
        cause: ctx.cause,
        at: ctx.now,
      });
      events.push({ event, ts: k.ts });
    }
  }

  if (events.length > 0) {
    const rows = events.map((e, i) => outboxRow(e.event, e.ts, i));
    writes += writesOf(await tx.run(Q.WRITE_OUTBOX, { rows }));
  }
  return { events: events.map((e) => e.event), writes };
}
