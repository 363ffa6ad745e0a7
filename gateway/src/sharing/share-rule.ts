// The sync rule of an accepted share: the sharer's copy is path1, the recipient's path2.
// Read-write shares are two-way; read-only shares are one-way from the sharer, so nothing the
// recipient changes flows back. A shared file is its parent folder filtered down to its name.
import { parseRule, type SyncRule } from '@syncoxide/sync';
import type { UserShareRow } from './shares.repository.js';

/** A glob that matches exactly this name (every character that is not plain is escaped). */
export function literalGlob(name: string): string {
  return name.replace(/[^A-Za-z0-9 _-]/g, (c) => `\\${c}`);
}

export function parentOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut < 0 ? '' : path.slice(0, cut);
}

export function shareRule(share: UserShareRow): SyncRule {
  if (!share.targetRemoteId || share.targetPath === null)
    throw new Error(`share ${share.id} has no place on the recipient's side`);
  const file = share.kind === 'file';
  return parseRule({
    id: share.id,
    ownerId: share.ownerId,
    path1: { remote: share.remoteId, path: file ? parentOf(share.path) : share.path },
    path2: { remote: share.targetRemoteId, path: share.targetPath },
    mode: share.access === 'read-write' ? 'two-way' : 'one-way',
    compare: share.sync.compare,
    keep: share.sync.keep,
    autoMerge: share.sync.autoMerge,
    // Everything but the shared name is excluded at the top, and so everything below other folders.
    exclude: file ? [`!(${literalGlob(share.name)})`] : [],
    scheduleSeconds: null,
    realTime: false,
  });
}

/** Where the recipient's copy of the shared item is on their remote. */
export function recipientPath(share: UserShareRow): string {
  const base = share.targetPath ?? '';
  if (share.kind === 'folder') return base;
  return base === '' ? share.name : `${base}/${share.name}`;
}
