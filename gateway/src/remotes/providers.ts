// One provider per (owner, remote) per process, built from the stored (encrypted) config and
// kept open: connections (SFTP sessions, S3 clients) are expensive to open per request.
import { SyncoxideError } from '@syncoxide/core';
import type { Provider, RemoteConfig } from '@syncoxide/sync';
import { createProvider, type RemoteCredentialStore } from './sync-adapter.js';

export class ProviderPool {
  private readonly open = new Map<string, Promise<Provider>>();

  constructor(private readonly credentials: RemoteCredentialStore) {}

  /** The owner's provider of a remote; another owner's remote is NOT_FOUND. */
  get(ownerId: string, remoteId: string): Promise<Provider> {
    const key = `${ownerId}\u0000${remoteId}`;
    let p = this.open.get(key);
    if (!p) {
      p = this.credentials.load(ownerId, remoteId).then((config: RemoteConfig) => createProvider(config));
      // A failed open is not cached: the next request tries again.
      p.catch(() => this.open.delete(key));
      this.open.set(key, p);
    }
    return p;
  }

  async drop(ownerId: string, remoteId: string): Promise<void> {
    const key = `${ownerId}\u0000${remoteId}`;
    const p = this.open.get(key);
    this.open.delete(key);
    await p?.then((provider) => provider.close()).catch(() => {});
  }

  async closeAll(): Promise<void> {
    const all = [...this.open.values()];
    this.open.clear();
    await Promise.all(all.map((p) => p.then((provider) => provider.close()).catch(() => {})));
  }
}

/** Runs `work` with a deadline; a provider that hangs is reported, not waited on forever. */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SyncoxideError('TIMEOUT', `${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
