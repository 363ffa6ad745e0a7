// Turns a node's state (from a graph diff event or from the graph itself) into the search
// document. Pure: the same (nodeId, revision, state) always gives the same document.
import type { GraphDiffEvent, NodeState } from '@syncoxide/core';
import { categoryOf, extensionOf, type FileCategory } from './category.js';

export interface PhotoFields {
  takenAt?: string | number;
  camera?: string;
  lens?: string;
  width?: number;
  height?: number;
  location?: { lat: number; lon: number };
}

export interface FileDocument {
  nodeId: string;
  kind: 'file' | 'folder';
  ownerId: string;
  remoteId: string;
  name: string;
  path: string;
  /**
   * Every folder above the node as `<remoteId>|<folder path>`: a terms aggregation on it sums
   * sizes per folder recursively (largest folders) without a script over every document.
   */
  folders: string[];
  extension: string | null;
  category: FileCategory | null;
  mime: string | null;
  size: number | null;
  mtime: number | null;
  md5: string | null;
  sha1: string | null;
  providerId: string | null;
  logicalId: string | null;
  sharedWith: string[];
  starred: boolean;
  trashed: boolean;
  deleted: boolean;
  deletedAt: string | null;
  revision: number;
  changedAt: string | null;
  photo?: PhotoFields;
}

/** One write the indexer makes: the document and the external version it carries. */
export interface IndexOp {
  nodeId: string;
  revision: number;
  doc: FileDocument;
}

// Photo metadata arrives in `state.extra.photo` from the photos worker. Each field is checked
// on its own and a bad one dropped: a malformed EXIF date must not cost the file its place in
// search (a mapping rejection would send the whole event to the dead-letter topic).
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 256;
const isDimension = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) > 0 && (v as number) < 2 ** 31;
const isTime = (v: unknown): v is string | number =>
  (typeof v === 'string' && !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}/.test(v)) ||
  (Number.isInteger(v) && (v as number) >= 0 && (v as number) < 8.64e15);
const isLocation = (v: unknown): v is { lat: number; lon: number } => {
  const { lat, lon } = (v ?? {}) as { lat?: unknown; lon?: unknown };
  return typeof lat === 'number' && typeof lon === 'number' && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
};

export function photoFieldsOf(extra: Record<string, unknown>): PhotoFields | undefined {
  const raw = extra.photo;
  if (typeof raw !== 'object' || raw === null) return undefined;
  const p = raw as Record<string, unknown>;
  const out: PhotoFields = {};
  if (isTime(p.takenAt)) out.takenAt = p.takenAt;
  if (isText(p.camera)) out.camera = p.camera;
  if (isText(p.lens)) out.lens = p.lens;
  if (isDimension(p.width)) out.width = p.width;
  if (isDimension(p.height)) out.height = p.height;
  if (isLocation(p.location)) out.location = { lat: p.location.lat, lon: p.location.lon };
  return Object.keys(out).length > 0 ? out : undefined;
}

export interface DocumentContext {
  /** The change is a deletion: the document becomes a tombstone. */
  deleted?: boolean;
  /** When the graph committed the change (ISO 8601). */
  at?: string | null;
}

/** `a/b/c.txt` on remote r → `r|a`, `r|a/b`. */
export function ancestorFolderKeys(remoteId: string, path: string): string[] {
  const keys: string[] = [];
  for (let i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1))
    keys.push(`${remoteId}|${path.slice(0, i)}`);
  return keys;
}

export function toFileDocument(
  nodeId: string,
  revision: number,
  state: NodeState,
  context: DocumentContext = {},
): FileDocument {
  const isFile = state.kind === 'file';
  const extension = isFile ? extensionOf(state.name) : null;
  const deleted = context.deleted ?? false;
  const at = context.at ?? null;
  const doc: FileDocument = {
    nodeId,
    kind: state.kind,
    ownerId: state.ownerId,
    remoteId: state.remoteId,
    name: state.name,
    path: state.path,
    folders: ancestorFolderKeys(state.remoteId, state.path),
    extension,
    category: isFile ? categoryOf(extension, state.mime) : null,
    mime: state.mime,
    size: state.size,
    mtime: state.mtime,
    md5: state.md5,
    sha1: state.sha1,
    providerId: state.providerId,
    logicalId: state.logicalId,
    sharedWith: [...state.sharedWith],
    starred: state.starred,
    trashed: state.trashed,
    deleted,
    // The tombstone purge job ages tombstones by this; the graph's commit time, not ours,
    // so a replay writes the same document.
    deletedAt: deleted ? at : null,
    revision,
    changedAt: at,
  };
  const photo = photoFieldsOf(state.extra);
  if (photo) doc.photo = photo;
  return doc;
}

export function opFromEvent(event: GraphDiffEvent): IndexOp {
  return {
    nodeId: event.nodeId,
    revision: event.revision,
    doc: toFileDocument(event.nodeId, event.revision, event.state, {
      deleted: event.kind === 'deleted',
      at: event.at,
    }),
  };
}

/** Keeps, per node, only the op with the highest revision: the others would be refused anyway. */
export function newestPerNode<T extends { nodeId: string; revision: number }>(ops: Iterable<T>): T[] {
  const newest = new Map<string, T>();
  for (const op of ops) {
    const held = newest.get(op.nodeId);
    if (!held || op.revision > held.revision) newest.set(op.nodeId, op);
  }
  return [...newest.values()];
}
