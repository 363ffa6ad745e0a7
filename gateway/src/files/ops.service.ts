// File operations: rename, move, copy, trash/restore/purge, folders, stars, internal links.
// The sync journal has no single-operation entry yet, so each provider step runs with a
// precondition (the destination must be absent; a deleted file must still be what the graph
// knows) and the graph is told the outcome through its change feed, as a watcher would.
import { Readable } from 'node:stream';
import { isSyncoxideError, SyncoxideError } from '@syncoxide/core';
import type { GraphStore, ProviderChange, StoredNode } from '@syncoxide/graph';
import { canCopy, type Entry, type Expected, type Provider } from '@syncoxide/sync';
import type { EventsService } from '../events/events.service.js';
import { notFound } from '../ids.js';
import type { ProviderPool } from '../remotes/providers.js';
import type { RemotesService } from '../remotes/remotes.service.js';
import { checkName } from '../validation.js';

/** Where something goes: a folder node, or a remote's root. */
export type Place = { kind: 'folder'; id: string } | { kind: 'remote'; id: string };

const join = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);
const dirOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));

export class FileOpsService {
  constructor(
    private readonly graph: GraphStore,
    private readonly providers: ProviderPool,
    private readonly remotes: RemotesService,
    private readonly events: EventsService,
  ) {}

  /** A node the caller owns (shared-with users may read, not change). */
  async owned(callerId: string, id: string): Promise<StoredNode> {
    const node = await this.graph.node(callerId, id).catch(() => null);
    if (!node || node.ownerId !== callerId) throw notFound('no such file or folder');
    return node;
  }

  /** A place the caller owns: its remote id and the folder path ('' for the root). */
  async place(
    callerId: string,
    place: Place,
  ): Promise<{ remoteId: string; path: string; parentId: string | null }> {
    if (place.kind === 'remote') {
      await this.remotes.get(callerId, place.id);
      return { remoteId: place.id, path: '', parentId: null };
    }
    const folder = await this.owned(callerId, place.id);
    if (folder.kind !== 'folder' || folder.trashed) throw notFound('no such folder');
    return { remoteId: folder.remoteId, path: folder.path, parentId: folder.id };
  }

  private provider(ownerId: string, remoteId: string): Promise<Provider> {
    return this.providers.get(ownerId, remoteId);
  }

  private async mustBeAbsent(p: Provider, path: string): Promise<void> {
    if (await p.stat(path))
      throw new SyncoxideError('ALREADY_EXISTS', 'something with that name is already there');
  }

  /** The graph learns what the provider now holds, like a watcher report. */
  private async tell(ownerId: string, remoteId: string, changes: ProviderChange[]): Promise<void> {
    await this.graph.applyChanges({ ownerId, remoteId, changes, cause: { type: 'user', ref: null } });
  }

  private upsert(path: string, entry: Entry): ProviderChange {
    return { type: 'upsert', path, entry };
  }

  async rename(callerId: string, id: string, name: string): Promise<StoredNode> {
    return this.relocate(callerId, id, null, checkName(name));
  }

  async move(callerId: string, id: string, to: Place): Promise<StoredNode> {
    return this.relocate(callerId, id, to, null);
  }

  private async relocate(
    callerId: string,
    id: string,
    to: Place | null,
    name: string | null,
  ): Promise<StoredNode> {
    const node = await this.owned(callerId, id);
    const target = to ? await this.place(callerId, to) : { remoteId: node.remoteId, path: dirOf(node.path) };
    if (target.remoteId !== node.remoteId) {
      throw new SyncoxideError('UNSUPPORTED', 'moving between remotes: copy, then delete the original');
    }
    if (node.kind === 'folder' && (target.path === node.path || target.path.startsWith(`${node.path}/`))) {
      throw new SyncoxideError('INVALID_INPUT', 'a folder cannot move into itself');
    }
    const from = node.path;
    const dest = join(target.path, name ?? node.name);
    if (dest === from) return node;
    const p = await this.provider(callerId, node.remoteId);
    await this.mustBeAbsent(p, dest);
    const entry = await p.move(from, dest, { overwrite: false });
    await this.tell(callerId, node.remoteId, [
      { type: 'delete', path: from, entry: null },
      this.upsert(dest, entry),
    ]);
    this.events.fileChanged(callerId, {
      change: 'moved',
      nodeId: node.id,
      remoteId: node.remoteId,
      path: dest,
    });
    return this.graph.node(callerId, node.id).catch(() => node);
  }

  /** Copies a file into a folder (any remote of the caller's), streamed provider to provider. */
  async copy(callerId: string, id: string, to: Place, name?: string | null): Promise<void> {
    const node = await this.owned(callerId, id);
    if (node.kind !== 'file') throw new SyncoxideError('UNSUPPORTED', 'folders are copied by a sync rule');
    const target = await this.place(callerId, to);
    const dest = join(target.path, checkName(name ?? node.name));
    const src = await this.provider(callerId, node.remoteId);
    const dst = await this.provider(callerId, target.remoteId);
    let entry: Entry;
    if (src === dst && canCopy(src)) {
      await this.mustBeAbsent(dst, dest);
      entry = await src.copy(node.path, dest);
    } else {
      const body = await src.read(node.path);
      entry = await dst.write(dest, body, {
        expect: { absent: true },
        ...(node.size !== null ? { size: node.size } : {}),
        ...(node.mtime !== null ? { mtime: node.mtime } : {}),
      });
    }
    await this.tell(callerId, target.remoteId, [this.upsert(dest, entry)]);
    this.events.fileChanged(callerId, {
      change: 'created',
      nodeId: null,
      remoteId: target.remoteId,
      path: dest,
    });
  }

  async createFolder(callerId: string, parent: Place, name: string): Promise<StoredNode> {
    const at = await this.place(callerId, parent);
    const folderName = checkName(name);
    const path = join(at.path, folderName);
    const p = await this.provider(callerId, at.remoteId);
    await this.mustBeAbsent(p, path);
    await p.mkdir(path);
    const node = await this.graph.createFolder({
      ownerId: callerId,
      remoteId: at.remoteId,
      parentId: at.parentId,
      name: folderName,
    });
    this.events.fileChanged(callerId, { change: 'created', nodeId: node.id, remoteId: at.remoteId, path });
    return node;
  }

  /** Writes a small file from bytes in hand (GraphQL clients; big files go through tus). */
  async writeSmall(callerId: string, parent: Place, name: string, bytes: Buffer): Promise<void> {
    const at = await this.place(callerId, parent);
    const path = join(at.path, checkName(name));
    const p = await this.provider(callerId, at.remoteId);
    const entry = await p.write(path, Readable.from([bytes]), {
      size: bytes.length,
      expect: { absent: true },
    });
    await this.tell(callerId, at.remoteId, [this.upsert(path, entry)]);
  }

  async trash(callerId: string, id: string): Promise<StoredNode> {
    await this.owned(callerId, id);
    const node = await this.graph.trash(callerId, id);
    this.events.fileChanged(callerId, {
      change: 'trashed',
      nodeId: id,
      remoteId: node.remoteId,
      path: node.path,
    });
    return node;
  }

  async restore(callerId: string, id: string): Promise<StoredNode> {
    await this.owned(callerId, id);
    const node = await this.graph.restore(callerId, id);
    this.events.fileChanged(callerId, {
      change: 'restored',
      nodeId: id,
      remoteId: node.remoteId,
      path: node.path,
    });
    return node;
  }

  /** Deletes a trashed item on its provider (if it is still what the graph knows), then from the graph. */
  async purge(callerId: string, id: string): Promise<void> {
    const node = await this.owned(callerId, id);
    if (!node.trashed) throw notFound('no such item in the trash');
    const p = await this.provider(callerId, node.remoteId);
    const expect: Expected =
      node.kind === 'file' && node.size !== null
        ? { size: node.size, ...(node.md5 ? { md5: node.md5 } : {}) }
        : {};
    try {
      await p.delete(node.trashedPath ?? node.path, { expect });
    } catch (err) {
      if (!isSyncoxideError(err, 'NOT_FOUND')) throw err;
    }
    await this.graph.purge(callerId, id);
    this.events.fileChanged(callerId, {
      change: 'deleted',
      nodeId: id,
      remoteId: node.remoteId,
      path: node.path,
    });
  }

  async setStarred(callerId: string, id: string, starred: boolean): Promise<StoredNode> {
    await this.owned(callerId, id);
    await (starred ? this.graph.star(callerId, id) : this.graph.unstar(callerId, id));
    const node = await this.graph.node(callerId, id);
    this.events.fileChanged(callerId, {
      change: 'starred',
      nodeId: id,
      remoteId: node.remoteId,
      path: node.path,
    });
    return node;
  }

  async link(callerId: string, fromId: string, toId: string, note: string | null) {
    if (note !== null && note.length > 1000)
      throw new SyncoxideError('INVALID_INPUT', 'note is over 1000 characters');
    await this.owned(callerId, fromId);
    await this.owned(callerId, toId);
    return this.graph.linkFiles(callerId, fromId, toId, note);
  }
}
