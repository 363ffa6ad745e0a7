// Users, devices and remotes: the owners and containers of the file tree.
import { autoCommit, type Db, int, num, str, type Tx } from '../db.js';
import type { DeviceRecord, RemoteRecord, UserRecord } from '../model.js';

export function userFromProps(p: Record<string, unknown>): UserRecord {
  return {
    id: String(p.id),
    email: str(p.email),
    name: str(p.name),
    createdAt: num(p.createdAt) ?? 0,
    updatedAt: num(p.updatedAt) ?? 0,
  };
}

export function deviceFromProps(p: Record<string, unknown>): DeviceRecord {
  return {
    id: String(p.id),
    ownerId: String(p.ownerId),
    name: String(p.name),
    hostname: str(p.hostname),
    platform: str(p.platform),
    createdAt: num(p.createdAt) ?? 0,
    updatedAt: num(p.updatedAt) ?? 0,
  };
}

export function remoteFromProps(p: Record<string, unknown>): RemoteRecord {
  const hashes = Array.isArray(p.hashes) ? (p.hashes as string[]) : [];
  return {
    id: String(p.id),
    ownerId: String(p.ownerId),
    type: String(p.type),
    name: String(p.name),
    root: String(p.root ?? ''),
    capabilities: {
      hashes: hashes.filter((h): h is 'md5' | 'sha1' => h === 'md5' || h === 'sha1'),
      modtime: p.modtime === true,
      stableIds: p.stableIds === true,
    },
    deviceId: str(p.deviceId),
    createdAt: num(p.createdAt) ?? 0,
    updatedAt: num(p.updatedAt) ?? 0,
  };
}

export async function mergeUser(
  tx: Tx,
  u: { id: string; email: string | null; name: string | null; now: number },
) {
  const result = await tx.run(
    `MERGE (u:User {id: $id})
     ON CREATE SET u.createdAt = $now, u.ownerId = $id
     SET u.email = $email, u.name = $name, u.updatedAt = $now
     RETURN u {.*} AS props`,
    { ...u, now: int(u.now) },
  );
  return userFromProps(result.records[0]!.get('props'));
}

/** The owner id of a node of that label and id, or null when there is none. */
export async function ownerOf(
  tx: Tx,
  label: 'Remote' | 'Device' | 'Node',
  id: string,
): Promise<string | null> {
  const result = await tx.run(`MATCH (x:${label} {id: $id}) RETURN x.ownerId AS ownerId`, { id });
  return (result.records[0]?.get('ownerId') as string | undefined) ?? null;
}

export async function mergeDevice(
  tx: Tx,
  d: {
    id: string;
    ownerId: string;
    name: string;
    hostname: string | null;
    platform: string | null;
    now: number;
  },
): Promise<DeviceRecord> {
  const result = await tx.run(
    `MERGE (u:User {id: $ownerId})
     ON CREATE SET u.createdAt = $now, u.updatedAt = $now, u.ownerId = $ownerId
     MERGE (d:Device {id: $id})
     ON CREATE SET d.createdAt = $now, d.ownerId = $ownerId
     MERGE (u)-[:HAS_DEVICE]->(d)
     SET d.name = $name, d.sortName = toLower($name), d.hostname = $hostname, d.platform = $platform, d.updatedAt = $now
     RETURN d {.*} AS props`,
    { ...d, now: int(d.now) },
  );
  return deviceFromProps(result.records[0]!.get('props'));
}

export interface RemoteInput {
  id: string;
  ownerId: string;
  type: string;
  name: string;
  root: string;
  hashes: string[];
  modtime: boolean;
  stableIds: boolean;
  deviceId: string | null;
  now: number;
}

export async function mergeRemote(tx: Tx, r: RemoteInput): Promise<RemoteRecord> {
  const result = await tx.run(
    `MERGE (u:User {id: $ownerId})
     ON CREATE SET u.createdAt = $now, u.updatedAt = $now, u.ownerId = $ownerId
     MERGE (r:Remote {id: $id})
     ON CREATE SET r.createdAt = $now, r.ownerId = $ownerId
     MERGE (u)-[:OWNS]->(r)
     SET r.type = $type, r.name = $name, r.sortName = toLower($name), r.root = $root, r.hashes = $hashes,
         r.modtime = $modtime, r.stableIds = $stableIds, r.deviceId = $deviceId, r.updatedAt = $now
     WITH r
     CALL (r) { OPTIONAL MATCH (:Device)-[old:HAS_REMOTE]->(r) DELETE old }
     CALL (r) {
       MATCH (d:Device {id: $deviceId}) WHERE d.ownerId = $ownerId
       MERGE (d)-[:HAS_REMOTE]->(r)
     }
     RETURN r {.*} AS props`,
    { ...r, now: int(r.now) },
  );
  return remoteFromProps(result.records[0]!.get('props'));
}

export async function findRemote(tx: Tx, ownerId: string, remoteId: string): Promise<RemoteRecord | null> {
  const result = await tx.run(
    'MATCH (r:Remote {id: $remoteId}) WHERE r.ownerId = $ownerId RETURN r {.*} AS props',
    {
      ownerId,
      remoteId,
    },
  );
  const rec = result.records[0];
  return rec ? remoteFromProps(rec.get('props')) : null;
}

export async function listRemotes(tx: Tx, ownerId: string): Promise<RemoteRecord[]> {
  const result = await tx.run(
    'MATCH (r:Remote {ownerId: $ownerId}) RETURN r {.*} AS props ORDER BY r.sortName, r.id',
    {
      ownerId,
    },
  );
  return result.records.map((r) => remoteFromProps(r.get('props')));
}

/** Removes everything an owner has in the graph, in chunks (no events: see dropOwnerData). */
export async function deleteOwnerData(db: Db, ownerId: string): Promise<void> {
  for (const label of [
    'Node',
    'Version',
    'Share',
    'LogicalFile',
    'SyncRule',
    'Album',
    'Remote',
    'Device',
    'Outbox',
    'User',
  ]) {
    await autoCommit(
      db,
      `MATCH (x:${label} {ownerId: $ownerId}) CALL (x) { DETACH DELETE x } IN TRANSACTIONS OF 5000 ROWS`,
      { ownerId },
    );
  }
}
