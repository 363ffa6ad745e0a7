// The photos worker as a process runs it (`syncoxide worker photos`): engines from the config,
// providers opened from the stored (encrypted) remote credentials, renditions in the cache
// folder the gateway serves from.
import { join } from 'node:path';
import { type Config, createLogger, type Logger } from '@syncoxide/core';
import { createGraphDriver, createGraphStore } from '@syncoxide/graph';
import {
  createProvider,
  KeyRing,
  loadSecretKey,
  type Provider,
  RemoteCredentialStore,
} from '@syncoxide/sync';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { FolderStore } from '../cache/folder-store.js';
import { LibraryRepository } from '../library/library.repository.js';
import { PhotoConsumer } from './photo-worker.js';

/** Where renditions live on this machine; the gateway serves from the same folder. */
export function photosCacheDir(config: Config): string {
  return join(config.home, 'cache', 'photos');
}

/** Opens each (owner, remote) provider once and keeps it, like the gateway's pool. */
export class ProviderCache {
  private readonly open = new Map<string, Promise<Provider>>();

  constructor(private readonly credentials: RemoteCredentialStore) {}

  get(ownerId: string, remoteId: string): Promise<Provider> {
    const key = `${ownerId}\u0000${remoteId}`;
    let p = this.open.get(key);
    if (!p) {
      p = this.credentials.load(ownerId, remoteId).then((config) => createProvider(config));
      p.catch(() => this.open.delete(key));
      this.open.set(key, p);
    }
    return p;
  }

  async closeAll(): Promise<void> {
    const all = [...this.open.values()];
    this.open.clear();
    await Promise.all(all.map((p) => p.then((provider) => provider.close()).catch(() => {})));
  }
}

export async function photoWorkerFromConfig(
  config: Config,
  options: { logger?: Logger; pgSchema?: string } = {},
): Promise<{ consumer: PhotoConsumer; close(): Promise<void> }> {
  const logger = options.logger ?? createLogger('photos', { level: config.logLevel });
  const driver = createGraphDriver(config);
  const database = config.neo4j.database;
  const graph = createGraphStore({ driver, database, logger });
  const pool = new pg.Pool({ connectionString: config.postgres.url, max: 4 });
  const credentials = new RemoteCredentialStore(pool, new KeyRing(await loadSecretKey(config)), {
    schema: options.pgSchema ?? 'syncoxide',
  });
  const providers = new ProviderCache(credentials);
  const library = new LibraryRepository({ driver, database });
  const kafka = new Kafka({
    clientId: `${config.kafka.clientId}-photos`,
    brokers: config.kafka.brokers,
    logLevel: logLevel.WARN,
  });
  const consumer = new PhotoConsumer({
    kafka,
    topicPrefix: config.kafka.topicPrefix,
    graph,
    logger,
    deps: {
      providerFor: (remoteId, _path, ownerId) => providers.get(ownerId, remoteId),
      store: new FolderStore(photosCacheDir(config)),
      hideLocation: (ownerId) => library.hideLocation(ownerId),
      logger,
    },
  });
  return {
    consumer,
    async close() {
      await consumer.stop();
      await providers.closeAll();
      await pool.end();
      await driver.close();
    },
  };
}
