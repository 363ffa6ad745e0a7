// Reads ingest needs: the stored nodes a batch may touch, hash-move candidates, subtrees of
// moved folders, and the remote's nodes in path order for delete detection.
import { int, num, type Tx } from '../db.js';
import type { StoredNode } from '../model.js';
import { nodeFromProps } from '../nodes/node-props.js';
import type { StoredLookup } from './plan.js';

export class StoredIndex implements StoredLookup {
  private readonly byPath = new Map<string, StoredNode[]>();
  private readonly byProviderId = new Map<string, StoredNode[]>();
  private readonly ids = new Set<string>();

  add(nodes: Iterable<StoredNode>): this {
    for (const n of nodes) {
      if (this.ids.has(n.id)) continue;
      this.ids.add(n.id);
      push(this.byPath, n.path, n);
      if (n.providerId) push(this.byProviderId, n.providerId, n);
    }
    return this;
  }

  atPath(path: string): readonly StoredNode[] {
    return this.byPath.get(path) ?? [];
  }

  withProviderId(providerId: string): readonly StoredNode[] {
    return this.byProviderId.get(providerId) ?? [];
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

interface Scope {
  ownerId: string;
  remoteId: string;
}

export async function findByPathsOrIds(
  tx: Tx,
  s: Scope,
  paths: string[],
  providerIds: string[],
): Promise<StoredNode[]> {
  const result = await tx.run(
    `CALL () {
       UNWIND $paths AS p
       MATCH (n:Node {ownerId: $ownerId, remoteId: $remoteId, path: p}) RETURN n
       UNION
       UNWIND $providerIds AS pid
       MATCH (n:Node {ownerId: $ownerId, remoteId: $remoteId, providerId: pid}) RETURN n
     }
     RETURN n {.*} AS props`,
    { ownerId: s.ownerId, remoteId: s.remoteId, paths, providerIds },
  );
  return result.records.map((r) => nodeFromProps(r.get('props')));
}

export interface HashProbe {
  path: string;
  size: number;
  md5: string | null;
  sha1: string | null;
}

/** Stored files of the remote with the same size and MD5 or SHA1 as each probe. */
export async function findSameContent(
  tx: Tx,
  s: Scope,
  probes: HashProbe[],
): Promise<Map<string, StoredNode[]>> {
  const result = await tx.run(
    `UNWIND $probes AS it
     CALL (it) {
       MATCH (n:Node {ownerId: $ownerId, md5: it.md5})
       WHERE n.remoteId = $remoteId AND n.size = it.size AND n.kind = 'file' RETURN n
       UNION
       MATCH (n:Node {ownerId: $ownerId, sha1: it.sha1})
       WHERE n.remoteId = $remoteId AND n.size = it.size AND n.kind = 'file' RETURN n
     }
     RETURN it.path AS path, n {.*} AS props`,
    { ownerId: s.ownerId, remoteId: s.remoteId, probes: probes.map((p) => ({ ...p, size: int(p.size) })) },
  );
  const out = new Map<string, StoredNode[]>();
  for (const r of result.records) push(out, r.get('path') as string, nodeFromProps(r.get('props')));
  return out;
}

export interface Descendant {
  node: StoredNode;
  newPath: string;
  /** Ids of nodes already at the new path. */
  occupants: string[];
}

/** Everything under folder path `from`, with its path once the folder is at `to`. */
export async function findDescendants(tx: Tx, s: Scope, from: string, to: string): Promise<Descendant[]> {
  const result = await tx.run(
    `MATCH (d:Node {ownerId: $ownerId, remoteId: $remoteId})
     WHERE d.path STARTS WITH $prefix
     WITH d, $to + substring(d.path, size($from)) AS np
     OPTIONAL MATCH (o:Node {ownerId: $ownerId, remoteId: $remoteId, path: np})
     RETURN d {.*} AS props, np, collect(o.id) AS occupants`,
    { ownerId: s.ownerId, remoteId: s.remoteId, prefix: `${from}/`, from, to },
  );
  return result.records.map((r) => ({
    node: nodeFromProps(r.get('props')),
    newPath: r.get('np') as string,
    occupants: r.get('occupants') as string[],
  }));
}

export interface NodeBrief {
  id: string;
  path: string;
  revision: number;
  updatedAt: number;
}

/** One page of the remote's nodes in (path, id) order, starting at `afterPath`. */
export async function pageRemoteNodes(
  tx: Tx,
  s: Scope,
  afterPath: string,
  limit: number,
): Promise<NodeBrief[]> {
  const result = await tx.run(
    `MATCH (n:Node {ownerId: $ownerId, remoteId: $remoteId})
     WHERE n.path >= $afterPath
     RETURN n.id AS id, n.path AS path, n.revision AS revision, n.updatedAt AS updatedAt
     ORDER BY n.path, n.id
     LIMIT $limit`,
    { ownerId: s.ownerId, remoteId: s.remoteId, afterPath, limit: int(limit) },
  );
  return result.records.map((r) => ({
    id: r.get('id') as string,
    path: r.get('path') as string,
    revision: num(r.get('revision')) ?? 0,
    updatedAt: num(r.get('updatedAt')) ?? 0,
  }));
}

export async function findBriefs(tx: Tx, ownerId: string, ids: string[]): Promise<NodeBrief[]> {
  const result = await tx.run(
    `UNWIND $ids AS id
     MATCH (n:Node {id: id}) WHERE n.ownerId = $ownerId
     RETURN n.id AS id, n.path AS path, n.revision AS revision, n.updatedAt AS updatedAt`,
    { ownerId, ids },
  );
  return result.records.map((r) => ({
    id: r.get('id') as string,
    path: r.get('path') as string,
    revision: num(r.get('revision')) ?? 0,
    updatedAt: num(r.get('updatedAt')) ?? 0,
  }));
}

export async function remoteHasNodes(tx: Tx, s: Scope): Promise<boolean> {
  const result = await tx.run(
    'MATCH (n:Node {ownerId: $ownerId, remoteId: $remoteId}) RETURN n.id LIMIT 1',
    s,
  );
  return result.records.length > 0;
}

/** The node(s) at `path` and everything below them. */
export async function findSubtree(tx: Tx, s: Scope, path: string): Promise<StoredNode[]> {
  const result = await tx.run(
    `MATCH (d:Node {ownerId: $ownerId, remoteId: $remoteId})
     WHERE d.path = $path OR d.path STARTS WITH $prefix
     RETURN d {.*} AS props`,
    { ownerId: s.ownerId, remoteId: s.remoteId, path, prefix: `${path}/` },
  );
  return result.records.map((r) => nodeFromProps(r.get('props')));
}

/** Moves the children of folder `fromId` under folder `toId` (same path: a merge of duplicates). */
export async function reparentChildren(tx: Tx, ownerId: string, fromId: string, toId: string): Promise<void> {
  await tx.run(
    `MATCH (:Node {id: $fromId})<-[r:IN]-(c:Node {ownerId: $ownerId})
     DELETE r
     SET c.parentId = $toId
     WITH c
     MATCH (p:Node {id: $toId})
     CREATE (c)-[:IN]->(p)`,
    { ownerId, fromId, toId },
  );
}
