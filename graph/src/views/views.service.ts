// The views of the file tree: My Drive, Computers, Shared (by me / with me), Recents, Starred,
// Trash, folder listings, file details, and the stream of every node's state for reindexing.
// All cursor-paginated with a stable order; ids the caller may not read behave as missing.
import { type NodeState, SyncoxideError } from '@syncoxide/core';
import type { GraphContext } from '../context.js';
import { readTx } from '../db.js';
import type { StoredNode } from '../model.js';
import { stateOf } from '../nodes/node-props.js';
import {
  checkSort,
  decodeCursor,
  encodeCursor,
  type Page,
  type PageRequest,
  pageSize,
  type Sort,
} from './cursor.js';
import * as details from './details.repository.js';
import { pageNodes } from './page.repository.js';
import { type Computer, pageDevices, pageNodeStates } from './states.repository.js';
import { MATCH } from './views.repository.js';

export interface FileDetails {
  node: StoredNode;
  /** Remote first, then each folder down to the parent. */
  ancestors: details.Crumb[];
  versions: Awaited<ReturnType<typeof details.findVersions>>;
  copies: details.Copy[];
  shares: details.ShareOnNode[];
  links: Awaited<ReturnType<typeof details.findLinks>>;
}

export interface NodeStateRecord {
  nodeId: string;
  revision: number;
  state: NodeState;
}

const BY_NAME: Sort = { field: 'name', direction: 'asc' };

export function viewsService(ctx: GraphContext) {
  async function page(
    scope: string,
    callerId: string,
    req: PageRequest,
    q: { match: string; params: Record<string, unknown>; foldersFirst: boolean; defaultSort: Sort },
  ): Promise<Page<StoredNode>> {
    const sort = checkSort(req.sort ?? q.defaultSort);
    const limit = pageSize(req.first);
    const after = req.after ? decodeCursor(req.after, scope, callerId, sort) : null;
    const rows = await readTx(ctx.db, (tx) =>
      pageNodes(tx, { match: q.match, params: q.params, sort, foldersFirst: q.foldersFirst, after, limit }),
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const nextCursor = rows.length > limit && last ? encodeCursor(scope, callerId, sort, last.key) : null;
    return { items: items.map((r) => r.node), nextCursor };
  }

  const notFound = (id: string) => new SyncoxideError('NOT_FOUND', 'no such file or folder', { path: id });

  return {
    /** Root of one remote, or the roots of all the owner's remotes together. */
    async myDrive(
      ownerId: string,
      options: PageRequest & { remoteId?: string | null } = {},
    ): Promise<Page<StoredNode>> {
      const remoteId = options.remoteId ?? null;
      if (remoteId) {
        const owned = await readTx(ctx.db, async (tx) => {
          const r = await tx.run('MATCH (r:Remote {id: $remoteId}) WHERE r.ownerId = $ownerId RETURN r.id', {
            ownerId,
            remoteId,
          });
          return r.records.length > 0;
        });
        if (!owned) throw new SyncoxideError('NOT_FOUND', 'no such remote', { path: remoteId });
      }
      return page(`drive:${remoteId ?? '*'}`, ownerId, options, {
        match: remoteId ? MATCH.rootOfRemote : MATCH.rootOfAll,
        params: { ownerId, remoteId },
        foldersFirst: true,
        defaultSort: BY_NAME,
      });
    },

    /** Content of a folder the caller owns, or that is shared with them. */
    async folder(callerId: string, folderId: string, options: PageRequest = {}): Promise<Page<StoredNode>> {
      const folder = await readTx(ctx.db, (tx) => details.findReadable(tx, callerId, folderId, ctx.clock()));
      if (folder?.kind !== 'folder') throw notFound(folderId);
      return page(`folder:${folderId}`, callerId, options, {
        match: MATCH.children,
        params: { folderOwnerId: folder.ownerId, folderId, includeTrashed: folder.trashed },
        foldersFirst: true,
        defaultSort: BY_NAME,
      });
    },

    recents(ownerId: string, options: PageRequest = {}): Promise<Page<StoredNode>> {
      return page('recents', ownerId, options, {
        match: MATCH.recents,
        params: { ownerId },
        foldersFirst: false,
        defaultSort: { field: 'mtime', direction: 'desc' },
      });
    },

    starred(ownerId: string, options: PageRequest = {}): Promise<Page<StoredNode>> {
      return page('starred', ownerId, options, {
        match: MATCH.starred,
        params: { ownerId },
        foldersFirst: true,
        defaultSort: BY_NAME,
      });
    },

    /** What the owner trashed (each trashed folder once, not its content). */
    listTrash(ownerId: string, options: PageRequest = {}): Promise<Page<StoredNode>> {
      return page('trash', ownerId, options, {
        match: MATCH.trash,
        params: { ownerId },
        foldersFirst: false,
        defaultSort: { field: 'trashedAt', direction: 'desc' },
      });
    },

    sharedByMe(ownerId: string, options: PageRequest = {}): Promise<Page<StoredNode>> {
      return page('shared-by', ownerId, options, {
        match: MATCH.sharedByMe,
        params: { ownerId },
        foldersFirst: true,
        defaultSort: BY_NAME,
      });
    },

    sharedWithMe(userId: string, options: PageRequest = {}): Promise<Page<StoredNode>> {
      return page('shared-with', userId, options, {
        match: MATCH.sharedWithMe,
        params: { ownerId: userId, now: ctx.clock() },
        foldersFirst: true,
        defaultSort: BY_NAME,
      });
    },

    /** The owner's computers, each with its remotes, by name. */
    async computers(ownerId: string, options: Omit<PageRequest, 'sort'> = {}): Promise<Page<Computer>> {
      const limit = pageSize(options.first);
      const after = options.after ? decodeCursor(options.after, 'computers', ownerId, BY_NAME) : null;
      const rows = await readTx(ctx.db, (tx) =>
        pageDevices(tx, ownerId, after ? { v: String(after.v), id: after.id } : null, limit),
      );
      const items = rows.slice(0, limit);
      const last = items[items.length - 1]?.device;
      const nextCursor =
        rows.length > limit && last
          ? encodeCursor('computers', ownerId, BY_NAME, { r: 0, v: last.name.toLowerCase(), id: last.id })
          : null;
      return { items, nextCursor };
    },

    async node(callerId: string, nodeId: string): Promise<StoredNode> {
      const node = await readTx(ctx.db, (tx) => details.findReadable(tx, callerId, nodeId, ctx.clock()));
      if (!node) throw notFound(nodeId);
      return node;
    },

    /** Everything about one file or folder. A grantee sees the node and its versions only. */
    async details(callerId: string, nodeId: string): Promise<FileDetails> {
      return readTx(ctx.db, async (tx) => {
        const node = await details.findReadable(tx, callerId, nodeId, ctx.clock());
        if (!node) throw notFound(nodeId);
        const owner = node.ownerId === callerId;
        return {
          node,
          ancestors: owner ? await details.findAncestors(tx, nodeId) : [],
          versions: await details.findVersions(tx, nodeId),
          copies: owner ? await details.findCopies(tx, node) : [],
          shares: owner ? await details.findShares(tx, nodeId) : [],
          links: owner ? await details.findLinks(tx, nodeId) : { outgoing: [], incoming: [] },
        };
      });
    },

    /** Every current node (of one owner, or all), in batches, for rebuilding derived stores. */
    async *iterateNodeStates(ownerId?: string | null, batchSize = 1000): AsyncGenerator<NodeStateRecord> {
      let afterId = '';
      for (;;) {
        const rows = await readTx(ctx.db, (tx) => pageNodeStates(tx, ownerId ?? null, afterId, batchSize));
        for (const r of rows)
          yield { nodeId: r.node.id, revision: r.node.revision, state: stateOf(r.node, r.sharedWith) };
        if (rows.length < batchSize) return;
        afterId = rows[rows.length - 1]!.node.id;
      }
    },
  };
}

export type ViewsService = ReturnType<typeof viewsService>;
