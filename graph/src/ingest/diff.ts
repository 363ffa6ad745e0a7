// What changed between a stored node and the entry now listed for it.

import type { NodePatch, StoredNode } from '../model.js';
import type { NodeUpdate } from '../nodes/mutation.repository.js';
import type { ListedEntry } from './entry.js';

/** Content differs by size, mtime, a hash or the etag that both sides know. */
export function contentChanged(n: StoredNode, e: ListedEntry): boolean {
  if (e.kind === 'folder') return false;
  if (n.size !== e.size || n.mtime !== e.mtime) return true;
  if (e.md5 && n.md5 && e.md5 !== n.md5) return true;
  if (e.sha1 && n.sha1 && e.sha1 !== n.sha1) return true;
  return Boolean(e.etag && n.etag && e.etag !== n.etag);
}

/** The update that brings `n` to the listed state under `parentId`, or null when nothing changed. */
export function diffNode(n: StoredNode, e: ListedEntry, parentId: string): NodeUpdate | null {
  const patch: NodePatch = {};
  if (n.path !== e.path) {
    patch.path = e.path;
    patch.name = e.name;
  }
  if (n.parentId !== parentId) patch.parentId = parentId;
  const content = contentChanged(n, e);
  if (content) {
    patch.size = e.size;
    patch.mtime = e.mtime;
    // Hashes the listing does not give are unknown for the new content, not the old ones.
    patch.md5 = e.md5;
    patch.sha1 = e.sha1;
    patch.etag = e.etag;
  } else {
    if (e.kind === 'folder' && n.mtime !== e.mtime) patch.mtime = e.mtime;
    if (e.md5 && e.md5 !== n.md5) patch.md5 = e.md5;
    if (e.sha1 && e.sha1 !== n.sha1) patch.sha1 = e.sha1;
    if (e.etag && e.etag !== n.etag) patch.etag = e.etag;
    if (e.kind === 'folder' && n.size !== 0) patch.size = 0;
  }
  if (e.providerId !== null && e.providerId !== n.providerId) patch.providerId = e.providerId;
  if (e.mime !== n.mime) patch.mime = e.mime;
  if (Object.keys(patch).length === 0) return null;
  const moved = patch.path !== undefined;
  const refresh =
    e.kind === 'file' && !content && (patch.md5 || patch.sha1 || patch.etag || patch.providerId);
  return {
    before: n,
    patch,
    // A move that also changed content is one event: kind 'moved', the state carries the content.
    kind: moved ? 'moved' : content ? 'modified' : 'metadata',
    previousPath: moved ? n.path : null,
    version: content ? 'new' : refresh ? 'refresh' : null,
  };
}
