// The real graph as the source of truth for end-to-end tests: a store on the shared Neo4j, an
// owner per test, listings that create, modify, move and delete, and the comparison of the
// index with the graph.
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { newId } from '@syncoxide/core';
import {
  createGraphDriver,
  createGraphStore,
  type GraphStore,
  iterateNodeStates,
  type ProviderEntry,
} from '@syncoxide/graph';
import { type FileDocument, toFileDocument } from '../src/document.js';
import { config, type IndexedDoc, quiet } from './helpers.js';

type Driver = ReturnType<typeof createGraphDriver>;

export interface GraphFixture {
  driver: Driver;
  store: GraphStore;
  owners: string[];
  close(): Promise<void>;
}

export async function openGraph(): Promise<GraphFixture> {
  const driver = createGraphDriver(config);
  const store = createGraphStore({ driver, database: config.neo4j.database, logger: quiet });
  await store.migrate();
  const owners: string[] = [];
  return {
    driver,
    store,
    owners,
    async close() {
      for (const ownerId of owners) await store.dropOwnerData(ownerId).catch(() => {});
      await driver.close();
    },
  };
}

export async function newOwner(graph: GraphFixture): Promise<{ ownerId: string; remoteId: string }> {
  const ownerId = `user-${newId()}`;
  graph.owners.push(ownerId);
  await graph.store.upsertUser({ id: ownerId, email: `${ownerId}@example.test`, name: 'Indexer test' });
  const remote = await graph.store.upsertRemote({
    ownerId,
    type: 'local',
    name: 'Disk',
    root: '/tmp/indexer-test',
    capabilities: { hashes: ['md5', 'sha1'], modtime: true, stableIds: false },
  });
  return { ownerId, remoteId: remote.id };
}

const hash = (algo: string, text: string) => createHash(algo).update(text).digest('hex');

function file(path: string, content: string): ProviderEntry {
  return {
    path,
    kind: 'file',
    size: Buffer.byteLength(content),
    mtime: 1_700_000_000_000 + content.length * 1000,
    hashes: { md5: hash('md5', content), sha1: hash('sha1', content) },
    providerId: null,
    etag: null,
  };
}

function folders(count: number): ProviderEntry[] {
  const out: ProviderEntry[] = [];
  for (let d = 0; d < count; d++) {
    out.push({
      path: `dir-${d}`,
      kind: 'folder',
      size: 0,
      mtime: null,
      hashes: {},
      providerId: null,
      etag: null,
    });
    for (let s = 0; s < 3; s++) {
      out.push({
        path: `dir-${d}/sub-${s}`,
        kind: 'folder',
        size: 0,
        mtime: null,
        hashes: {},
        providerId: null,
        etag: null,
      });
    }
  }
  return out;
}

const pathOf = (i: number, name = `file-${i}.txt`) => `dir-${i % 10}/sub-${i % 3}/${name}`;

/** The first scan: `n` files in 10 folders of 3 subfolders each. */
export function firstListing(n: number): ProviderEntry[] {
  const files: ProviderEntry[] = [];
  for (let i = 0; i < n; i++) files.push(file(pathOf(i), `content ${i}`));
  return [...folders(10), ...files];
}

/**
 * The next scan: the last 50 files gone, every 4th modified, every 10th (+1) renamed with the
 * same content (a move), 50 new files.
 */
export function secondListing(n: number): ProviderEntry[] {
  const files: ProviderEntry[] = [];
  for (let i = 0; i < n - 50; i++) {
    const content = i % 4 === 0 ? `content ${i} changed` : `content ${i}`;
    files.push(file(i % 10 === 1 ? pathOf(i, `renamed-${i}.txt`) : pathOf(i), content));
  }
  for (let i = n; i < n + 50; i++) files.push(file(pathOf(i), `new content ${i}`));
  return [...folders(10), ...files];
}

/** Yields entries with a pause every `every`, so an ingest spans a few seconds. */
export async function* slowly<T>(items: T[], every: number, pauseMs: number): AsyncGenerator<T> {
  let i = 0;
  for (const item of items) {
    yield item;
    if (++i % every === 0) await sleep(pauseMs);
  }
}

/** Stars, trashes and shares a few nodes: per-node and subtree metadata events. */
export async function userActions(graph: GraphFixture, ownerId: string): Promise<void> {
  const nodes: Array<{ nodeId: string; path: string }> = [];
  for await (const n of iterateNodeStates(
    { driver: graph.driver, database: config.neo4j.database },
    { ownerId },
  )) {
    nodes.push({ nodeId: n.nodeId, path: n.state.path });
  }
  const byPath = new Map(nodes.map((n) => [n.path, n.nodeId]));
  for (const i of [2, 3, 5]) await graph.store.star(ownerId, byPath.get(pathOf(i))!);
  await graph.store.trash(ownerId, byPath.get(pathOf(7))!);
  await graph.store.trash(ownerId, byPath.get('dir-9/sub-2')!);
  const grantee = `user-${newId()}`;
  graph.owners.push(grantee);
  await graph.store.upsertUser({ id: grantee, email: `${grantee}@example.test`, name: 'Grantee' });
  await graph.store.createShare({ ownerId, nodeId: byPath.get('dir-3')!, type: 'user', granteeId: grantee });
}

export async function graphNodes(graph: GraphFixture, ownerId: string) {
  const out = new Map<string, { revision: number; doc: FileDocument }>();
  for await (const n of iterateNodeStates(
    { driver: graph.driver, database: config.neo4j.database },
    { ownerId },
  )) {
    out.set(n.nodeId, { revision: n.revision, doc: toFileDocument(n.nodeId, n.revision, n.state) });
  }
  return out;
}

// Fields that come from the graph's state; changedAt/deletedAt come from events only.
const COMPARED: Array<keyof FileDocument> = [
  'kind',
  'ownerId',
  'remoteId',
  'name',
  'path',
  'extension',
  'category',
  'mime',
  'size',
  'mtime',
  'md5',
  'sha1',
  'providerId',
  'logicalId',
  'starred',
  'trashed',
  'revision',
];

/**
 * Differences between the index and the graph; [] when identical: every graph node indexed
 * live with its revision (as the version too) and content, nothing else live; tombstones only
 * for nodes the graph no longer has.
 */
export function compareWithGraph(
  indexed: Map<string, IndexedDoc>,
  graph: Map<string, { revision: number; doc: FileDocument }>,
): string[] {
  const problems: string[] = [];
  const live = [...indexed].filter(([, d]) => !d.doc.deleted);
  if (live.length !== graph.size)
    problems.push(`index has ${live.length} live documents, graph ${graph.size} nodes`);
  for (const [nodeId, expected] of graph) {
    const held = indexed.get(nodeId);
    if (!held) problems.push(`${nodeId} (${expected.doc.path}): missing`);
    else if (held.doc.deleted) problems.push(`${nodeId} (${expected.doc.path}): tombstone, but in the graph`);
    else if (held.version !== expected.revision) {
      problems.push(`${nodeId}: version ${held.version}, graph revision ${expected.revision}`);
    } else {
      for (const field of COMPARED) {
        if (JSON.stringify(held.doc[field]) !== JSON.stringify(expected.doc[field])) {
          problems.push(
            `${nodeId}.${field}: ${JSON.stringify(held.doc[field])} ≠ ${JSON.stringify(expected.doc[field])}`,
          );
        }
      }
      if ([...held.doc.sharedWith].sort().join() !== [...expected.doc.sharedWith].sort().join()) {
        problems.push(`${nodeId}.sharedWith differs`);
      }
    }
  }
  for (const [nodeId] of live)
    if (!graph.has(nodeId)) problems.push(`${nodeId}: live in the index, not in the graph`);
  return problems.slice(0, 20);
}
