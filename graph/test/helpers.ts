// Shared set-up of the graph's integration tests: the real Neo4j and Kafka from the config,
// unique owner/remote ids and topic prefixes per test, and clean-up of what a test created.
import { createHash } from 'node:crypto';
import { after } from 'node:test';
import { createLogger, loadConfig, newId, uniqueName } from '@syncoxide/core';
import { Kafka, logLevel } from 'kafkajs';
import type { Driver } from 'neo4j-driver';
import { createGraphDriver, createGraphStore, type GraphStore, type ProviderEntry } from '../src/index.js';

export const config = loadConfig();
export const logger = createLogger('graph-test', { level: 'silent' });
/** This test process's outbox lane: relays of other processes (a running worker) leave it alone. */
export const LANE = uniqueName('graph-test');

let driver: Driver | null = null;
let migrated: Promise<unknown> | null = null;
const owners: string[] = [];

export function testDriver(): Driver {
  if (!driver) {
    driver = createGraphDriver(config);
    after(async () => {
      await cleanup(owners);
      await driver?.close();
    });
  }
  return driver;
}

export async function newStore(options: { onEvents?: (n: number) => void } = {}): Promise<GraphStore> {
  const store = createGraphStore({
    driver: testDriver(),
    database: config.neo4j.database,
    logger,
    outboxLane: LANE,
    ...options,
  });
  migrated ??= store.migrate();
  await migrated;
  return store;
}

/** A fresh owner (cleaned up after the file's tests) with one remote. */
export async function newOwner(store: GraphStore, caps: { stableIds?: boolean } = {}) {
  const ownerId = `user-${newId()}`;
  owners.push(ownerId);
  await store.upsertUser({ id: ownerId, email: `${ownerId}@example.test`, name: 'Test' });
  const remote = await store.upsertRemote({
    ownerId,
    type: 'local',
    name: 'Disk',
    root: '/tmp/x',
    capabilities: { hashes: ['md5', 'sha1'], modtime: true, stableIds: caps.stableIds ?? false },
  });
  return { ownerId, remoteId: remote.id };
}

export function newKafka(): Kafka {
  return new Kafka({
    clientId: uniqueName('graph-test'),
    brokers: config.kafka.brokers,
    logLevel: logLevel.NOTHING,
  });
}

export function topicPrefix(): string {
  return `${uniqueName('graphtest')}.`;
}

export function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

export function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** A file entry whose size and hashes come from `content`. */
export function file(path: string, content = path, over: Partial<ProviderEntry> = {}): ProviderEntry {
  return {
    path,
    kind: 'file',
    size: Buffer.byteLength(content),
    mtime: 1_700_000_000_000,
    hashes: { md5: md5(content), sha1: sha1(content) },
    providerId: null,
    etag: null,
    ...over,
  };
}

export function folder(path: string, over: Partial<ProviderEntry> = {}): ProviderEntry {
  return {
    path,
    kind: 'folder',
    size: 0,
    mtime: 1_700_000_000_000,
    hashes: {},
    providerId: null,
    etag: null,
    ...over,
  };
}

export async function* slowly<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

/** Outbox events of one owner, oldest first, parsed. */
export async function outboxEvents(ownerId: string) {
  const result = await testDriver().executeQuery(
    'MATCH (o:Outbox {ownerId: $ownerId}) RETURN o.payload AS p ORDER BY o.ts, o.seq',
    { ownerId },
    { database: config.neo4j.database },
  );
  return result.records.map((r) => JSON.parse(r.get('p') as string));
}

/** Removes everything the owners had, outbox included. */
export async function cleanup(ownerIds: string[]): Promise<void> {
  if (!driver) return;
  const store = createGraphStore({ driver, database: config.neo4j.database, logger });
  for (const ownerId of ownerIds) await store.dropOwnerData(ownerId);
}
