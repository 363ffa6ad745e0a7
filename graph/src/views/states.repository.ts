// Every current node with its state, in id order, one page at a time (the indexer's reindex).

import { deviceFromProps, remoteFromProps } from '../accounts/accounts.repository.js';
import { int, type Tx } from '../db.js';
import type { DeviceRecord, RemoteRecord, StoredNode } from '../model.js';
import { nodeFromProps } from '../nodes/node-props.js';

export interface NodeWithShares {
  node: StoredNode;
  sharedWith: string[];
}

export async function pageNodeStates(
  tx: Tx,
  ownerId: string | null,
  afterId: string,
  limit: number,
): Promise<NodeWithShares[]> {
  const match = ownerId
    ? 'MATCH (n:Node) WHERE n.id > $afterId AND n.ownerId = $ownerId'
    : 'MATCH (n:Node) WHERE n.id > $afterId';
  const result = await tx.run(
    `${match}
     WITH n ORDER BY n.id LIMIT $limit
     OPTIONAL MATCH (n)-[:IN*0..]->(:Node)<-[:OF]-(s:Share {type: 'user'})
     WITH n, collect(DISTINCT s.granteeId) AS sharedWith
     RETURN n {.*} AS props, sharedWith ORDER BY n.id`,
    { ownerId, afterId, limit: int(limit) },
  );
  return result.records.map((r) => ({
    node: nodeFromProps(r.get('props')),
    sharedWith: r.get('sharedWith') as string[],
  }));
}

export interface Computer {
  device: DeviceRecord;
  remotes: RemoteRecord[];
}

export async function pageDevices(
  tx: Tx,
  ownerId: string,
  after: { v: string; id: string } | null,
  limit: number,
): Promise<Computer[]> {
  const result = await tx.run(
    `MATCH (d:Device {ownerId: $ownerId})
     WHERE $after IS NULL OR d.sortName > $after.v OR (d.sortName = $after.v AND d.id > $after.id)
     WITH d ORDER BY d.sortName, d.id LIMIT $limit
     OPTIONAL MATCH (d)-[:HAS_REMOTE]->(r:Remote) WHERE r.ownerId = $ownerId
     WITH d, r ORDER BY r.sortName, r.id
     WITH d, collect(r {.*}) AS remotes ORDER BY d.sortName, d.id
     RETURN d {.*} AS device, remotes`,
    { ownerId, after, limit: int(limit + 1) },
  );
  return result.records.map((r) => ({
    device: deviceFromProps(r.get('device')),
    remotes: (r.get('remotes') as Record<string, unknown>[]).map(remoteFromProps),
  }));
}
