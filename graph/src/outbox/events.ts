// Builds graph-diff events (validated against core's schema before they are stored) and the
// outbox rows that carry them.
import {
  type DiffKind,
  GRAPH_DIFF_SCHEMA,
  GRAPH_DIFF_VERSION,
  GraphDiffEvent,
  type GraphDiffEvent as GraphDiffEventType,
  newId,
} from '@syncoxide/core';
import { int } from '../db.js';
import type { Cause, StoredNode } from '../model.js';
import { stateOf } from '../nodes/node-props.js';

export interface EventInput {
  kind: DiffKind;
  /** The node after the change (for `deleted`: as it was, with the revision the delete produced). */
  node: StoredNode;
  sharedWith: readonly string[];
  previousPath: string | null;
  cause: Cause;
  at: number;
}

export function buildEvent(input: EventInput): GraphDiffEventType {
  // Parsing (not just typing) the event: a bad event must fail the transaction that made it,
  // not a consumer later.
  return GraphDiffEvent.parse({
    schema: GRAPH_DIFF_SCHEMA,
    version: GRAPH_DIFF_VERSION,
    id: newId(),
    kind: input.kind,
    nodeId: input.node.id,
    revision: input.node.revision,
    previousPath: input.previousPath,
    state: stateOf(input.node, input.sharedWith),
    at: new Date(input.at).toISOString(),
    cause: input.cause,
  });
}

/**
 * Outbox rows are ordered by (ts, seq): ts is per node strictly increasing (see the mutation
 * repository), seq orders events of one transaction.
 */
export function outboxRow(
  event: GraphDiffEventType,
  ts: number,
  seq: number,
  lane: string,
): Record<string, unknown> {
  return {
    id: event.id,
    lane,
    ts: int(ts),
    seq: int(seq),
    ownerId: event.state.ownerId,
    nodeId: event.nodeId,
    revision: int(event.revision),
    kind: event.kind,
    payload: JSON.stringify(event),
  };
}
