// The photo library for the API: timeline, albums, favourites, near-duplicates, the location
// setting and edits. The library logic lives in @syncoxide/photos; this service scopes it to
// the caller, turns ids into file nodes, and runs edits through the provider write path.
import { Readable } from 'node:stream';
import { SyncoxideError } from '@syncoxide/core';
import type { GraphStore, StoredNode } from '@syncoxide/graph';
import {
  type AlbumRecord,
  cacheKey,
  contentTagOf,
  DEFAULT_RENDITIONS,
  type EditOp,
  editImage,
  type PhotoLibrary,
  type Placed,
  processImage,
  type RenditionStore,
  type TimelineEntry,
  type TimelineQuery,
} from '@syncoxide/photos';
import { canCopy, type Entry, type Expected, type Provider } from '@syncoxide/sync';
import type { EventsService } from '../events/events.service.js';
import type { FileOpSpec } from '../files/ops.journal.js';
import type { FileOpsService } from '../files/ops.service.js';
import type { ViewsService } from '../files/views.service.js';
import { notFound } from '../ids.js';
import type { ProviderPool } from '../remotes/providers.js';

export interface TimelineItemView {
  node: StoredNode;
  placed: Placed<TimelineEntry>;
}

const dirOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));
const join = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);

/** "IMG_1.jpg" → "IMG_1 (original).jpg": where the first edit keeps the untouched file. */
export function originalName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (original)${name.slice(dot)}` : `${name} (original)`;
}

/** A precondition on existing content (never "absent"). */
type ContentExpected = Exclude<Expected, { absent: true }>;

/** The precondition of overwriting what the graph knows (a change since: CONFLICT, nothing written). */
function expectedOf(node: StoredNode): ContentExpected {
  if (node.sha1) return { sha1: node.sha1 };
  if (node.md5) return { md5: node.md5 };
  return {
    ...(node.size !== null ? { size: node.size } : {}),
    ...(node.mtime !== null ? { mtime: node.mtime } : {}),
  };
}

export class PhotosService {
  private readonly regenerating = new Map<string, Promise<boolean>>();

  constructor(
    readonly library: PhotoLibrary,
    readonly store: RenditionStore,
    private readonly graph: GraphStore,
    private readonly views: ViewsService,
    private readonly providers: ProviderPool,
    private readonly events: EventsService,
    private readonly ops: FileOpsService,
  ) {
    // Edits are journaled file operations; recovery finishes an interrupted one through here.
    ops.handle('edit', (spec, recovering) => this.applyEdit(spec, recovering));
  }

  /** Nodes by id, the caller's own only, in the given order (vanished ones left out). */
  private async own(callerId: string, ids: string[]): Promise<StoredNode[]> {
    const loaded = await this.views.loadMany(callerId, ids);
    return loaded.filter((n): n is StoredNode => !(n instanceof Error) && n.ownerId === callerId);
  }

  async timeline(callerId: string, q: TimelineQuery) {
    const page = await this.library.timeline(callerId, q);
    const nodes = new Map(
      (
        await this.own(
          callerId,
          page.items.map((p) => p.item.id),
        )
      ).map((n) => [n.id, n]),
    );
    const items: TimelineItemView[] = [];
    for (const placed of page.items) {
      const node = nodes.get(placed.item.id);
      if (node) items.push({ node, placed });
    }
    return { items, nextCursor: page.nextCursor };
  }

  async duplicates(callerId: string, threshold?: number): Promise<StoredNode[][]> {
    const groups = await this.library.duplicates(callerId, threshold);
    const out: StoredNode[][] = [];
    for (const group of groups) {
      const nodes = await this.own(
        callerId,
        group.map((r) => r.id),
      );
      if (nodes.length > 1) out.push(nodes);
    }
    return out;
  }

  albums(callerId: string): Promise<AlbumRecord[]> {
    return this.library.albums(callerId);
  }

  album(callerId: string, id: string): Promise<AlbumRecord> {
    return this.library.album(callerId, id);
  }

  /** The caller's photo node (a file carrying photo metadata); anything else is NOT_FOUND. */
  async photoNode(callerId: string, nodeId: string): Promise<StoredNode> {
    const [node] = await this.own(callerId, [nodeId]);
    if (node?.kind !== 'file' || !(await this.library.photo(callerId, nodeId))) throw notFound();
    return node;
  }

  /**
   * Remakes a photo's renditions when the cache lost them (a purged cache folder, a gateway on
   * another machine). Only for the content the metadata describes: if the file changed since,
   * the worker will make the new ones, and nothing is stored under the old content's keys.
   */
  regenerate(callerId: string, nodeId: string, contentTag: string): Promise<boolean> {
    // A grid asks for many sizes of one photo at once: decode it once.
    const key = `${callerId}\u0000${nodeId}\u0000${contentTag}`;
    let running = this.regenerating.get(key);
    if (!running) {
      running = this.remake(callerId, nodeId, contentTag).finally(() => this.regenerating.delete(key));
      this.regenerating.set(key, running);
    }
    return running;
  }

  private async remake(callerId: string, nodeId: string, contentTag: string): Promise<boolean> {
    const node = await this.photoNode(callerId, nodeId);
    if (contentTagOf(node) !== contentTag) return false;
    const provider = await this.providers.get(callerId, node.remoteId);
    const processed = await processImage(await provider.read(node.path), {
      renditions: DEFAULT_RENDITIONS,
      label: node.path,
    });
    for (const r of processed.renditions) {
      await this.store.put(cacheKey({ nodeId, contentTag, size: r.size, format: r.format }), r.data);
    }
    return true;
  }

  /**
   * Hides (or shows again) GPS in what is published. Hiding also strips the location already
   * stored; showing again brings it back as each photo is processed anew (content change).
   */
  async setHideLocation(callerId: string, hide: boolean): Promise<boolean> {
    await this.library.repo.setHideLocation(callerId, hide);
    if (hide) {
      for (const row of await this.library.repo.listPhotos(callerId)) {
        if (row.photo.location == null && row.photo.altitude == null) continue;
        await this.graph.setExtra(callerId, row.id, {
          photo: { ...row.photo, location: null, altitude: null },
        });
      }
    }
    return hide;
  }

  /**
   * Rotates/crops/resizes a photo as ONE journaled file operation ('edit'): the first edit keeps
   * the untouched file beside it as "<name> (original).<ext>", then the edited image replaces
   * the file's content as a new version, written atomically by the provider on the condition
   * that the file is still what the graph knew (else CONFLICT). A crash between the two steps
   * leaves a planned journal row that recovery finishes (`applyEdit` with `recovering`).
   */
  async edit(callerId: string, nodeId: string, ops: EditOp[]): Promise<StoredNode> {
    if (!Array.isArray(ops) || ops.length === 0 || ops.length > 20) {
      throw new SyncoxideError('INVALID_INPUT', 'give 1 to 20 edit operations');
    }
    const node = await this.photoNode(callerId, nodeId);
    const row = await this.library.photo(callerId, nodeId);
    if (row?.photo.kind !== 'image') {
      throw new SyncoxideError('UNSUPPORTED', 'only images that can be decoded can be edited');
    }
    const provider = await this.providers.get(callerId, node.remoteId);
    const current = await provider.stat(node.path);
    if (!current || (node.size !== null && current.size !== node.size)) {
      throw new SyncoxideError(
        'CONFLICT',
        'the file changed since it was listed; try again after the rescan',
      );
    }
    const originalPath = join(dirOf(node.path), originalName(node.name));
    const spec: FileOpSpec = {
      kind: 'edit',
      ownerId: callerId,
      remoteId: node.remoteId,
      path: node.path,
      toPath: originalPath,
      expect: expectedOf(node),
      nodeId,
      // A later edit leaves the first original alone (the kept file is the untouched one).
      data: { edits: ops, keepOriginal: !(await provider.stat(originalPath)) },
    };
    await this.ops.journaled(spec);
    if (spec.data?.keepOriginal) {
      this.events.fileChanged(callerId, {
        change: 'created',
        nodeId: null,
        remoteId: node.remoteId,
        path: originalPath,
      });
    }
    this.events.fileChanged(callerId, {
      change: 'updated',
      nodeId,
      remoteId: node.remoteId,
      path: node.path,
    });
    return this.graph.node(callerId, nodeId);
  }

  /**
   * The journaled edit's steps, from whatever state the provider is in. First run: the edit is
   * made (and validated) from the file before anything is written, the original is copied
   * beside it, the new version replaces the file, the graph learns both. Recovering: a file
   * still holding the original content gets the rest done; a file that changed while the kept
   * original is there already has its new version, and only the graph is told.
   */
  private async applyEdit(spec: FileOpSpec, recovering: boolean): Promise<void> {
    const { ownerId, remoteId, path } = spec;
    const originalPath = spec.toPath!;
    const expect = (spec.expect ?? {}) as ContentExpected;
    const { edits, keepOriginal } = spec.data as { edits: EditOp[]; keepOriginal: boolean };
    const provider = await this.providers.get(ownerId, remoteId);
    const changes: Array<{ type: 'upsert'; path: string; entry: Entry }> = [];

    const unedited = await holds(provider, path, expect);
    if (!unedited) {
      const kept = keepOriginal ? await holds(provider, originalPath, contentOf(expect)) : true;
      if (!recovering || !kept) {
        throw new SyncoxideError('CONFLICT', 'the file changed since it was listed; nothing was edited', {
          path,
        });
      }
      // Both steps happened before the crash; the graph may not know yet.
      if (keepOriginal && kept !== true) changes.push({ type: 'upsert', path: originalPath, entry: kept });
      const now = await provider.stat(path);
      if (now) changes.push({ type: 'upsert', path, entry: now });
    } else {
      // Edited first: a bad edit (a crop outside the image) is refused before anything is written.
      const edited = await editImage(await provider.read(path), edits, { label: path });
      // Buffered: the edited image is at most a few tens of MB and S3 wants its size up front.
      const chunks: Buffer[] = [];
      for await (const chunk of edited.stream) chunks.push(chunk as Buffer);
      const bytes = Buffer.concat(chunks);
      if (keepOriginal) {
        let kept = await holds(provider, originalPath, contentOf(expect));
        if (!kept) {
          // Absent expected: an earlier run's partial copy is never mistaken for the original.
          kept = canCopy(provider)
            ? await provider.copy(path, originalPath)
            : await provider.write(originalPath, await provider.read(path), {
                expect: { absent: true },
                size: unedited.size,
                ...(unedited.mtime !== null ? { mtime: unedited.mtime } : {}),
              });
        }
        changes.push({ type: 'upsert', path: originalPath, entry: kept });
      }
      const entry = await provider.write(path, Readable.from([bytes]), {
        size: bytes.length,
        mime: edited.mime,
        expect,
      });
      changes.push({ type: 'upsert', path, entry });
    }
    await this.graph.applyChanges({ ownerId, remoteId, changes, cause: { type: 'user', ref: null } });
  }
}

/** Only the content part of a precondition (a copy has the same bytes, not the same mtime). */
function contentOf(expect: ContentExpected): ContentExpected {
  return {
    ...(expect.sha1 ? { sha1: expect.sha1 } : {}),
    ...(expect.md5 ? { md5: expect.md5 } : {}),
    ...(expect.size !== undefined ? { size: expect.size } : {}),
  };
}

/** The file's entry when it still matches `expect` (hashed when the listing has no hash), else null. */
async function holds(provider: Provider, path: string, expect: ContentExpected): Promise<Entry | null> {
  const entry = await provider.stat(path);
  if (entry?.kind !== 'file') return null;
  if (expect.size !== undefined && entry.size !== expect.size) return null;
  if (expect.mtime !== undefined && entry.mtime !== null && entry.mtime !== expect.mtime) return null;
  for (const algorithm of ['sha1', 'md5'] as const) {
    const want = expect[algorithm];
    if (!want) continue;
    const have = entry.hashes[algorithm] ?? (await provider.hash(path, algorithm));
    if (have !== want) return null;
  }
  return entry;
}
