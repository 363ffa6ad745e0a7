// What the details pane of one file shows: its provider versions, its copies on other
// remotes (through the logical file), its shares and its internal links, and where it is.
import { int, type Tx } from '../db.js';
import type { LinkRecord, ProviderVersion, ShareRecord, StoredNode } from '../model.js';
import { nodeFromProps, versionFromProps } from '../nodes/node-props.js';
import { linkFromProps, shareFromProps } from './records.js';
import { CAN_READ } from './views.repository.js';

export async function findReadable(
  tx: Tx,
  callerId: string,
  nodeId: string,
  now: number,
): Promise<StoredNode | null> {
  const result = await tx.run(CAN_READ, { callerId, nodeId, now: int(now) });
  const rec = result.records[0];
  return rec ? nodeFromProps(rec.get('props')) : null;
}

export async function findVersions(tx: Tx, nodeId: string): Promise<ProviderVersion[]> {
  const result = await tx.run(
    `MATCH (:Node {id: $nodeId})-[:HAS_VERSION]->(v:Version)
     RETURN v {.*} AS props ORDER BY v.firstSeen DESC, v.id LIMIT 200`,
    { nodeId },
  );
  return result.records.map((r) => versionFromProps(r.get('props')));
}

export interface Copy {
  node: StoredNode;
  remoteName: string;
}

export async function findCopies(tx: Tx, node: StoredNode): Promise<Copy[]> {
  if (!node.logicalId) return [];
  const result = await tx.run(
    `MATCH (c:Node {ownerId: $ownerId, logicalId: $logicalId}) WHERE c.id <> $id
     MATCH (r:Remote {id: c.remoteId})
     RETURN c {.*} AS props, r.name AS remoteName ORDER BY r.sortName, c.path`,
    { ownerId: node.ownerId, logicalId: node.logicalId, id: node.id },
  );
  return result.records.map((r) => ({
    node: nodeFromProps(r.get('props')),
    remoteName: r.get('remoteName') as string,
  }));
}

export interface ShareOnNode extends ShareRecord {
  /** The share is on an ancestor folder, not on this node itself. */
  inherited: boolean;
}

export async function findShares(tx: Tx, nodeId: string): Promise<ShareOnNode[]> {
  const result = await tx.run(
    `MATCH (n:Node {id: $nodeId})-[:IN*0..]->(a:Node)<-[:OF]-(s:Share)
     RETURN s {.*} AS props, a.id <> n.id AS inherited ORDER BY s.createdAt, s.id`,
    { nodeId },
  );
  return result.records.map((r) => ({
    ...shareFromProps(r.get('props')),
    inherited: r.get('inherited') === true,
  }));
}

export async function findLinks(
  tx: Tx,
  nodeId: string,
): Promise<{ outgoing: LinkRecord[]; incoming: LinkRecord[] }> {
  const result = await tx.run(
    `MATCH (a:Node {id: $nodeId})-[l:LINKS_TO]->(b:Node) RETURN l {.*, fromId: a.id, toId: b.id} AS props
     UNION ALL
     MATCH (a:Node)-[l:LINKS_TO]->(b:Node {id: $nodeId}) RETURN l {.*, fromId: a.id, toId: b.id} AS props`,
    { nodeId },
  );
  const links = result.records
    .map((r) => linkFromProps(r.get('props')))
    .sort((x, y) => x.createdAt - y.createdAt || (x.id < y.id ? -1 : 1));
  return {
    outgoing: links.filter((l) => l.fromId === nodeId),
    incoming: links.filter((l) => l.toId === nodeId),
  };
}

export interface Crumb {
  id: string;
  name: string;
}

/** The remote, then each folder from the root down to the node's parent. */
export async function findAncestors(tx: Tx, nodeId: string): Promise<Crumb[]> {
  const result = await tx.run(
    `MATCH p = (n:Node {id: $nodeId})-[:IN*]->(r:Remote)
     RETURN [x IN reverse(nodes(p)[1..]) | {id: x.id, name: x.name}] AS crumbs`,
    { nodeId },
  );
  return (result.records[0]?.get('crumbs') as Crumb[] | undefined) ?? [];
}
