// Remotes: connect (validated by really connecting, then stored encrypted and registered in the
// graph, then scanned), test, rescan, remove, and their live status. Every call is scoped to
// the caller; another owner's remote answers exactly like a missing one.
import { resolve, sep } from 'node:path';
import { isSyncoxideError, SyncoxideError } from '@syncoxide/core';
import type { GraphStore, IngestStats, RemoteRecord } from '@syncoxide/graph';
import type { Provider, RemoteConfig } from '@syncoxide/sync';
import { z } from 'zod';
import type { EventsService } from '../events/events.service.js';
import { notFound } from '../ids.js';
import { invalidInput } from '../validation.js';
import { type ProviderPool, withTimeout } from './providers.js';
import { createProvider, parseRemoteConfig, type RemoteCredentialStore } from './sync-adapter.js';

const CONNECT_TIMEOUT_MS = 15_000;

export const ConnectRemoteInput = z.object({
  name: z.string().trim().min(1, 'name is required').max(100, 'name is longer than 100 characters'),
  config: z.record(z.unknown()),
});

export interface RemoteStatus {
  connected: boolean;
  error: string | null;
  used: number | null;
  free: number | null;
  total: number | null;
}

export interface RemotesDeps {
  graph: GraphStore;
  credentials: RemoteCredentialStore;
  providers: ProviderPool;
  events: EventsService;
  /** Folders of this machine that users may connect as local remotes (and anything below). */
  localRoots: string[];
}

export class RemotesService {
  constructor(private readonly d: RemotesDeps) {}

  private checkLocalRoot(config: RemoteConfig): void {
    if (config.type !== 'local') return;
    const root = resolve(config.root);
    const allowed = this.d.localRoots.some((r) => root === resolve(r) || root.startsWith(resolve(r) + sep));
    if (!allowed) {
      throw new SyncoxideError(
        'PERMISSION_DENIED',
        'local remotes must be inside a folder the gateway allows',
      );
    }
  }

  /** Connects with the config and lists the root: credentials that do not work are refused. */
  async probe(input: unknown): Promise<{ config: RemoteConfig; provider: Provider }> {
    const config = parseRemoteConfig(input);
    this.checkLocalRoot(config);
    const provider = await createProvider(config);
    try {
      await withTimeout(
        (async () => {
          const root = await provider.stat('');
          if (root && root.kind !== 'folder')
            throw new SyncoxideError('INVALID_INPUT', 'the root is not a folder');
          for await (const _ of provider.list('', { recursive: false })) break;
        })(),
        CONNECT_TIMEOUT_MS,
        'connecting',
      );
      return { config, provider };
    } catch (err) {
      await provider.close().catch(() => {});
      throw connectError(err);
    }
  }

  async test(input: unknown): Promise<RemoteStatus> {
    try {
      const { provider } = await this.probe(input);
      try {
        return { connected: true, error: null, ...(await usageOf(provider)) };
      } finally {
        await provider.close().catch(() => {});
      }
    } catch (err) {
      if (isSyncoxideError(err) && err.code === 'INVALID_INPUT') throw err;
      return { connected: false, error: (err as Error).message, used: null, free: null, total: null };
    }
  }

  async connect(ownerId: string, raw: { name: string; config?: unknown }) {
    const input = invalidInput(ConnectRemoteInput, raw);
    const { config, provider } = await this.probe(input.config);
    await provider.close().catch(() => {});
    await this.d.graph.upsertUser({ id: ownerId });
    const caps = provider.capabilities;
    const remote = await this.d.graph.upsertRemote({
      ownerId,
      type: config.type,
      name: input.name,
      root: 'root' in config ? String(config.root) : '',
      capabilities: { hashes: caps.hashes, modtime: caps.modtime.supported, stableIds: caps.stableIds },
    });
    await this.d.credentials.save(ownerId, remote.id, config);
    const scan = await this.scan(ownerId, remote.id);
    this.d.events.notify(ownerId, 'remote.connected', `${input.name} connected: ${scan.entries} entries`);
    return { remote, scan };
  }

  /** A complete listing folded into the graph (creates, changes, moves, deletes). */
  async scan(ownerId: string, remoteId: string): Promise<IngestStats> {
    const remote = await this.get(ownerId, remoteId);
    const provider = await this.d.providers.get(ownerId, remote.id);
    const stats = await this.d.graph.ingestListing({
      ownerId,
      remoteId: remote.id,
      entries: provider.list(''),
      complete: true,
    });
    this.d.events.fileChanged(ownerId, { change: 'updated', nodeId: null, remoteId, path: '' });
    return stats;
  }

  /** Remotes with stored credentials: a removed remote keeps no credentials and is not listed. */
  async list(ownerId: string): Promise<RemoteRecord[]> {
    const [remotes, stored] = await Promise.all([
      this.d.graph.listRemotes(ownerId),
      this.d.credentials.list(ownerId),
    ]);
    const live = new Set(stored.map((s) => s.remoteId));
    return remotes.filter((r) => live.has(r.id));
  }

  async get(ownerId: string, remoteId: string): Promise<RemoteRecord> {
    const remote = (await this.list(ownerId)).find((r) => r.id === remoteId);
    if (!remote) throw notFound();
    return remote;
  }

  /**
   * Forgets a remote: its files leave the graph (and so search) through an empty complete
   * listing, then its credentials go. The provider's files are untouched.
   */
  async remove(ownerId: string, remoteId: string): Promise<void> {
    await this.get(ownerId, remoteId);
    await this.d.graph.ingestListing({ ownerId, remoteId, entries: [], complete: true });
    await this.d.providers.drop(ownerId, remoteId);
    await this.d.credentials.delete(ownerId, remoteId);
    this.d.events.notify(ownerId, 'remote.removed', 'remote removed');
  }

  async status(ownerId: string, remoteId: string): Promise<RemoteStatus> {
    try {
      const provider = await this.d.providers.get(ownerId, remoteId);
      await withTimeout(provider.stat(''), 5000, 'status');
      return { connected: true, error: null, ...(await usageOf(provider)) };
    } catch (err) {
      return { connected: false, error: (err as Error).message, used: null, free: null, total: null };
    }
  }
}

async function usageOf(provider: Provider) {
  const usage = await withTimeout(provider.usage(), 5000, 'usage').catch(() => null);
  return { used: usage?.used ?? null, free: usage?.free ?? null, total: usage?.total ?? null };
}

/** A failed connection is the caller's input problem (bad host, key, bucket), said plainly. */
function connectError(err: unknown): SyncoxideError {
  if (isSyncoxideError(err) && ['INVALID_INPUT', 'PERMISSION_DENIED'].includes(err.code)) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new SyncoxideError('INVALID_INPUT', `cannot connect with these settings: ${message}`);
}
