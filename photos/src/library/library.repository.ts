// The photo library's own part of the graph: albums (graph nodes pointing at file nodes of any
// remote), the owner's photo settings, and the listing of photo nodes. The graph package owns
// file nodes; this module only reads them and owns (:Album) and (:PhotoSettings).
// Every query is scoped by ownerId: another owner's ids behave as missing ones.
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';

export interface GraphDb {
  driver: Driver;
  database?: string;
}

export interface AlbumRecord {
  id: string;
  ownerId: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  photoCount: number;
  /** The most recently added photo, for a cover. */
  coverId: string | null;
}

/** A file node that carries photo metadata (`extra.photo`), as the library needs it. */
export interface PhotoRow {
  id: string;
  remoteId: string;
  mtime: number | null;
  starred: boolean;
  photo: Record<string, unknown>;
}

const toNum = (v: unknown): number | null =>
  v === null || v === undefined
    ? null
    : neo4j.isInt(v)
      ? (v as { toNumber(): number }).toNumber()
      : Number(v);

async function read<T>(db: GraphDb, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = db.driver.session({ database: db.database ?? 'neo4j' });
  try {
    return await session.executeRead(work);
  } finally {
    await session.close();
  }
}

async function write<T>(db: GraphDb, work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
  const session = db.driver.session({ database: db.database ?? 'neo4j' });
  try {
    return await session.executeWrite(work);
  } finally {
    await session.close();
  }
}

const ALBUM_RETURN = `
  OPTIONAL MATCH (a)-[m:HAS_PHOTO]->(p:Node)
  WITH a, count(p) AS photoCount, max(m.addedAt) AS newest
  OPTIONAL MATCH (a)-[m2:HAS_PHOTO]->(cover:Node) WHERE m2.addedAt = newest
  WITH a, photoCount, min(cover.id) AS coverId
  RETURN a { .id, .ownerId, .name, .createdAt, .updatedAt } AS album, photoCount, coverId`;

function albumOf(r: { get(k: string): unknown }): AlbumRecord {
  const a = r.get('album') as Record<string, unknown>;
  return {
    id: String(a.id),
    ownerId: String(a.ownerId),
    name: String(a.name),
    createdAt: toNum(a.createdAt) ?? 0,
    updatedAt: toNum(a.updatedAt) ?? 0,
    photoCount: toNum(r.get('photoCount')) ?? 0,
    coverId: (r.get('coverId') as string | null) ?? null,
  };
}

function photoOf(r: { get(k: string): unknown }): PhotoRow | null {
  const extra = r.get('extra');
  if (typeof extra !== 'string') return null;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(extra) as Record<string, unknown>;
  } catch {
    return null;
  }
  const photo = parsed.photo;
  if (!photo || typeof photo !== 'object') return null;
  return {
    id: String(r.get('id')),
    remoteId: String(r.get('remoteId')),
    mtime: toNum(r.get('mtime')),
    starred: r.get('starred') === true,
    photo: photo as Record<string, unknown>,
  };
}

// extraJson is the JSON text of `extra`; the photos worker writes `photo` as an object, and
// a cleared photo as null, so `"photo":{` marks nodes that are photos now.
const IS_PHOTO = `n.kind = 'file' AND n.trashed IS NULL AND n.extraJson CONTAINS '"photo":{'`;
const PHOTO_RETURN =
  'RETURN n.id AS id, n.remoteId AS remoteId, n.mtime AS mtime, n.starred AS starred, n.extraJson AS extra';

export class LibraryRepository {
  constructor(private readonly db: GraphDb) {}

  /** Every photo node of the owner (not trashed); an album or favourites narrow it. */
  listPhotos(ownerId: string, filter: { albumId?: string; starred?: boolean } = {}): Promise<PhotoRow[]> {
    const query = filter.albumId
      ? `MATCH (:Album {id: $albumId, ownerId: $ownerId})-[:HAS_PHOTO]->(n:Node {ownerId: $ownerId})
         WHERE ${IS_PHOTO} ${filter.starred ? 'AND n.starred = true' : ''} ${PHOTO_RETURN}`
      : `MATCH (n:Node {ownerId: $ownerId}) WHERE ${IS_PHOTO} ${filter.starred ? 'AND n.starred = true' : ''}
         ${PHOTO_RETURN}`;
    return read(this.db, async (tx) => {
      const res = await tx.run(query, { ownerId, albumId: filter.albumId ?? null });
      return res.records.map(photoOf).filter((p): p is PhotoRow => p !== null);
    });
  }

  /** The photo of one node the owner has, or null (missing, foreign, not a photo). */
  async photo(ownerId: string, nodeId: string): Promise<PhotoRow | null> {
    return read(this.db, async (tx) => {
      const res = await tx.run(
        `MATCH (n:Node {id: $nodeId, ownerId: $ownerId}) WHERE ${IS_PHOTO} ${PHOTO_RETURN}`,
        { ownerId, nodeId },
      );
      return res.records[0] ? photoOf(res.records[0]) : null;
    });
  }

  async hideLocation(ownerId: string): Promise<boolean> {
    return read(this.db, async (tx) => {
      const res = await tx.run('MATCH (s:PhotoSettings {ownerId: $ownerId}) RETURN s.hideLocation AS h', {
        ownerId,
      });
      return res.records[0]?.get('h') === true;
    });
  }

  async setHideLocation(ownerId: string, hide: boolean): Promise<void> {
    await write(this.db, (tx) =>
      tx.run('MERGE (s:PhotoSettings {ownerId: $ownerId}) SET s.hideLocation = $hide', { ownerId, hide }),
    );
  }

  listAlbums(ownerId: string): Promise<AlbumRecord[]> {
    return read(this.db, async (tx) => {
      const res = await tx.run(
        `MATCH (a:Album {ownerId: $ownerId}) ${ALBUM_RETURN} ORDER BY album.name, album.id`,
        {
          ownerId,
        },
      );
      return res.records.map(albumOf);
    });
  }

  album(ownerId: string, id: string): Promise<AlbumRecord | null> {
    return read(this.db, async (tx) => {
      const res = await tx.run(`MATCH (a:Album {id: $id, ownerId: $ownerId}) ${ALBUM_RETURN}`, {
        ownerId,
        id,
      });
      return res.records[0] ? albumOf(res.records[0]) : null;
    });
  }

  async createAlbum(ownerId: string, id: string, name: string, now: number): Promise<void> {
    await write(this.db, (tx) =>
      tx.run('CREATE (:Album {id: $id, ownerId: $ownerId, name: $name, createdAt: $now, updatedAt: $now})', {
        id,
        ownerId,
        name,
        now: neo4j.int(now),
      }),
    );
  }

  async renameAlbum(ownerId: string, id: string, name: string, now: number): Promise<boolean> {
    return write(this.db, async (tx) => {
      const res = await tx.run(
        'MATCH (a:Album {id: $id, ownerId: $ownerId}) SET a.name = $name, a.updatedAt = $now RETURN a.id',
        { id, ownerId, name, now: neo4j.int(now) },
      );
      return res.records.length > 0;
    });
  }

  /** Deletes the album, never the photos in it. */
  async deleteAlbum(ownerId: string, id: string): Promise<boolean> {
    return write(this.db, async (tx) => {
      const res = await tx.run(
        'MATCH (a:Album {id: $id, ownerId: $ownerId}) DETACH DELETE a RETURN count(*) AS n',
        { id, ownerId },
      );
      return (toNum(res.records[0]?.get('n')) ?? 0) > 0;
    });
  }

  /**
   * Adds photos (file nodes of the same owner, any remote); returns how many of `nodeIds` are
   * photos of the owner, or null if the album is not theirs. Already present ones stay as they are.
   */
  async addToAlbum(ownerId: string, id: string, nodeIds: string[], now: number): Promise<number | null> {
    return write(this.db, async (tx) => {
      const res = await tx.run(
        `MATCH (a:Album {id: $id, ownerId: $ownerId})
         OPTIONAL MATCH (n:Node {ownerId: $ownerId}) WHERE n.id IN $nodeIds AND ${IS_PHOTO}
         FOREACH (x IN CASE WHEN n IS NULL THEN [] ELSE [n] END |
           MERGE (a)-[m:HAS_PHOTO]->(x) ON CREATE SET m.addedAt = $now)
         SET a.updatedAt = $now
         RETURN a.id AS album, count(n) AS found`,
        { id, ownerId, nodeIds, now: neo4j.int(now) },
      );
      const rec = res.records[0];
      return rec ? (toNum(rec.get('found')) ?? 0) : null;
    });
  }

  async removeFromAlbum(ownerId: string, id: string, nodeIds: string[], now: number): Promise<boolean> {
    return write(this.db, async (tx) => {
      const res = await tx.run(
        `MATCH (a:Album {id: $id, ownerId: $ownerId})
         OPTIONAL MATCH (a)-[m:HAS_PHOTO]->(n:Node) WHERE n.id IN $nodeIds
         DELETE m
         WITH DISTINCT a SET a.updatedAt = $now RETURN a.id`,
        { id, ownerId, nodeIds, now: neo4j.int(now) },
      );
      return res.records.length > 0;
    });
  }

  /** Albums of the owner holding this node. */
  albumsOf(ownerId: string, nodeId: string): Promise<string[]> {
    return read(this.db, async (tx) => {
      const res = await tx.run(
        'MATCH (a:Album {ownerId: $ownerId})-[:HAS_PHOTO]->(:Node {id: $nodeId, ownerId: $ownerId}) RETURN a.id AS id ORDER BY id',
        { ownerId, nodeId },
      );
      return res.records.map((r) => String(r.get('id')));
    });
  }
}
