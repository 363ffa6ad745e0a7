// Converts between stored node properties (Neo4j maps) and StoredNode / NodeState.
import type { NodeState } from '@syncoxide/core';
import { int, intOrNull, num, str } from '../db.js';
import type { NodeKind, NodePatch, ProviderVersion, StoredNode } from '../model.js';

const INT_FIELDS = ['size', 'mtime', 'revision', 'createdAt', 'updatedAt', 'trashedAt'] as const;

export function nodeFromProps(p: Record<string, unknown>): StoredNode {
  return {
    id: String(p.id),
    ownerId: String(p.ownerId),
    remoteId: String(p.remoteId),
    parentId: String(p.parentId),
    path: String(p.path),
    name: String(p.name),
    kind: p.kind === 'folder' ? 'folder' : 'file',
    size: num(p.size),
    mtime: num(p.mtime),
    md5: str(p.md5),
    sha1: str(p.sha1),
    mime: str(p.mime),
    providerId: str(p.providerId),
    etag: str(p.etag),
    revision: num(p.revision) ?? 0,
    createdAt: num(p.createdAt) ?? 0,
    updatedAt: num(p.updatedAt) ?? 0,
    starred: p.starred === true,
    trashed: p.trashed === true,
    trashedAt: num(p.trashedAt),
    trashRootId: str(p.trashRootId),
    trashedPath: str(p.trashedPath),
    logicalId: str(p.logicalId),
    extra: typeof p.extraJson === 'string' ? (JSON.parse(p.extraJson) as Record<string, unknown>) : {},
  };
}

/**
 * Properties to SET for a node or a patch. Nulls are sent so that SET n += map removes the
 * property.
 */
export function nodeToProps(node: StoredNode | NodePatch): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (value === undefined) continue;
    if (key === 'extra') out.extraJson = JSON.stringify(value);
    // Flags are stored only when set: indexes then hold the few starred nodes, not every node.
    else if (key === 'starred' || key === 'trashed') out[key] = value === true ? true : null;
    else if ((INT_FIELDS as readonly string[]).includes(key)) out[key] = intOrNull(value as number | null);
    else out[key] = value;
  }
  return out;
}

export function versionToProps(
  v: ProviderVersion,
  ownerId: string,
  remoteId: string,
): Record<string, unknown> {
  return {
    ...v,
    ownerId,
    remoteId,
    size: intOrNull(v.size),
    mtime: intOrNull(v.mtime),
    firstSeen: int(v.firstSeen),
    lastSeen: intOrNull(v.lastSeen),
  };
}

export function versionFromProps(p: Record<string, unknown>): ProviderVersion {
  return {
    id: String(p.id),
    nodeId: String(p.nodeId),
    size: num(p.size),
    mtime: num(p.mtime),
    md5: str(p.md5),
    sha1: str(p.sha1),
    etag: str(p.etag),
    providerId: str(p.providerId),
    firstSeen: num(p.firstSeen) ?? 0,
    lastSeen: num(p.lastSeen),
    current: p.current === true,
  };
}

export function stateOf(node: StoredNode, sharedWith: readonly string[]): NodeState {
  return {
    kind: node.kind as NodeKind,
    ownerId: node.ownerId,
    remoteId: node.remoteId,
    path: node.path,
    name: node.name,
    size: node.size,
    mtime: node.mtime,
    md5: node.md5,
    sha1: node.sha1,
    mime: node.mime,
    providerId: node.providerId,
    logicalId: node.logicalId,
    starred: node.starred,
    trashed: node.trashed,
    sharedWith: [...sharedWith].sort(),
    extra: node.extra,
  };
}
