// Shared by the indexer's integration tests: real engines, unique names per test, cleanup.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@opensearch-project/opensearch';
import {
  createLogger,
  GRAPH_DIFF_SCHEMA,
  GRAPH_DIFF_VERSION,
  type GraphDiffEvent,
  type Logger,
  loadConfig,
  type NodeState,
  newId,
  uniqueName,
} from '@syncoxide/core';
import type { Kafka } from 'kafkajs';
import { createSearchClient } from '../src/client.js';
import type { FileDocument } from '../src/document.js';
import { dropFilesIndexes } from '../src/indexes.js';
import { createKafka } from '../src/kafka.js';
import { deadLetterTopic, filesAlias, graphDiffTopic } from '../src/names.js';

export const config = loadConfig();
export const quiet: Logger = createLogger('indexer-test', {
  level: process.env.SYNCOXIDE_TEST_LOG ?? 'silent',
});

export interface Names {
  topicPrefix: string;
  indexPrefix: string;
  topic: string;
  deadLetters: string;
  alias: string;
}

export function uniqueNames(label = 'ix'): Names {
  const base = uniqueName(label);
  const topicPrefix = `${base}.`;
  return {
    topicPrefix,
    indexPrefix: base,
    topic: graphDiffTopic(topicPrefix),
    deadLetters: deadLetterTopic(topicPrefix),
    alias: filesAlias(base),
  };
}

export function searchClient(url = config.opensearch.url): Client {
  return createSearchClient({ url, requestTimeoutMs: 10_000, maxRetries: 0 });
}

export function kafkaClient(brokers = config.kafka.brokers): Kafka {
  return createKafka({ brokers, clientId: 'indexer-test', logger: quiet });
}

export function state(overrides: Partial<NodeState> = {}): NodeState {
  const name = overrides.name ?? 'file.txt';
  return {
    kind: 'file',
    ownerId: 'u1',
    remoteId: 'r1',
    path: name,
    name,
    size: 1,
    mtime: 1_700_000_000_000,
    md5: null,
    sha1: null,
    mime: null,
    providerId: null,
    logicalId: null,
    starred: false,
    trashed: false,
    sharedWith: [],
    extra: {},
    ...overrides,
  };
}

export function diffEvent(
  nodeId: string,
  revision: number,
  overrides: Partial<NodeState> = {},
  kind: GraphDiffEvent['kind'] = revision === 1 ? 'created' : 'modified',
): GraphDiffEvent {
  return {
    schema: GRAPH_DIFF_SCHEMA,
    version: GRAPH_DIFF_VERSION,
    id: newId(),
    kind,
    nodeId,
    revision,
    previousPath: null,
    state: state(overrides),
    at: new Date(1_700_000_000_000 + revision * 1000).toISOString(),
    cause: { type: 'scan', ref: null },
  };
}

/** Produces events keyed by node id, as the graph's outbox relay does. */
export async function produce(
  kafka: Kafka,
  topic: string,
  events: Array<GraphDiffEvent | string>,
): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  try {
    for (let i = 0; i < events.length; i += 500) {
      await producer.send({
        topic,
        acks: -1,
        messages: events
          .slice(i, i + 500)
          .map((e) =>
            typeof e === 'string' ? { key: 'bad', value: e } : { key: e.nodeId, value: JSON.stringify(e) },
          ),
      });
    }
  } finally {
    await producer.disconnect();
  }
}

export async function waitFor<T>(
  check: () => Promise<T | undefined | false>,
  what: string,
  timeoutMs = 60_000,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      lastError = err;
    }
    await sleep(intervalMs);
  }
  throw new Error(
    `timed out waiting for ${what}${lastError ? ` (last error: ${(lastError as Error).message})` : ''}`,
  );
}

export interface IndexedDoc {
  doc: FileDocument;
  version: number;
}

/** Every document behind the alias (tombstones included), after a refresh. */
export async function allDocs(client: Client, indexPrefix: string): Promise<Map<string, IndexedDoc>> {
  const index = filesAlias(indexPrefix);
  await client.indices.refresh({ index });
  const out = new Map<string, IndexedDoc>();
  let after: unknown[] | undefined;
  for (;;) {
    const response = await client.search({
      index,
      body: {
        query: { match_all: {} },
        size: 5000,
        version: true,
        sort: [{ nodeId: 'asc' }],
        ...(after ? { search_after: after } : {}),
      } as never,
    });
    const hits = response.body.hits.hits as unknown as Array<{
      _id: string;
      _version: number;
      _source: FileDocument;
      sort: unknown[];
    }>;
    for (const h of hits) out.set(h._id, { doc: h._source, version: h._version });
    if (hits.length < 5000) return out;
    after = hits[hits.length - 1]!.sort;
  }
}

/** The final state per node of a set of events: what the index must end up holding. */
export function finalStates(events: GraphDiffEvent[]): Map<string, GraphDiffEvent> {
  const out = new Map<string, GraphDiffEvent>();
  for (const e of events) {
    const held = out.get(e.nodeId);
    if (!held || e.revision > held.revision) out.set(e.nodeId, e);
  }
  return out;
}

/**
 * Differences between the index and the expected final states; [] when identical. With
 * `liveOnly`, tombstones are not compared (an index rebuilt from the graph has none for files
 * deleted before), but no deleted file may be visible.
 */
export function compareWithEvents(
  indexed: Map<string, IndexedDoc>,
  final: Map<string, GraphDiffEvent>,
  options: { liveOnly?: boolean } = {},
): string[] {
  const docs = options.liveOnly ? new Map([...indexed].filter(([, d]) => !d.doc.deleted)) : indexed;
  const expected = options.liveOnly ? new Map([...final].filter(([, e]) => e.kind !== 'deleted')) : final;
  const problems: string[] = [];
  if (docs.size !== expected.size)
    problems.push(`index holds ${docs.size} documents, expected ${expected.size}`);
  for (const [nodeId, event] of expected) {
    const held = docs.get(nodeId);
    if (!held) problems.push(`${nodeId}: missing`);
    else if (held.version !== event.revision || held.doc.revision !== event.revision) {
      problems.push(
        `${nodeId}: revision ${held.doc.revision} (version ${held.version}), expected ${event.revision}`,
      );
    } else if (held.doc.deleted !== (event.kind === 'deleted'))
      problems.push(`${nodeId}: deleted flag wrong`);
    else if (held.doc.name !== event.state.name || held.doc.size !== event.state.size) {
      problems.push(`${nodeId}: content differs from its final event`);
    }
  }
  for (const nodeId of docs.keys()) if (!expected.has(nodeId)) problems.push(`${nodeId}: unexpected`);
  return problems.slice(0, 20);
}

export async function cleanup(client: Client, kafka: Kafka, names: Names): Promise<void> {
  await dropFilesIndexes(client, names.indexPrefix).catch(() => {});
  const admin = kafka.admin();
  try {
    await admin.connect();
    const existing = new Set(await admin.listTopics());
    const topics = [names.topic, names.deadLetters].filter((t) => existing.has(t));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } catch {
    // best effort: a test's unique names never collide with another's
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/** Seeded shuffle, so a failing order can be reproduced from the logged seed. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1664525 + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Events of `nodes` files, each created, modified a few times and maybe deleted. */
export function history(nodes: number, label = 'f'): GraphDiffEvent[] {
  const events: GraphDiffEvent[] = [];
  for (let n = 0; n < nodes; n++) {
    const id = `${label}-${n}`;
    const revisions = 1 + (n % 4);
    for (let r = 1; r <= revisions; r++)
      events.push(diffEvent(id, r, { name: `${id} v${r}.txt`, size: r * 10 }));
    if (n % 5 === 0)
      events.push(
        diffEvent(id, revisions + 1, { name: `${id} v${revisions}.txt`, size: revisions * 10 }, 'deleted'),
      );
  }
  return events;
}
