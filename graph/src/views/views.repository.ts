// The MATCH of each view; every one is scoped to the caller (owner, or grantee of a share).
const LIVE = 'NOT coalesce(n.trashed, false)';

export const MATCH = {
  // Children are found through their IN relationship: cheaper than an index on parentId,
  // which every ingested node would pay for.
  rootOfRemote: `MATCH (r:Remote {id: $remoteId}) WHERE r.ownerId = $ownerId
     MATCH (r)<-[:IN]-(n:Node) WHERE n.ownerId = $ownerId AND ${LIVE}`,
  rootOfAll: `MATCH (r:Remote {ownerId: $ownerId})<-[:IN]-(n:Node) WHERE n.ownerId = $ownerId AND ${LIVE}`,
  /** Children of a folder the caller may read; a trashed folder shows its trashed content. */
  children: `MATCH (:Node {id: $folderId})<-[:IN]-(n:Node)
     WHERE n.ownerId = $folderOwnerId AND ($includeTrashed OR ${LIVE})`,
  recents: `MATCH (n:Node {ownerId: $ownerId}) WHERE n.kind = 'file' AND ${LIVE}`,
  starred: `MATCH (n:Node {ownerId: $ownerId, starred: true}) WHERE ${LIVE}`,
  trash: `MATCH (n:Node {ownerId: $ownerId}) WHERE n.trashRootId IS NOT NULL AND n.trashRootId = n.id`,
  sharedByMe: `MATCH (s:Share {ownerId: $ownerId})-[:OF]->(m:Node)
     WITH DISTINCT m AS n WHERE ${LIVE}`,
  sharedWithMe: `MATCH (s:Share {granteeId: $ownerId, type: 'user'})-[:OF]->(m:Node)
     WHERE s.expiresAt IS NULL OR s.expiresAt > $now
     WITH DISTINCT m AS n WHERE ${LIVE}`,
};

/** Can `callerId` read node `nodeId`: owns it, or a live user share covers it or an ancestor. */
export const CAN_READ = `
MATCH (n:Node {id: $nodeId})
OPTIONAL MATCH (n)-[:IN*0..]->(:Node)<-[:OF]-(s:Share {type: 'user', granteeId: $callerId})
WHERE s.expiresAt IS NULL OR s.expiresAt > $now
WITH n, count(s) AS grants
WHERE n.ownerId = $callerId OR grants > 0
RETURN n {.*} AS props`;
