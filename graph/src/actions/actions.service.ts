// User actions on files and folders: star, create folder, internal links, shares, copies of
// one logical file, extra metadata. Each changes the graph and writes its events in one
// transaction.
import { newId, SyncoxideError } from '@syncoxide/core';
import { findRemote } from '../accounts/accounts.repository.js';
import { type GraphContext, writeRetrying } from '../context.js';
import type { Tx } from '../db.js';
import type { LinkRecord, ShareRecord, ShareType, StoredNode } from '../model.js';
import { FOLDER_MIME } from '../nodes/mime.js';
import { commitMutations, type NodeUpdate } from '../nodes/mutation.repository.js';
import * as repo from './actions.repository.js';
import { notFound } from './trash.service.js';

const USER = { type: 'user', ref: null } as const;

export interface CreateFolderInput {
  ownerId: string;
  remoteId: string;
  /** Parent folder; omitted: the remote's root. */
  parentId?: string | null;
  name: string;
}

export interface CreateShareInput {
  ownerId: string;
  nodeId: string;
  type: ShareType;
  granteeId?: string | null;
  role?: ShareRecord['role'];
  linkRef?: string | null;
  expiresAt?: number | null;
}

function validName(name: string): string {
  const n = typeof name === 'string' ? name.trim() : '';
  if (n === '' || n === '.' || n === '..' || /[/\\\0]/.test(n) || n.length > 255) {
    throw new SyncoxideError('INVALID_INPUT', 'not a valid file or folder name', { path: String(name) });
  }
  return n;
}

const touch = (n: StoredNode, patch: NodeUpdate['patch'] = {}): NodeUpdate => ({
  before: n,
  patch,
  kind: 'metadata',
  previousPath: null,
  version: null,
});

export function actionsService(ctx: GraphContext) {
  /** Runs `work` and commits the node updates it returns, with events. */
  async function change<T>(
    ownerId: string,
    work: (tx: Tx) => Promise<{ updates: NodeUpdate[]; value: T }>,
  ): Promise<T> {
    const { value, events } = await writeRetrying(ctx, async (tx) => {
      const { updates, value } = await work(tx);
      if (updates.length === 0) return { value, events: 0 };
      const r = await commitMutations(
        tx,
        { creates: [], updates, deletes: [] },
        { ownerId, now: ctx.clock(), cause: USER, lane: ctx.lane },
      );
      return { value, events: r.events.length };
    });
    if (events > 0) ctx.onEvents(events);
    return value;
  }

  async function mustFind(tx: Tx, ownerId: string, id: string): Promise<StoredNode> {
    const node = await repo.findNode(tx, ownerId, id);
    if (!node) throw notFound(id);
    return node;
  }

  return {
    setStarred(ownerId: string, nodeId: string, starred: boolean): Promise<void> {
      return change(ownerId, async (tx) => {
        const node = await mustFind(tx, ownerId, nodeId);
        return { updates: node.starred === starred ? [] : [touch(node, { starred })], value: undefined };
      });
    },

    async createFolder(input: CreateFolderInput): Promise<StoredNode> {
      const name = validName(input.name);
      const { node, events } = await writeRetrying(ctx, async (tx) => {
        if (!(await findRemote(tx, input.ownerId, input.remoteId)))
          throw new SyncoxideError('NOT_FOUND', 'no such remote', { path: input.remoteId });
        let parentPath = '';
        if (input.parentId && input.parentId !== input.remoteId) {
          const parent = await mustFind(tx, input.ownerId, input.parentId);
          if (parent.kind !== 'folder' || parent.remoteId !== input.remoteId || parent.trashed) {
            throw new SyncoxideError('INVALID_INPUT', 'the parent is not a folder of this remote', {
              path: parent.path,
            });
          }
          parentPath = parent.path;
        }
        const path = parentPath ? `${parentPath}/${name}` : name;
        if ((await repo.findLiveAt(tx, input.ownerId, input.remoteId, path)).length > 0) {
          throw new SyncoxideError('ALREADY_EXISTS', 'something with that name is already there', { path });
        }
        const now = ctx.clock();
        const node: StoredNode = {
          id: newId(),
          ownerId: input.ownerId,
          remoteId: input.remoteId,
          parentId: input.parentId || input.remoteId,
          path,
          name,
          kind: 'folder',
          size: 0,
          mtime: now,
          md5: null,
          sha1: null,
          mime: FOLDER_MIME,
          providerId: null,
          etag: null,
          revision: 1,
          createdAt: now,
          updatedAt: now,
          starred: false,
          trashed: false,
          trashedAt: null,
          trashRootId: null,
          trashedPath: null,
          logicalId: null,
          extra: {},
        };
        const r = await commitMutations(
          tx,
          { creates: [node], updates: [], deletes: [] },
          { ownerId: input.ownerId, now, cause: USER, lane: ctx.lane },
        );
        return { node, events: r.events.length };
      });
      ctx.onEvents(events);
      return node;
    },

    linkFiles(
      ownerId: string,
      fromId: string,
      toId: string,
      note: string | null = null,
    ): Promise<LinkRecord> {
      return change(ownerId, async (tx) => {
        const [a, b] = [await mustFind(tx, ownerId, fromId), await mustFind(tx, ownerId, toId)];
        if (a.id === b.id)
          throw new SyncoxideError('INVALID_INPUT', 'a file cannot link to itself', { path: a.path });
        const link = await repo.createLink(tx, {
          id: newId(),
          ownerId,
          fromId,
          toId,
          note,
          createdAt: ctx.clock(),
        });
        return { updates: [touch(a), touch(b)], value: link };
      });
    },

    createShare(input: CreateShareInput): Promise<ShareRecord> {
      const { ownerId } = input;
      if (input.type === 'user' && !input.granteeId)
        throw new SyncoxideError('INVALID_INPUT', 'a user share needs granteeId');
      if (input.type === 'user' && input.granteeId === ownerId)
        throw new SyncoxideError('INVALID_INPUT', 'cannot share with yourself');
      return change(ownerId, async (tx) => {
        const node = await mustFind(tx, ownerId, input.nodeId);
        const share = await repo.createShare(tx, {
          id: newId(),
          ownerId,
          nodeId: node.id,
          type: input.type,
          granteeId: input.granteeId ?? null,
          role: input.role ?? 'viewer',
          linkRef: input.linkRef ?? null,
          expiresAt: input.expiresAt ?? null,
          createdAt: ctx.clock(),
        });
        // A user share changes sharedWith of the whole subtree; other shares only the node's.
        const nodes = input.type === 'user' ? await repo.findSubtreeOf(tx, node) : [node];
        return { updates: nodes.map((n) => touch(n)), value: share };
      });
    },

    deleteShare(ownerId: string, shareId: string): Promise<void> {
      return change(ownerId, async (tx) => {
        const share = await repo.deleteShare(tx, ownerId, shareId);
        if (!share) throw new SyncoxideError('NOT_FOUND', 'no such share', { path: shareId });
        const node = await repo.findNode(tx, ownerId, share.nodeId);
        const nodes = !node ? [] : share.type === 'user' ? await repo.findSubtreeOf(tx, node) : [node];
        return { updates: nodes.map((n) => touch(n)), value: undefined };
      });
    },

    /** Records that these nodes (on different remotes) are copies of one logical file. */
    linkCopies(ownerId: string, nodeIds: string[]): Promise<string> {
      return change(ownerId, async (tx) => {
        const nodes = await repo.findNodes(tx, ownerId, [...new Set(nodeIds)]);
        if (nodes.length !== new Set(nodeIds).size || nodes.some((n) => n.kind !== 'file')) {
          throw new SyncoxideError('NOT_FOUND', 'copies must be existing files', { path: nodeIds.join(',') });
        }
        const logicalId = await repo.joinLogicalFile(
          tx,
          ownerId,
          nodes.map((n) => n.id),
          newId(),
          ctx.clock(),
        );
        const updates = nodes.filter((n) => n.logicalId !== logicalId).map((n) => touch(n, { logicalId }));
        return { updates, value: logicalId };
      });
    },

    /** Merges extra metadata owned by another worker (photos: EXIF...) into a node. */
    setExtra(ownerId: string, nodeId: string, extra: Record<string, unknown>): Promise<void> {
      return change(ownerId, async (tx) => {
        const node = await mustFind(tx, ownerId, nodeId);
        const merged = { ...node.extra, ...extra };
        const same = JSON.stringify(merged) === JSON.stringify(node.extra);
        return { updates: same ? [] : [touch(node, { extra: merged })], value: undefined };
      });
    },
  };
}

export type ActionsService = ReturnType<typeof actionsService>;
