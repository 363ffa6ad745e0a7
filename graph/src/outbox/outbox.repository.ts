// Reads and removes outbox entries. Order is (ts, seq): per node strictly increasing ts, so
// one node's events come out in revision order (DESIGN-NOTES §2).
import { int, num, type Tx } from '../db.js';

export interface OutboxEntry {
  id: string;
  /** Neo4j element id: direct access for the delete, which also checks `id`. */
  elementId: string;
  nodeId: string;
  revision: number;
  kind: string;
  ts: number;
  payload: string;
}

export async function readOldest(
  tx: Tx,
  lane: string,
  limit: number,
  ownerIds: string[] | null,
): Promise<OutboxEntry[]> {
  const result = await tx.run(
    `MATCH (o:Outbox) WHERE o.lane = $lane AND o.ts IS NOT NULL AND ($ownerIds IS NULL OR o.ownerId IN $ownerIds)
     RETURN o.id AS id, elementId(o) AS elementId, o.nodeId AS nodeId, o.revision AS revision, o.kind AS kind, o.ts AS ts, o.payload AS payload
     ORDER BY o.ts, o.seq
     LIMIT $limit`,
    { lane, limit: int(limit), ownerIds },
  );
  return result.records.map((r) => ({
    id: r.get('id') as string,
    elementId: r.get('elementId') as string,
    nodeId: r.get('nodeId') as string,
    revision: num(r.get('revision')) ?? 0,
    kind: r.get('kind') as string,
    ts: num(r.get('ts')) ?? 0,
    payload: r.get('payload') as string,
  }));
}

/**
 * Deletes exactly these entries; returns how many were still there. An element id can be
 * reused once its node is gone, so the event id is checked too.
 */
export async function deleteEntries(
  tx: Tx,
  entries: Array<Pick<OutboxEntry, 'id' | 'elementId'>>,
): Promise<number> {
  const result = await tx.run(
    `UNWIND $rows AS row
     MATCH (o:Outbox) WHERE elementId(o) = row.elementId AND o.id = row.id
     DELETE o
     RETURN count(*) AS n`,
    { rows: entries.map((e) => ({ id: e.id, elementId: e.elementId })) },
  );
  return num(result.records[0]?.get('n')) ?? 0;
}

/** Entries waiting, all or one owner's (tests and health checks). */
export async function countEntries(tx: Tx, ownerId?: string): Promise<number> {
  const result = ownerId
    ? await tx.run('MATCH (o:Outbox {ownerId: $ownerId}) RETURN count(o) AS n', { ownerId })
    : await tx.run('MATCH (o:Outbox) RETURN count(o) AS n');
  return num(result.records[0]?.get('n')) ?? 0;
}
