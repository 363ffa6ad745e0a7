// The graph diff event: what the graph's outbox publishes to Kafka for every change of a
// file or folder node. Versioned; consumers reject versions they do not know.
//
// Each event carries the node's full state after the change and the revision that change
// produced (DESIGN-NOTES §1), so consumers need no global order: they apply a state only
// if its revision is newer than what they hold, and dedupe by (nodeId, revision).
import { z } from 'zod';

export const GRAPH_DIFF_SCHEMA = 'syncoxide.graph-diff' as const;
export const GRAPH_DIFF_VERSION = 1 as const;

export const DiffKind = z.enum([
  'created',
  'modified', // content changed (size, mtime or hash)
  'deleted', // gone from the provider (or purged)
  'moved', // path changed (rename or move), same identity
  'metadata', // star, trash, restore, share, photo metadata...: no content change
]);
export type DiffKind = z.infer<typeof DiffKind>;

/** State of a file or folder node after a change; null fields are unknown or not applicable. */
export const NodeState = z.object({
  kind: z.enum(['file', 'folder']),
  ownerId: z.string(),
  remoteId: z.string(),
  /** Path relative to the remote's root, '/'-separated, no leading slash. */
  path: z.string(),
  name: z.string(),
  size: z.number().int().nonnegative().nullable(),
  /** Modification time, epoch milliseconds. */
  mtime: z.number().int().nullable(),
  md5: z.string().nullable(),
  sha1: z.string().nullable(),
  mime: z.string().nullable(),
  /** The provider's own id of the object, when it has one. */
  providerId: z.string().nullable(),
  /** Logical file this copy belongs to (copies kept in sync across remotes share it). */
  logicalId: z.string().nullable(),
  starred: z.boolean(),
  trashed: z.boolean(),
  /** User ids this node is shared with (directly or through an ancestor folder). */
  sharedWith: z.array(z.string()),
  /** Extra fields owned by other workers (photo metadata...), merged as given. */
  extra: z.record(z.string(), z.unknown()).default({}),
});
export type NodeState = z.infer<typeof NodeState>;

export const GraphDiffEvent = z.object({
  schema: z.literal(GRAPH_DIFF_SCHEMA),
  version: z.literal(GRAPH_DIFF_VERSION),
  /** Unique id of this event (uuid). */
  id: z.string(),
  kind: DiffKind,
  /** Stable id of the file/folder node; the Kafka message key. */
  nodeId: z.string(),
  /** Revision of the node this change produced; strictly increasing per node. */
  revision: z.number().int().positive(),
  /** Path before a move. */
  previousPath: z.string().nullable().default(null),
  /** State after the change; for `deleted`, the last known state. */
  state: NodeState,
  /** When the graph committed the change (ISO 8601). */
  at: z.string(),
  /** What caused it: a scan, a sync operation, a user action. */
  cause: z.object({ type: z.enum(['scan', 'watch', 'sync', 'user', 'system']), ref: z.string().nullable() }),
});
export type GraphDiffEvent = z.infer<typeof GraphDiffEvent>;

/** Parses and validates an event from its JSON form; throws a zod error naming the bad fields. */
export function parseGraphDiffEvent(json: string | Uint8Array): GraphDiffEvent {
  const text = typeof json === 'string' ? json : Buffer.from(json).toString('utf8');
  return GraphDiffEvent.parse(JSON.parse(text));
}

/** Name of the Kafka topic that carries graph diffs. */
export function graphDiffTopic(topicPrefix: string): string {
  return `${topicPrefix}graph-diffs.v${GRAPH_DIFF_VERSION}`;
}
