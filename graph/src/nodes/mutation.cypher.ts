// Cypher of the one write path every graph change takes (ingest, change feeds, user actions).
// Guarded statements lock the node first (SET n._lock) so the revision they compare is the
// committed one, not a stale read: Neo4j's read-committed isolation would otherwise allow a
// lost update.

/**
 * A change's time, read under the node's lock: strictly after the node's previous change,
 * whatever the writers' clocks did. It orders the outbox, so one node's events stay in
 * revision order.
 */
const NEXT_TS = 'CASE WHEN n.updatedAt >= $now THEN n.updatedAt + 1 ELSE $now END';

export const LOCK_FOR_DELETE = `
UNWIND $rows AS row
MATCH (n:Node {id: row.id})
WHERE n.ownerId = $ownerId
SET n._lock = true
WITH n, row WHERE n.revision = row.revision
WITH n, ${NEXT_TS} AS ts
RETURN n {.*} AS props, ts`;

export const DELETE_NODES = `
UNWIND $ids AS id
MATCH (n:Node {id: id})
CALL (n) { OPTIONAL MATCH (n)-[:HAS_VERSION]->(v:Version) DETACH DELETE v }
CALL (n) { OPTIONAL MATCH (s:Share)-[:OF]->(n) DETACH DELETE s }
DETACH DELETE n`;

export const DROP_EMPTY_LOGICAL = `
UNWIND $ids AS id
MATCH (l:LogicalFile {id: id})
WHERE NOT (l)<-[:COPY_OF]-()
DELETE l`;

/** New nodes, parents before children (a parent may be created by an earlier row). */
export const CREATE_NODES = `
UNWIND $rows AS row
CREATE (n:Node)
SET n = row.props
FOREACH (v IN CASE WHEN row.version IS NULL THEN [] ELSE [row.version] END |
  CREATE (n)-[:HAS_VERSION]->(x:Version) SET x = v)
WITH n, row
OPTIONAL MATCH (pf:Node {id: row.props.parentId})
OPTIONAL MATCH (pr:Remote {id: row.props.parentId})
WITH n, coalesce(pf, pr) AS p
CREATE (n)-[:IN]->(p)`;

/** (Re)links nodes to their parent: a folder node, or the remote for root-level nodes. */
export const LINK_PARENTS = `
UNWIND $rows AS row
MATCH (n:Node {id: row.id})
CALL (n) { OPTIONAL MATCH (n)-[old:IN]->() DELETE old }
OPTIONAL MATCH (pf:Node {id: row.parentId})
OPTIONAL MATCH (pr:Remote {id: row.parentId})
WITH n, coalesce(pf, pr) AS p
CREATE (n)-[:IN]->(p)`;

export const UPDATE_NODES = `
UNWIND $rows AS row
MATCH (n:Node {id: row.id})
WHERE n.ownerId = $ownerId
SET n._lock = true
WITH n, row WHERE n.revision = row.revision
WITH n, row, ${NEXT_TS} AS ts
SET n += row.set, n.revision = row.revision + 1, n.updatedAt = ts
REMOVE n._lock
RETURN n.id AS id, ts`;

export const NEW_VERSIONS = `
UNWIND $rows AS row
MATCH (n:Node {id: row.nodeId})
CALL (n) {
  MATCH (n)-[:HAS_VERSION]->(old:Version {current: true})
  SET old.current = false, old.lastSeen = $now
}
CREATE (n)-[:HAS_VERSION]->(v:Version)
SET v = row.version`;

export const REFRESH_VERSIONS = `
UNWIND $rows AS row
MATCH (:Node {id: row.nodeId})-[:HAS_VERSION]->(v:Version {current: true})
SET v += row.set`;

export const HAS_USER_SHARES = `
MATCH (s:Share {ownerId: $ownerId}) WHERE s.type = 'user'
RETURN s.id LIMIT 1`;

/** Grantees of user shares on each anchor node or its ancestors (anchors without any: absent). */
export const SHARED_WITH = `
UNWIND $ids AS id
MATCH (n:Node {id: id})-[:IN*0..]->(:Node)<-[:OF]-(s:Share {type: 'user'})
RETURN id, collect(DISTINCT s.granteeId) AS grantees`;

export const WRITE_OUTBOX = `
UNWIND $rows AS row
CREATE (o:Outbox)
SET o = row`;
