// `npm run bench -- ingest [--size N] [--batch B]`: files per second through the change
// pipeline on a generated tree of N small real files (default 100,000): scan with the local
// provider (walk + MD5 + SHA1), ingest into the graph, relay the outbox to Kafka, index into
// OpenSearch until every file is searchable, and an unchanged re-ingest; each stage alone,
// one after the other. Then the same tree as a second remote with every stage running at
// once (scan streaming into ingest, relay and indexer live): the real end to end. The peer
// is `rclone lsjson -R --hash --hash-type MD5 --hash-type SHA1` on the same tree.
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
import { waitSearchable } from './search.js';
import { ensureTree } from './tree.js';

const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);
const round = (n: number) => Math.round(n * 1000) / 1000;

export async function run(args: string[]): Promise<void> {
  const { size, values } = benchArgs(args, { size: 100_000 });
  const batchSize = Number(values.batch ?? 2000);
  const config = loadConfig();
  const logger = createLogger('bench-ingest', { level: 'warn' });
  const progress = (label: string, total: number) => (p: { entries: number }) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${label} ${p.entries}/${total}   `);
  };

  const gen = await timed(() => ensureTree(join(config.home, 'bench'), size));
  const tree = gen.value;
  const { name: listerName, list } = await lister();
  console.log(
    `tree: ${tree.files} files in ${tree.folders} folders, ${(tree.bytes / 1e6).toFixed(1)} MB at ${tree.root}`,
  );
  console.log(`scan lists with the ${listerName}`);
  const collect = async () => {
    const out: ProviderEntry[] = [];
    for await (const e of scan(tree.root, list)) out.push(e);
    return out;
  };
  // Warm the page cache once, so ours and rclone both read from memory.
  await collect();
  const scanned = await timed(collect);
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
  const alias = filesAlias(indexPrefix);
  const owners = [`bench-${newId()}`, `bench-${newId()}`];
  // A private outbox lane: a worker's relay running on the same database leaves it alone.
  const lane = topicPrefix;
  const db = { driver, database: config.neo4j.database };
  const relay = new OutboxRelay({ ...db, kafka, topicPrefix, logger, lane, pollIntervalMs: 50 });
  const store = createGraphStore({ ...db, logger, outboxLane: lane, onEvents: () => relay.notify() });
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
    const remoteOf = async (ownerId: string) => {
      const caps = { hashes: [], modtime: true, stableIds: true };
      const r = await store.upsertRemote({
        ownerId,
        type: 'local',
        name: 'bench',
        root: tree.root,
        capabilities: caps,
      });
      return { ownerId, remoteId: r.id };
    };

    // Stage by stage.
    const scope = await remoteOf(owners[0]!);
    const ingest = await timed(() =>
      store.ingestListing({
        ...scope,
        entries,
        complete: true,
        batchSize,
        onProgress: progress('ingest', entries.length),
      }),
    );
    const noop = await timed(() => store.ingestListing({ ...scope, entries, complete: true, batchSize }));
    if (noop.value.writes !== 0) throw new Error(`unchanged re-ingest wrote ${noop.value.writes}`);
    const relayed = await timed(() => relay.drain());
    const indexed = await timed(async () => {
      await indexer.start();
      await waitSearchable(search, alias, scope.ownerId, files);
    });
    const stagesMs = scanned.ms + ingest.ms + relayed.ms + indexed.ms;

    // All at once: scan streaming into ingest, relay woken by each commit, indexer consuming.
    const scope2 = await remoteOf(owners[1]!);
    relay.start();
    const live = await timed(async () => {
      const stats = await store.ingestListing({
        ...scope2,
        entries: scan(tree.root, list),
        complete: true,
        batchSize,
        onProgress: progress('pipelined', entries.length),
      });
      await waitSearchable(search, alias, scope2.ownerId, files);
      return stats;
    });
    if (process.stderr.isTTY) process.stderr.write('\n');

    const row = (stage: string, items: number, ms: number, per = items) => ({
      stage,
      items,
      seconds: ms / 1000,
      'files/s': rate(per, ms),
    });
    printTable([
      row('generate tree (cached)', size, gen.ms),
      row('scan: walk + md5 + sha1', entries.length, scanned.ms, files),
      row('rclone lsjson -R --hash', rclone.value.entries, rclone.ms, files),
      row('ingest into the graph', ingest.value.created, ingest.ms, files),
      row('re-ingest unchanged', noop.value.unchanged, noop.ms, files),
      row('relay outbox → Kafka', relayed.value, relayed.ms, relayed.value),
      row('index until searchable', files, indexed.ms),
      row('stages one after another', files, stagesMs),
      row('end to end, all at once', live.value.created, live.ms, files),
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
        stages_sum_files_per_s: rate(files, stagesMs),
        end_to_end_files_per_s: rate(files, live.ms),
        scan_s: round(scanned.ms / 1000),
        ingest_s: round(ingest.ms / 1000),
        relay_s: round(relayed.ms / 1000),
        index_s: round(indexed.ms / 1000),
        end_to_end_s: round(live.ms / 1000),
        rclone_lsjson_hash_s: round(rclone.ms / 1000),
        events: relayed.value,
      },
      {
        scan_vs_rclone_lsjson_hash: round(scanned.ms / rclone.ms),
        end_to_end_vs_rclone_lsjson_hash: round(live.ms / rclone.ms),
      },
    );
  } finally {
    await indexer.stop().catch(() => {});
    await relay.stop().catch(() => {});
    for (const ownerId of owners) await store.dropOwnerData(ownerId).catch(() => {});
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
