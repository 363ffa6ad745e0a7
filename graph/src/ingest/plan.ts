// Plans one batch of listed entries against the stored nodes it may touch: which entry is
// which node (by path, provider id, or a hash move decided earlier), what to create, update,
// and which folders to keep. Pure: the service fetches, plans, and commits.
import type { StoredNode } from '../model.js';
import type { NodeUpdate } from '../nodes/mutation.repository.js';
import { depthOf, isBelow, nameOf, parentOf, rebase } from '../nodes/paths.js';
import { diffNode } from './diff.js';
import { hasHash, type ListedEntry } from './entry.js';

export interface StoredLookup {
  atPath(path: string): readonly StoredNode[];
  withProviderId(providerId: string): readonly StoredNode[];
}

export interface PlanContext {
  ownerId: string;
  remoteId: string;
  now: number;
  /** Provider ids identify objects (they survive renames, a new id is a new object). */
  idsAuthoritative: boolean;
  /** Matched by an earlier batch of the same listing. */
  isMatched(id: string): boolean;
  newId(): string;
  /** Identity decided outside (hash moves): entry path → node. */
  forced?: ReadonlyMap<string, StoredNode>;
  /** Entry paths to hold back (they may be hash moves, decided once the listing is complete). */
  defer?: ReadonlySet<string>;
  /** Folder moves of this batch, new path → old path: their children are still stored under the old. */
  carried?: ReadonlyMap<string, string>;
}

export interface BatchPlan {
  creates: StoredNode[];
  updates: NodeUpdate[];
  /** Nodes an entry matched. */
  matched: string[];
  /** Folders kept because something under them was listed. */
  kept: string[];
  /** Created files without provider id but with a hash: candidates for hash moves. */
  hashCreates: ListedEntry[];
  folderMoves: Array<{ nodeId: string; from: string; to: string }>;
  deferred: ListedEntry[];
  unchanged: number;
  duplicates: number;
}

function byDepth(a: ListedEntry, b: ListedEntry): number {
  return depthOf(a.path) - depthOf(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

export function planBatch(
  entries: readonly ListedEntry[],
  stored: StoredLookup,
  ctx: PlanContext,
): BatchPlan {
  const plan = emptyPlan();
  const matchedHere = new Set<string>();
  const keptHere = new Set<string>();
  const folderAt = new Map<string, string>();
  const taken = (n: StoredNode) => matchedHere.has(n.id) || ctx.isMatched(n.id);

  const storedAt = (path: string): readonly StoredNode[] => {
    const found = stored.atPath(path);
    if (found.length > 0 || !ctx.carried) return found;
    for (const [to, from] of ctx.carried) if (isBelow(path, to)) return stored.atPath(rebase(path, to, from));
    return found;
  };

  const newNode = (e: ListedEntry, parentId: string): StoredNode => ({
    id: ctx.newId(),
    ownerId: ctx.ownerId,
    remoteId: ctx.remoteId,
    parentId,
    path: e.path,
    name: e.name,
    kind: e.kind,
    size: e.size,
    mtime: e.mtime,
    md5: e.md5,
    sha1: e.sha1,
    mime: e.mime,
    providerId: e.providerId,
    etag: e.etag,
    revision: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    starred: false,
    trashed: false,
    trashedAt: null,
    trashRootId: null,
    trashedPath: null,
    logicalId: null,
    extra: {},
  });

  // The parent folder's id, creating implicit folders for providers that list no folders
  // (or list them after their content).
  const ensureFolder = (path: string): string => {
    if (path === '') return ctx.remoteId;
    const known = folderAt.get(path);
    if (known) return known;
    // A folder matched in this batch sits at its old path in the store until commit: skip it.
    const existing = storedAt(path).filter((n) => n.kind === 'folder' && !matchedHere.has(n.id));
    const pick = existing.find((n) => !n.trashed) ?? existing[0];
    let id: string;
    if (pick) {
      id = pick.id;
      ensureFolder(parentOf(path));
      if (!keptHere.has(id)) {
        keptHere.add(id);
        plan.kept.push(id);
      }
    } else {
      const parentId = ensureFolder(parentOf(path));
      const node = newNode(
        {
          path,
          name: nameOf(path),
          kind: 'folder',
          size: 0,
          mtime: null,
          md5: null,
          sha1: null,
          mime: 'inode/directory',
          providerId: null,
          etag: null,
        },
        parentId,
      );
      plan.creates.push(node);
      id = node.id;
    }
    folderAt.set(path, id);
    return id;
  };

  // With ids that identify objects, every entry whose id is known claims its node first, so
  // a node renamed away is not taken by whatever now sits at its old path.
  const reserved = new Map<string, StoredNode>();
  const reservedIds = new Set<string>();
  if (ctx.idsAuthoritative) {
    for (const e of entries) {
      if (!e.providerId || ctx.forced?.has(e.path) || ctx.defer?.has(e.path)) continue;
      const node = stored
        .withProviderId(e.providerId)
        .find((n) => n.kind === e.kind && !taken(n) && !reservedIds.has(n.id));
      if (node) {
        reserved.set(e.path, node);
        reservedIds.add(node.id);
      }
    }
  }

  const identify = (e: ListedEntry): StoredNode | 'duplicate' | null => {
    const forced = ctx.forced?.get(e.path) ?? reserved.get(e.path);
    if (forced) return forced;
    const here = storedAt(e.path).filter((n) => n.kind === e.kind);
    const atPath = here
      .filter((n) => !taken(n) && !reservedIds.has(n.id))
      .sort((a, b) => Number(a.trashed) - Number(b.trashed));
    // Same path, other id: an atomic save (new inode, new object id) is the same file to a user.
    const same = atPath.find((n) => n.providerId === e.providerId) ?? atPath[0];
    if (same) return same;
    if (!ctx.idsAuthoritative && e.providerId) {
      const byId = stored.withProviderId(e.providerId).find((n) => n.kind === e.kind && !taken(n));
      if (byId) return byId;
    }
    // Already matched by an earlier batch at this very path: the listing repeated itself.
    if (here.some((n) => ctx.isMatched(n.id) && !matchedHere.has(n.id))) return 'duplicate';
    return null;
  };

  for (const e of [...entries].sort(byDepth)) {
    if (ctx.defer?.has(e.path)) {
      plan.deferred.push(e);
      continue;
    }
    const parentId = ensureFolder(parentOf(e.path));
    const node = identify(e);
    if (node === 'duplicate') {
      plan.duplicates++;
      continue;
    }
    if (node === null) {
      const created = newNode(e, parentId);
      plan.creates.push(created);
      if (e.kind === 'folder') folderAt.set(e.path, created.id);
      if (e.kind === 'file' && e.providerId === null && hasHash(e)) plan.hashCreates.push(e);
      continue;
    }
    matchedHere.add(node.id);
    plan.matched.push(node.id);
    if (e.kind === 'folder') folderAt.set(e.path, node.id);
    const update = diffNode(node, e, parentId);
    if (!update) {
      plan.unchanged++;
      continue;
    }
    plan.updates.push(update);
    if (e.kind === 'folder' && update.previousPath !== null) {
      plan.folderMoves.push({ nodeId: node.id, from: update.previousPath, to: e.path });
    }
  }
  return plan;
}

export function emptyPlan(): BatchPlan {
  return {
    creates: [],
    updates: [],
    matched: [],
    kept: [],
    hashCreates: [],
    folderMoves: [],
    deferred: [],
    unchanged: 0,
    duplicates: 0,
  };
}
