// Change-feed batches (a file watcher, a polling cursor): a few upserts and deletes, applied
// with the same planning as full listings. Within one batch a delete and an upsert of the
// same content are a move (watchers report renames that way); a deleted folder takes its
// subtree with it.
import { newId, SyncoxideError } from '@syncoxide/core';
import { findRemote } from '../accounts/accounts.repository.js';
import { type GraphContext, writeRetrying } from '../context.js';
import { readTx } from '../db.js';
import type { Cause, StoredNode } from '../model.js';
import type { NodeRef } from '../nodes/mutation.repository.js';
import { normalizePath } from '../nodes/paths.js';
import { type BatchScope, runBatch } from './batch.js';
import { type ListedEntry, type ProviderEntry, sameContent, toListed } from './entry.js';
import { findSubtree, type StoredIndex } from './ingest.repository.js';
import { emptyStats, type IngestStats, tally } from './stats.js';

export interface ProviderChange {
  type: 'upsert' | 'delete';
  path: string;
  /** The entry after the change; null for deletes. */
  entry: ProviderEntry | null;
}

export interface ApplyChangesInput {
  ownerId: string;
  remoteId: string;
  changes: readonly ProviderChange[];
  cause?: Cause;
  batchSize?: number;
}

/** Final state per path: later changes of a path win over earlier ones. */
function finalStates(changes: readonly ProviderChange[]): Map<string, ListedEntry | null> {
  const out = new Map<string, ListedEntry | null>();
  for (const c of changes) {
    if (c.type === 'upsert') {
      if (!c.entry)
        throw new SyncoxideError('INVALID_INPUT', 'an upsert change needs its entry', { path: c.path });
      const e = toListed({ ...c.entry, path: c.path });
      out.delete(e.path);
      out.set(e.path, e);
    } else {
      const path = normalizePath(c.path);
      out.delete(path);
      out.set(path, null);
    }
  }
  return out;
}

export function changesService(ctx: GraphContext) {
  async function applyChanges(input: ApplyChangesInput): Promise<IngestStats> {
    const { ownerId, remoteId } = input;
    const remote = await readTx(ctx.db, (tx) => findRemote(tx, ownerId, remoteId));
    if (!remote) throw new SyncoxideError('NOT_FOUND', 'no such remote', { path: remoteId });
    const stats = emptyStats();
    const states = [...finalStates(input.changes)];
    const size = Math.max(1, input.batchSize ?? 2000);
    for (let i = 0; i < states.length; i += size) {
      const chunk = states.slice(i, i + size);
      const upserts = chunk.flatMap(([, e]) => (e ? [e] : []));
      const deleted = chunk.flatMap(([p, e]) => (e ? [] : [p]));
      stats.entries += chunk.length;
      const out = await writeRetrying(ctx, (tx) => {
        const scope: BatchScope = {
          ownerId,
          remoteId,
          idsAuthoritative: remote.capabilities.stableIds,
          cause: input.cause ?? { type: 'watch', ref: null },
          lane: ctx.lane,
          now: ctx.clock(),
          newId,
          isMatched: () => false,
        };
        return runBatch(tx, scope, upserts, {
          extraPaths: deleted,
          forced: (index) => renamesByContent(index, upserts, deleted),
          deletes: async (tx2, index, _plan, taken) => {
            const roots = [...deleted.flatMap((p) => index.atPath(p)), ...replacedBy(index, upserts)];
            const out: NodeRef[] = [];
            const seen = new Set(taken);
            for (const root of roots) {
              if (seen.has(root.id)) continue;
              const subtree = root.kind === 'folder' ? await findSubtree(tx2, scope, root.path) : [root];
              for (const n of subtree) {
                if (seen.has(n.id)) continue;
                seen.add(n.id);
                out.push(n);
              }
            }
            return out;
          },
        });
      });
      tally(stats, out);
      if (out.events > 0) ctx.onEvents(out.events);
    }
    stats.complete = false;
    return stats;
  }

  return { applyChanges };
}

/** An upserted file without provider id at a new path, with the content of a deleted one, moved. */
function renamesByContent(
  index: StoredIndex,
  upserts: ListedEntry[],
  deleted: string[],
): Map<string, StoredNode> {
  const forced = new Map<string, StoredNode>();
  const gone = deleted.flatMap((p) => index.atPath(p)).filter((n) => n.kind === 'file');
  const used = new Set<string>();
  for (const e of upserts) {
    if (e.kind !== 'file' || e.providerId !== null || index.atPath(e.path).length > 0) continue;
    const from = gone.find((n) => !used.has(n.id) && sameContent(e, n));
    if (from) {
      used.add(from.id);
      forced.set(e.path, from);
    }
  }
  return forced;
}

/** Stored nodes at an upserted path that the upsert cannot be: a file became a folder or back. */
function replacedBy(index: StoredIndex, upserts: ListedEntry[]): StoredNode[] {
  return upserts.flatMap((e) => index.atPath(e.path).filter((n) => n.kind !== e.kind));
}
