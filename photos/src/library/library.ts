// The photo library an owner sees: the timeline (date taken, else mtime, cursor-paginated),
// favourites, albums mixing photos of any remote, near-duplicate groups, the location setting.
// Reads the graph through LibraryRepository; the gateway and the cleanup reports call this.
import { newId, SyncoxideError } from '@syncoxide/core';
import { DEFAULT_DUPLICATE_THRESHOLD, groupNearDuplicates } from '../duplicates.js';
import { orderTimeline, type Placed } from '../timeline.js';
import { decodeCursor, encodeCursor, isAfter } from './cursor.js';
import { type AlbumRecord, type GraphDb, LibraryRepository, type PhotoRow } from './library.repository.js';

export interface TimelineEntry extends PhotoRow {
  takenAt: string | null;
}

export interface TimelinePage {
  items: Placed<TimelineEntry>[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface TimelineQuery {
  first?: number;
  after?: string | null;
  albumId?: string | null;
  favourites?: boolean;
  order?: 'desc' | 'asc';
}

export const MAX_PAGE = 500;

const entryOf = (row: PhotoRow): TimelineEntry => ({
  ...row,
  takenAt: typeof row.photo.takenAt === 'string' ? row.photo.takenAt : null,
});

function albumName(name: string): string {
  const n = typeof name === 'string' ? name.trim() : '';
  if (n.length === 0 || n.length > 200) {
    throw new SyncoxideError('INVALID_INPUT', 'an album name needs 1 to 200 characters');
  }
  return n;
}

const albumNotFound = () => new SyncoxideError('NOT_FOUND', 'no such album');

export class PhotoLibrary {
  readonly repo: LibraryRepository;

  constructor(
    db: GraphDb,
    private readonly clock: () => number = Date.now,
  ) {
    this.repo = new LibraryRepository(db);
  }

  async timeline(ownerId: string, q: TimelineQuery = {}): Promise<TimelinePage> {
    const first = q.first ?? 100;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
      throw new SyncoxideError('INVALID_INPUT', `first must be between 1 and ${MAX_PAGE}`);
    }
    const cursor = q.after ? decodeCursor(q.after) : null;
    if (q.albumId && !(await this.repo.album(ownerId, q.albumId))) throw albumNotFound();
    const rows = await this.repo.listPhotos(ownerId, {
      ...(q.albumId ? { albumId: q.albumId } : {}),
      ...(q.favourites ? { starred: true } : {}),
    });
    const order = q.order ?? 'desc';
    const sign = order === 'asc' ? 1 : -1;
    let placed = orderTimeline(rows.map(entryOf), { order });
    if (cursor) placed = placed.filter((p) => isAfter(p.at, p.item.id, cursor, sign));
    const items = placed.slice(0, first);
    const last = items[items.length - 1];
    return { items, nextCursor: placed.length > first && last ? encodeCursor(last.at, last.item.id) : null };
  }

  /** Groups (two or more) of near-duplicate photos: bursts, resized or re-encoded copies. */
  async duplicates(ownerId: string, threshold = DEFAULT_DUPLICATE_THRESHOLD): Promise<PhotoRow[][]> {
    if (!Number.isInteger(threshold) || threshold < 0 || threshold > 32) {
      throw new SyncoxideError('INVALID_INPUT', 'threshold must be between 0 and 32 bits');
    }
    const rows = await this.repo.listPhotos(ownerId);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const hashed = rows
      .filter((r) => typeof r.photo.phash === 'string' && /^[0-9a-f]{16}$/.test(r.photo.phash))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((r) => ({ id: r.id, phash: r.photo.phash as string }));
    return groupNearDuplicates(hashed, threshold).map((ids) => ids.map((id) => byId.get(id)!));
  }

  albums(ownerId: string): Promise<AlbumRecord[]> {
    return this.repo.listAlbums(ownerId);
  }

  async album(ownerId: string, id: string): Promise<AlbumRecord> {
    return (await this.repo.album(ownerId, id)) ?? Promise.reject(albumNotFound());
  }

  async createAlbum(ownerId: string, name: string, photoIds: string[] = []): Promise<AlbumRecord> {
    const id = newId();
    await this.repo.createAlbum(ownerId, id, albumName(name), this.clock());
    if (photoIds.length > 0) await this.addToAlbum(ownerId, id, photoIds);
    return this.album(ownerId, id);
  }

  async renameAlbum(ownerId: string, id: string, name: string): Promise<AlbumRecord> {
    if (!(await this.repo.renameAlbum(ownerId, id, albumName(name), this.clock()))) throw albumNotFound();
    return this.album(ownerId, id);
  }

  async deleteAlbum(ownerId: string, id: string): Promise<void> {
    if (!(await this.repo.deleteAlbum(ownerId, id))) throw albumNotFound();
  }

  /** Adds photos of any of the owner's remotes; an id that is not the owner's photo is refused. */
  async addToAlbum(ownerId: string, id: string, photoIds: string[]): Promise<AlbumRecord> {
    const ids = [...new Set(photoIds)];
    if (ids.length === 0 || ids.length > 1000) {
      throw new SyncoxideError('INVALID_INPUT', 'give 1 to 1000 photos');
    }
    // Check first so that a bad id adds nothing (all or none).
    for (const nodeId of ids) {
      if (!(await this.repo.photo(ownerId, nodeId))) {
        throw new SyncoxideError('NOT_FOUND', 'no such photo', { path: nodeId });
      }
    }
    const found = await this.repo.addToAlbum(ownerId, id, ids, this.clock());
    if (found === null) throw albumNotFound();
    return this.album(ownerId, id);
  }

  async removeFromAlbum(ownerId: string, id: string, photoIds: string[]): Promise<AlbumRecord> {
    if (!(await this.repo.removeFromAlbum(ownerId, id, [...new Set(photoIds)], this.clock()))) {
      throw albumNotFound();
    }
    return this.album(ownerId, id);
  }

  albumsOf(ownerId: string, nodeId: string): Promise<string[]> {
    return this.repo.albumsOf(ownerId, nodeId);
  }

  photo(ownerId: string, nodeId: string): Promise<PhotoRow | null> {
    return this.repo.photo(ownerId, nodeId);
  }

  hideLocation(ownerId: string): Promise<boolean> {
    return this.repo.hideLocation(ownerId);
  }
}
