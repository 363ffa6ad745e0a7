// File operations: rename, move, copy, trash/restore/purge, folders, stars, internal links.
// Those that touch a provider (move, copy, new folder, purge) are written to the file-ops
// journal first and run with a precondition (the destination must be absent; a deleted file
// must still be what the graph knows); the graph is told the outcome through its change feed,
// as a watcher would. Trash, restore, stars and links change only the graph, in one transaction.
import { Readable } from 'node:stream';
import { isSyncoxideError, SyncoxideError } from '@syncoxide/core';
import type { GraphStore, ProviderChange, StoredNode } from '@syncoxide/graph';
import { canCopy, canSweepUploads, type Entry, type Expected, type Provider } from '@syncoxide/sync';
import type { EventsService } from '../events/events.service.js';
import { notFound } from '../ids.js';
import type { ProviderPool } from '../remotes/providers.js';
import type { RemotesService } from '../remotes/remotes.service.js';
import { checkName } from '../validation.js';
import type { FileOpKind, FileOpSpec, FileOpsJournal } from './ops.journal.js';

/**
 * Does a journaled operation of a kind owned elsewhere (a photo edit), from whatever state the
 * provider is in: `recovering` is true when a crash interrupted it and recovery finishes it.
 */
export type FileOpHandler = (spec: FileOpSpec, recovering: boolean) => Promise<void>;

/** Where something goes: a folder node, or a remote's root. */
export type Place = { kind: 'folder'; id: string } | { kind: 'remote'; id: string };

const join = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);
const dirOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));

export class FileOpsService {
  private readonly handlers = new Map<FileOpKind, FileOpHandler>();

  constructor(
    private readonly graph: GraphStore,
    private readonly providers: ProviderPool,
    private readonly remotes: RemotesService,
    private readonly events: EventsService,
    private readonly journal: FileOpsJournal,
  ) {}

  /** Who does (and recovers) operations of a kind this service does not know itself. */
  handle(kind: FileOpKind, handler: FileOpHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Runs an operation of a handled kind through the journal (row first, closed when done). */
  async journaled(spec: FileOpSpec): Promise<void> {
    await this.journal.run(spec, () => this.apply(spec, false));
  }

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
    const dest = join(target.path, name ?? node.name);
    if (dest === node.path) return node;
    const spec: FileOpSpec = {
      kind: 'move',
      ownerId: callerId,
      remoteId: node.remoteId,
      path: node.path,
      toPath: dest,
    };
    await this.journal.run(spec, () => this.apply(spec, false));
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
    const spec: FileOpSpec = {
      kind: 'copy',
      ownerId: callerId,
      remoteId: node.remoteId,
      path: node.path,
      toRemoteId: target.remoteId,
      toPath: dest,
      expect: node.size !== null ? { size: node.size, ...(node.md5 ? { md5: node.md5 } : {}) } : {},
    };
    await this.journal.run(spec, () => this.apply(spec, false));
    this.events.fileChanged(callerId, {
      change: 'created',
      nodeId: null,
      remoteId: target.remoteId,
      path: dest,
    });
  }

  async createFolder(callerId: string, parent: Place, name: string): Promise<StoredNode> {
    const at = await this.place(callerId, parent);
    const path = join(at.path, checkName(name));
    const spec: FileOpSpec = {
      kind: 'mkdir',
      ownerId: callerId,
      remoteId: at.remoteId,
      path,
      nodeId: at.parentId,
    };
    const node = await this.journal.run(spec, () => this.apply(spec, false));
    this.events.fileChanged(callerId, {
      change: 'created',
      nodeId: node?.id ?? null,
      remoteId: at.remoteId,
      path,
    });
    return node ?? this.graph.node(callerId, at.parentId ?? at.remoteId);
  }

  /**
   * Does what a journaled operation asks, from whatever state the provider is in: the first
   * time (`recovering` false) the usual preconditions hold; after a crash, a step that already
   * happened is recognised and only the rest is done. Returns the new folder for mkdir.
   */
  private async apply(spec: FileOpSpec, recovering: boolean): Promise<StoredNode | null> {
    const { ownerId, remoteId, path } = spec;
    const p = await this.provider(ownerId, remoteId);
    switch (spec.kind) {
      case 'move': {
        const to = spec.toPath!;
        const [src, dst] = await Promise.all([p.stat(path), p.stat(to)]);
        let entry: Entry;
        if (src && !dst) entry = await p.move(path, to, { overwrite: false });
        else if (!src && dst && recovering) entry = dst;
        else if (dst) throw new SyncoxideError('ALREADY_EXISTS', 'something with that name is already there');
        else throw new SyncoxideError('NOT_FOUND', 'the item is no longer on its remote', { path });
        await this.tell(ownerId, remoteId, [{ type: 'delete', path, entry: null }, this.upsert(to, entry)]);
        return null;
      }
      case 'copy': {
        const to = spec.toPath!;
        const toRemote = spec.toRemoteId!;
        const dst = await this.provider(ownerId, toRemote);
        const there = await dst.stat(to);
        let entry: Entry;
        if (there && recovering && sameContent(there, spec.expect)) entry = there;
        else if (there)
          throw new SyncoxideError('ALREADY_EXISTS', 'something with that name is already there');
        else if (p === dst && canCopy(p)) entry = await p.copy(path, to);
        else {
          const source = await p.stat(path);
          if (!source) throw new SyncoxideError('NOT_FOUND', 'the file is no longer on its remote', { path });
          if (!sameContent(source, spec.expect)) {
            throw new SyncoxideError('PRECONDITION_FAILED', 'the file changed since it was listed', { path });
          }
          entry = await dst.write(to, await p.read(path), {
            expect: { absent: true },
            size: source.size,
            ...(source.mtime !== null ? { mtime: source.mtime } : {}),
          });
        }
        await this.tell(ownerId, toRemote, [this.upsert(to, entry)]);
        return null;
      }
      case 'mkdir': {
        const there = await p.stat(path);
        if (there && !recovering)
          throw new SyncoxideError('ALREADY_EXISTS', 'something with that name is already there');
        if (!there) await p.mkdir(path);
        try {
          return await this.graph.createFolder({
            ownerId,
            remoteId,
            parentId: spec.nodeId ?? null,
            name: path.slice(path.lastIndexOf('/') + 1),
          });
        } catch (err) {
          if (recovering && isSyncoxideError(err, 'ALREADY_EXISTS')) return null;
          throw err;
        }
      }
      case 'edit': {
        const handler = this.handlers.get(spec.kind);
        if (!handler) throw new SyncoxideError('UNSUPPORTED', `no handler for ${spec.kind} operations`);
        await handler(spec, recovering);
        return null;
      }
      case 'purge': {
        try {
          await p.delete(path, spec.expect ? { expect: spec.expect } : {});
        } catch (err) {
          if (!isSyncoxideError(err, 'NOT_FOUND')) throw err;
        }
        try {
          await this.graph.purge(ownerId, spec.nodeId!);
        } catch (err) {
          if (!(recovering && isSyncoxideError(err, 'NOT_FOUND'))) throw err;
        }
        return null;
      }
    }
  }

  /**
   * Finishes operations whose process died mid-way (their lease ran out). Run at start and
   * then periodically; safe from several gateways at once (rows are claimed SKIP LOCKED).
   */
  async recover(
    options: { log?: (msg: string, op: FileOpSpec, error?: unknown) => void; staleMs?: number } = {},
  ): Promise<number> {
    const { log, staleMs = 60_000 } = options;
    let finished = 0;
    for (let row = await this.journal.claimAbandoned(); row; row = await this.journal.claimAbandoned()) {
      try {
        if (row.spec.kind === 'copy') await this.sweepTemps(row.spec, staleMs);
        await this.apply(row.spec, true);
        await this.journal.close(row.id, 'done', null);
        log?.('finished an interrupted file operation', row.spec);
        finished++;
      } catch (err) {
        // Retriable trouble (a remote offline) leaves the row for a later pass; anything else is final.
        if (isSyncoxideError(err) && err.retriable && row.attempts < 20) continue;
        await this.journal.close(row.id, 'failed', err instanceof Error ? err.message : String(err));
        log?.('an interrupted file operation could not be finished', row.spec, err);
      }
    }
    return finished;
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

  /** A killed copy leaves its temporary upload in the destination folder: remove the stale ones. */
  private async sweepTemps(spec: FileOpSpec, staleMs: number): Promise<void> {
    const dst = await this.provider(spec.ownerId, spec.toRemoteId!);
    if (!canSweepUploads(dst)) return;
    await dst.sweepUploads([dirOf(spec.toPath!)], { before: Date.now() - staleMs, keep: [] });
  }

  /** Deletes a trashed item on its provider (if it is still what the graph knows), then from the graph. */
  async purge(callerId: string, id: string): Promise<void> {
    const node = await this.owned(callerId, id);
    if (!node.trashed) throw notFound('no such item in the trash');
    const spec: FileOpSpec = {
      kind: 'purge',
      ownerId: callerId,
      remoteId: node.remoteId,
      path: node.trashedPath ?? node.path,
      nodeId: id,
      ...(node.kind === 'file' && node.size !== null
        ? { expect: { size: node.size, ...(node.md5 ? { md5: node.md5 } : {}) } }
        : {}),
    };
    await this.journal.run(spec, () => this.apply(spec, false));
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

/** Whether an entry still has the content a journaled operation expected (size, then MD5). */
function sameContent(entry: Entry, expect: Expected | undefined): boolean {
  if (!expect || expect.absent) return true;
  if (expect.size !== undefined && entry.size !== expect.size) return false;
  const md5 = entry.hashes?.md5;
  return !(expect.md5 && md5 && md5 !== expect.md5);
}
