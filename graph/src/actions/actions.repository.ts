// Reads and relationship writes of user actions; node changes themselves go through the
// mutation repository so they carry revisions and outbox events.
import { int, intOrNull, type Tx } from '../db.js';
import type { LinkRecord, ShareRecord, StoredNode } from '../model.js';
import { nodeFromProps } from '../nodes/node-props.js';
import { linkFromProps, shareFromProps } from '../views/records.js';

export async function findNode(tx: Tx, ownerId: string, id: string): Promise<StoredNode | null> {
  const result = await tx.run('MATCH (n:Node {id: $id}) WHERE n.ownerId = $ownerId RETURN n {.*} AS props', {
    ownerId,
    id,
  });
  const rec = result.records[0];
  return rec ? nodeFromProps(rec.get('props')) : null;
}

export async function findNodes(tx: Tx, ownerId: string, ids: string[]): Promise<StoredNode[]> {
  const result = await tx.run(
    'UNWIND $ids AS id MATCH (n:Node {id: id}) WHERE n.ownerId = $ownerId RETURN n {.*} AS props',
    { ownerId, ids },
  );
  return result.records.map((r) => nodeFromProps(r.get('props')));
}

/** The node and everything below it, parents before children. */
export async function findSubtreeOf(tx: Tx, node: StoredNode): Promise<StoredNode[]> {
  if (node.kind !== 'folder') return [node];
  const result = await tx.run(
    `MATCH (d:Node {ownerId: $ownerId, remoteId: $remoteId})
     WHERE d.path = $path OR d.path STARTS WITH $prefix
     RETURN d {.*} AS props ORDER BY size(d.path)`,
    { ownerId: node.ownerId, remoteId: node.remoteId, path: node.path, prefix: `${node.path}/` },
  );
  return result.records.map((r) => nodeFromProps(r.get('props')));
}

/** Nodes not in the trash at this path. */
export async function findLiveAt(
  tx: Tx,
  ownerId: string,
  remoteId: string,
  path: string,
): Promise<StoredNode[]> {
  const result = await tx.run(
    `MATCH (n:Node {ownerId: $ownerId, remoteId: $remoteId, path: $path})
     WHERE NOT coalesce(n.trashed, false)
     RETURN n {.*} AS props`,
    { ownerId, remoteId, path },
  );
  return result.records.map((r) => nodeFromProps(r.get('props')));
}

export async function createShare(tx: Tx, s: ShareRecord): Promise<ShareRecord> {
  const result = await tx.run(
    `MATCH (n:Node {id: $nodeId}) WHERE n.ownerId = $ownerId
     CREATE (s:Share {id: $id, ownerId: $ownerId, nodeId: $nodeId, type: $type, granteeId: $granteeId, role: $role,
                      linkRef: $linkRef, expiresAt: $expiresAt, createdAt: $createdAt})-[:OF]->(n)
     WITH s
     CALL (s) { MATCH (u:User {id: s.granteeId}) MERGE (u)<-[:WITH]-(s) }
     RETURN s {.*} AS props`,
    { ...s, expiresAt: intOrNull(s.expiresAt), createdAt: int(s.createdAt) },
  );
  return shareFromProps(result.records[0]!.get('props'));
}

export async function deleteShare(tx: Tx, ownerId: string, shareId: string): Promise<ShareRecord | null> {
  const result = await tx.run(
    `MATCH (s:Share {id: $shareId}) WHERE s.ownerId = $ownerId
     WITH s, s {.*} AS props
     DETACH DELETE s
     RETURN props`,
    { ownerId, shareId },
  );
  const rec = result.records[0];
  return rec ? shareFromProps(rec.get('props')) : null;
}

export async function createLink(tx: Tx, l: LinkRecord): Promise<LinkRecord> {
  const result = await tx.run(
    `MATCH (a:Node {id: $fromId}) WHERE a.ownerId = $ownerId
     MATCH (b:Node {id: $toId}) WHERE b.ownerId = $ownerId
     CREATE (a)-[r:LINKS_TO {id: $id, ownerId: $ownerId, note: $note, createdAt: $createdAt}]->(b)
     RETURN r {.*, fromId: a.id, toId: b.id} AS props`,
    { ...l, createdAt: int(l.createdAt) },
  );
  return linkFromProps(result.records[0]!.get('props'));
}

/** Makes the nodes copies of one logical file (an existing one of theirs, or `newId`). */
export async function joinLogicalFile(
  tx: Tx,
  ownerId: string,
  ids: string[],
  newId: string,
  now: number,
): Promise<string> {
  const result = await tx.run(
    `UNWIND $ids AS id
     MATCH (n:Node {id: id}) WHERE n.ownerId = $ownerId
     WITH collect(n) AS nodes, min(n.logicalId) AS existing
     MERGE (l:LogicalFile {id: coalesce(existing, $newId)})
     ON CREATE SET l.ownerId = $ownerId, l.createdAt = $now
     WITH l, nodes
     UNWIND nodes AS n
     CALL (n) { OPTIONAL MATCH (n)-[old:COPY_OF]->() DELETE old }
     MERGE (n)-[:COPY_OF]->(l)
     RETURN DISTINCT l.id AS id`,
    { ownerId, ids, newId, now: int(now) },
  );
  return result.records[0]!.get('id') as string;
}

export async function findTrashRootIds(tx: Tx, ownerId: string, limit: number): Promise<string[]> {
  const result = await tx.run(
    `MATCH (n:Node {ownerId: $ownerId}) WHERE n.trashRootId = n.id
     RETURN n.id AS id LIMIT $limit`,
    { ownerId, limit: int(limit) },
  );
  return result.records.map((r) => r.get('id') as string);
}
