// `npm run bench -- ingest [--size N] [--batch B]`: files per second through the change
// pipeline on a generated tree of N small real files (default 100,000): scan with the local
// provider (walk + MD5 + SHA1), ingest into the graph, relay the outbox to Kafka, index into
// OpenSearch until every file is searchable; plus an unchanged re-ingest, and
// `rclone lsjson -R --hash` on the same tree as the peer. Stages run one after the other, so
// each rate is that stage alone; end to end is their sum.
import { join } from 'node:path';
import { createLogger, loadConfig, newId, uniqueName } from '@syncoxide/core';
import { createGraphDriver, createGraphStore, OutboxRelay, type ProviderEntry } from '@syncoxide/graph';
import {
  createSearchClient,
  deadLetterTopic,
  dropFilesIndexes,
  filesAlias,
  GraphDiffIndexer,
  graphDiffTopic,
} from '@syncoxide/indexer';
import { Kafka, logLevel } from 'kafkajs';
import { benchArgs, printResult, printTable, timed } from '../report.js';
import { rcloneLsjson } from './rclone.js';
import { lister, scan } from './scan.js';
import { ensureTree } from './tree.js';

const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);

async function collect(
  root: string,
  list: Awaited<ReturnType<typeof lister>>['list'],
): Promise<ProviderEntry[]> {
  const out: ProviderEntry[] = [];
  for await (const e of scan(root, list)) out.push(e);
  return out;
}

export async function run(args: string[]): Promise<void> {
  const { size, values } = benchArgs(args, { size: 100_000 });
  const batchSize = Number(values.batch ?? 2000);
  const config = loadConfig();
  const logger = createLogger('bench-ingest', { level: 'warn' });

  const gen = await timed(() => ensureTree(join(config.home, 'bench'), size));
  const tree = gen.value;
  console.log(
    `tree: ${tree.files} files in ${tree.folders} folders, ${(tree.bytes / 1e6).toFixed(1)} MB at ${tree.root}`,
  );

  const { name: listerName, list } = await lister();
  console.log(`scan lists with the ${listerName}`);
  // Warm the page cache once, so ours and rclone both read from memory.
  await collect(tree.root, list);
  const scanned = await timed(() => collect(tree.root, list));
  const entries = scanned.value;
  const files = entries.filter((e) => e.kind === 'file').length;
  const rclone = await timed(() => rcloneLsjson(tree.root));

  const driver = createGraphDriver(config);
  const kafka = new Kafka({
    clientId: uniqueName('bench'),
    brokers: config.kafka.brokers,
    logLevel: logLevel.NOTHING,
  });
  const search = createSearchClient({ url: config.opensearch.url });
  const topicPrefix = `${uniqueName('bench-ingest')}.`;
  const indexPrefix = uniqueName('bench-ingest');
  const ownerId = `bench-${newId()}`;
  // A private outbox lane: a worker's relay running on the same database leaves it alone.
  const lane = topicPrefix;
  const store = createGraphStore({ driver, database: config.neo4j.database, logger, outboxLane: lane });
  const relay = new OutboxRelay({
    driver,
    database: config.neo4j.database,
    kafka,
    topicPrefix,
    logger,
    ownerIds: [ownerId],
    lane,
  });
  const indexer = new GraphDiffIndexer({
    kafka,
    client: search,
    topicPrefix,
    indexPrefix,
    logger,
    partitionsConcurrently: 6,
  });
  try {
    await store.migrate();
    const remote = await store.upsertRemote({
      ownerId,
      type: 'local',
      name: 'bench',
      root: tree.root,
      capabilities: { hashes: [], modtime: true, stableIds: true },
    });
    const scope = { ownerId, remoteId: remote.id };

    const progress = (label: string) => (p: { entries: number }) =>
      process.stderr.write(`\r${label} ${p.entries}/${entries.length}   `);
    const ingest = await timed(() =>
      store.ingestListing({ ...scope, entries, complete: true, batchSize, onProgress: progress('ingest') }),
    );
    process.stderr.write('\n');
    const noop = await timed(() => store.ingestListing({ ...scope, entries, complete: true, batchSize }));
    if (noop.value.writes !== 0) throw new Error(`unchanged re-ingest wrote ${noop.value.writes}`);

    const relayed = await timed(() => relay.drain());
    const indexed = await timed(async () => {
      await indexer.start();
      await waitSearchable(search, filesAlias(indexPrefix), ownerId, files);
    });

    const e2eMs = scanned.ms + ingest.ms + relayed.ms + indexed.ms;
    printTable([
      {
        stage: 'generate tree (cached)',
        items: size,
        seconds: gen.ms / 1000,
        'per second': rate(size, gen.ms),
      },
      {
        stage: 'scan: walk + md5 + sha1',
        items: entries.length,
        seconds: scanned.ms / 1000,
        'per second': rate(files, scanned.ms),
      },
      {
        stage: 'rclone lsjson -R --hash',
        items: rclone.value.entries,
        seconds: rclone.ms / 1000,
        'per second': rate(files, rclone.ms),
      },
      {
        stage: 'ingest into the graph',
        items: ingest.value.created,
        seconds: ingest.ms / 1000,
        'per second': rate(files, ingest.ms),
      },
      {
        stage: 're-ingest unchanged',
        items: noop.value.unchanged,
        seconds: noop.ms / 1000,
        'per second': rate(files, noop.ms),
      },
      {
        stage: 'relay outbox → Kafka',
        items: relayed.value,
        seconds: relayed.ms / 1000,
        'per second': rate(relayed.value, relayed.ms),
      },
      {
        stage: 'index until searchable',
        items: files,
        seconds: indexed.ms / 1000,
        'per second': rate(files, indexed.ms),
      },
      {
        stage: 'end to end (scan → searchable)',
        items: files,
        seconds: e2eMs / 1000,
        'per second': rate(files, e2eMs),
      },
    ]);
    printResult(
      'ingest',
      size,
      {
        scan_files_per_s: rate(files, scanned.ms),
        ingest_files_per_s: rate(files, ingest.ms),
        reingest_unchanged_files_per_s: rate(files, noop.ms),
        relay_events_per_s: rate(relayed.value, relayed.ms),
        index_files_per_s: rate(files, indexed.ms),
        end_to_end_files_per_s: rate(files, e2eMs),
        scan_s: round(scanned.ms / 1000),
        ingest_s: round(ingest.ms / 1000),
        relay_s: round(relayed.ms / 1000),
        index_s: round(indexed.ms / 1000),
        end_to_end_s: round(e2eMs / 1000),
        rclone_lsjson_hash_s: round(rclone.ms / 1000),
        events: relayed.value,
      },
      {
        scan_vs_rclone_lsjson_hash: round(scanned.ms / rclone.ms),
        end_to_end_vs_rclone_lsjson_hash: round(e2eMs / rclone.ms),
      },
    );
  } finally {
    await indexer.stop().catch(() => {});
    await relay.stop().catch(() => {});
    await store.dropOwnerData(ownerId).catch(() => {});
    await dropFilesIndexes(search, indexPrefix).catch(() => {});
    const admin = kafka.admin();
    await admin.connect();
    await admin
      .deleteTopics({ topics: [graphDiffTopic(topicPrefix), deadLetterTopic(topicPrefix)] })
      .catch(() => {});
    await admin.disconnect();
    await driver.close();
    await search.close();
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Polls the search engine until `files` of the owner's files are visible to search. */
async function waitSearchable(
  search: ReturnType<typeof createSearchClient>,
  alias: string,
  ownerId: string,
  files: number,
): Promise<void> {
  const deadline = Date.now() + 30 * 60_000;
  for (;;) {
    const res = await search
      .count({
        index: alias,
        body: {
          query: {
            bool: {
              filter: [{ term: { ownerId } }, { term: { kind: 'file' } }, { term: { deleted: false } }],
            },
          },
        },
      })
      .catch(() => null);
    const count = Number(res?.body?.count ?? 0);
    if (count >= files) return;
    if (Date.now() > deadline) throw new Error(`only ${count} of ${files} files searchable after 30 minutes`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
