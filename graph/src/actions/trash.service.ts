// Trash, restore and purge. Trashing marks the node and its subtree (keeping where they are,
// which is where restore puts them back); restore refuses with CONFLICT when a live node took
// the place meanwhile or the parent folder is itself in the trash.
import { isSyncoxideError, SyncoxideError } from '@syncoxide/core';
import { type GraphContext, writeRetrying } from '../context.js';
import { readTx } from '../db.js';
import type { StoredNode } from '../model.js';
import { commitMutations, type NodeUpdate } from '../nodes/mutation.repository.js';
import { findLiveAt, findNode, findSubtreeOf, findTrashRootIds } from './actions.repository.js';

const USER = { type: 'user', ref: null } as const;

export function notFound(id: string): SyncoxideError {
  return new SyncoxideError('NOT_FOUND', 'no such file or folder', { path: id });
}

export function trashService(ctx: GraphContext) {
  const update = (n: StoredNode, patch: NodeUpdate['patch']): NodeUpdate => ({
    before: n,
    patch,
    kind: 'metadata',
    previousPath: null,
    version: null,
  });

  return {
    /** Moves a file or folder (with everything in it) to the trash. Already there: no change. */
    async trash(ownerId: string, nodeId: string): Promise<StoredNode> {
      const events = await writeRetrying(ctx, async (tx) => {
        const node = await findNode(tx, ownerId, nodeId);
        if (!node) throw notFound(nodeId);
        if (node.trashed) return 0;
        const now = ctx.clock();
        // Descendants trashed earlier on their own stay separate trash entries.
        const updates = (await findSubtreeOf(tx, node))
          .filter((n) => !n.trashed)
          .map((n) =>
            update(n, { trashed: true, trashedAt: now, trashRootId: node.id, trashedPath: n.path }),
          );
        const r = await commitMutations(
          tx,
          { creates: [], updates, deletes: [] },
          { ownerId, now, cause: USER, lane: ctx.lane },
        );
        return r.events.length;
      });
      if (events > 0) ctx.onEvents(events);
      return (await this.get(ownerId, nodeId))!;
    },

    async restore(ownerId: string, nodeId: string): Promise<StoredNode> {
      const events = await writeRetrying(ctx, async (tx) => {
        const node = await findNode(tx, ownerId, nodeId);
        if (!node?.trashed) throw notFound(nodeId);
        if (node.trashRootId !== node.id) {
          throw new SyncoxideError('CONFLICT', 'restore the folder it was trashed with', {
            path: node.path,
            details: { reason: 'inside-trashed-folder', trashRootId: node.trashRootId },
          });
        }
        const place = node.trashedPath ?? node.path;
        const taken = (await findLiveAt(tx, ownerId, node.remoteId, place)).filter((n) => n.id !== node.id);
        if (taken.length > 0) {
          throw new SyncoxideError('CONFLICT', 'something else is at the original location now', {
            path: place,
            details: { reason: 'occupied', occupantId: taken[0]!.id },
          });
        }
        const parent = node.parentId === node.remoteId ? null : await findNode(tx, ownerId, node.parentId);
        if (parent?.trashed) {
          throw new SyncoxideError('CONFLICT', 'the original folder is in the trash', {
            path: parent.path,
            details: { reason: 'parent-trashed', parentId: parent.id },
          });
        }
        const now = ctx.clock();
        const updates = (await findSubtreeOf(tx, node))
          .filter((n) => n.trashRootId === node.id)
          .map((n) => update(n, { trashed: false, trashedAt: null, trashRootId: null, trashedPath: null }));
        const r = await commitMutations(
          tx,
          { creates: [], updates, deletes: [] },
          { ownerId, now, cause: USER, lane: ctx.lane },
        );
        return r.events.length;
      });
      if (events > 0) ctx.onEvents(events);
      return (await this.get(ownerId, nodeId))!;
    },

    /** Deletes a trashed file or folder from the graph for good. */
    async purge(ownerId: string, nodeId: string): Promise<number> {
      const events = await writeRetrying(ctx, async (tx) => {
        const node = await findNode(tx, ownerId, nodeId);
        if (!node?.trashed) throw notFound(nodeId);
        const deletes = await findSubtreeOf(tx, node);
        const r = await commitMutations(
          tx,
          { creates: [], updates: [], deletes },
          { ownerId, now: ctx.clock(), cause: USER, lane: ctx.lane },
        );
        return r.events.length;
      });
      if (events > 0) ctx.onEvents(events);
      return events;
    },

    /** Purges every trash entry of the owner; returns how many nodes were deleted. */
    async emptyTrash(ownerId: string): Promise<number> {
      let total = 0;
      for (;;) {
        const roots = await readTx(ctx.db, (tx) => findTrashRootIds(tx, ownerId, 100));
        if (roots.length === 0) return total;
        for (const id of roots) {
          // Purged meanwhile by someone else: fine; any other failure stops here (no endless loop).
          total += await this.purge(ownerId, id).catch((err: unknown) => {
            if (isSyncoxideError(err, 'NOT_FOUND')) return 0;
            throw err;
          });
        }
      }
    },

    get(ownerId: string, nodeId: string): Promise<StoredNode | null> {
      return readTx(ctx.db, (tx) => findNode(tx, ownerId, nodeId));
    },
  };
}
