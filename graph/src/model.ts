// Plain shapes services pass around. Property names match the Neo4j properties; the Cypher
// that reads and writes them stays in *.repository.ts files.
import type { GraphDiffEvent } from '@syncoxide/core';

export type NodeKind = 'file' | 'folder';
export type Cause = GraphDiffEvent['cause'];

/** A file or folder node as stored. */
export interface StoredNode {
  id: string;
  ownerId: string;
  remoteId: string;
  /** Parent folder's node id, or the remote's id for nodes at the remote's root. */
  parentId: string;
  path: string;
  name: string;
  kind: NodeKind;
  size: number | null;
  mtime: number | null;
  md5: string | null;
  sha1: string | null;
  mime: string | null;
  providerId: string | null;
  etag: string | null;
  revision: number;
  createdAt: number;
  updatedAt: number;
  starred: boolean;
  trashed: boolean;
  trashedAt: number | null;
  /** The node the user trashed (itself or an ancestor); null when not trashed. */
  trashRootId: string | null;
  /** Where the node was when trashed: restore puts it back there. */
  trashedPath: string | null;
  logicalId: string | null;
  extra: Record<string, unknown>;
}

/** Fields a change may set on an existing node. */
export type NodePatch = Partial<Omit<StoredNode, 'id' | 'ownerId' | 'remoteId' | 'revision' | 'createdAt'>>;

/** One content state of a copy on a provider. */
export interface ProviderVersion {
  id: string;
  nodeId: string;
  size: number | null;
  mtime: number | null;
  md5: string | null;
  sha1: string | null;
  etag: string | null;
  providerId: string | null;
  firstSeen: number;
  /** When this state stopped being current; null while it is the current one. */
  lastSeen: number | null;
  current: boolean;
}

export interface RemoteCapabilities {
  hashes: Array<'md5' | 'sha1'>;
  modtime: boolean;
  /** Provider ids survive renames and identify objects (Drive, OneDrive): identity follows them. */
  stableIds: boolean;
}

export interface RemoteRecord {
  id: string;
  ownerId: string;
  type: string;
  name: string;
  root: string;
  capabilities: RemoteCapabilities;
  deviceId: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface UserRecord {
  id: string;
  email: string | null;
  name: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface DeviceRecord {
  id: string;
  ownerId: string;
  name: string;
  hostname: string | null;
  platform: string | null;
  createdAt: number;
  updatedAt: number;
}

export type ShareType = 'user' | 'link' | 'request';

export interface ShareRecord {
  id: string;
  ownerId: string;
  nodeId: string;
  type: ShareType;
  /** User the node is shared with (type 'user'). */
  granteeId: string | null;
  role: 'viewer' | 'commenter' | 'editor';
  /** Reference of the link secret kept in PostgreSQL (type 'link' / 'request'). */
  linkRef: string | null;
  expiresAt: number | null;
  createdAt: number;
}

export interface LinkRecord {
  id: string;
  ownerId: string;
  fromId: string;
  toId: string;
  note: string | null;
  createdAt: number;
}
