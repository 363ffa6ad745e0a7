// `npm run bench -- analytics [--size N] [--runs R]`: latency of the storage overview, the
// largest folders and the duplicate report over N indexed files (default 1,000,000): cold (first
// request), p50/p95 with the engine's request cache cleared before each run, and a cached repeat.
// The documents are synthetic and bulk-indexed straight into a private files index with the
// real mapping: producing a million files through scan → graph → Kafka → indexer would take
// hours on this machine, and the queries only see the index anyway.
import { parseArgs } from 'node:util';
import { duplicatesReport, largestFolders, storageOverview } from '@syncoxide/analytics';
import { loadConfig, uniqueName } from '@syncoxide/core';
import {
  createSearchClient,
  dropFilesIndexes,
  ensureFilesIndex,
  type FileDocument,
} from '@syncoxide/indexer';
import { benchArgs, printResult, printTable, timed } from '../report.js';
import { syntheticLibrary } from './generate.js';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (n: number) => Math.round(n * 10) / 10;

export async function run(args: string[]): Promise<void> {
  const { size } = benchArgs(args, { size: 1_000_000 });
  const runs = Number(
    parseArgs({ args, options: { runs: { type: 'string' } }, strict: false }).values.runs ?? 10,
  );
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  const config = loadConfig();
  const client = createSearchClient({ url: config.opensearch.url, requestTimeoutMs: 600_000 });
  const prefix = uniqueName('bench-analytics');
  const ownerId = 'bench-owner';
  try {
    const index = await ensureFilesIndex(client, prefix);
    await client.indices.putSettings({ index, body: { index: { refresh_interval: '-1' } } });
    // Another owner's files share the index: every query must filter them out.
    const load = await timed(async () => {
      let docs = 0;
      for (const batch of batches(
        [syntheticLibrary(ownerId, size), syntheticLibrary('other-owner', Math.ceil(size / 100), 2, 11)],
        5000,
      )) {
        const body = batch.flatMap((d) => [{ index: { _index: index, _id: d.nodeId } }, d]);
        const r = await client.bulk({ body: body as never });
        if ((r.body as { errors: boolean }).errors) throw new Error('bulk indexing refused documents');
        docs += batch.length;
        if (process.stderr.isTTY) process.stderr.write(`\rindexed ${docs}   `);
      }
      await client.indices.putSettings({ index, body: { index: { refresh_interval: '1s' } } });
      await client.indices.refresh({ index });
      return docs;
    });
    const scope = { ownerId };
    const cases: Array<[string, () => Promise<unknown>]> = [
      ['overview', () => storageOverview(client, prefix, scope)],
      ['largest folders (top 10)', () => largestFolders(client, prefix, scope, 10)],
      [
        'duplicate report (1000 items)',
        () => duplicatesReport(client, prefix, scope, { limit: 1000, hashOf: async () => null }),
      ],
    ];
    const rows: Record<string, string | number>[] = [];
    const figures: Record<string, number> = {
      indexed_docs: load.value,
      index_seconds: round(load.ms / 1000),
    };
    let sample: Record<string, number> = {};
    const uncached = async () => {
      await client.indices.clearCache({ index, request: true });
    };
    for (const [name, fn] of cases) {
      await uncached();
      const first = await timed(fn); // cold: global ordinals and caches are built here
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        await uncached(); // the shard request cache would answer a repeated request at once
        times.push((await timed(fn)).ms);
      }
      times.sort((a, b) => a - b);
      const cached = await timed(fn);
      const key = name.split(' ')[0]!;
      const p50 = round(percentile(times, 50));
      const p95 = round(percentile(times, 95));
      rows.push({
        query: name,
        cold_ms: round(first.ms),
        p50_ms: p50,
        p95_ms: p95,
        cached_ms: round(cached.ms),
        runs,
      });
      figures[`${key}_cold_ms`] = round(first.ms);
      figures[`${key}_p50_ms`] = p50;
      figures[`${key}_p95_ms`] = p95;
      figures[`${key}_cached_ms`] = round(cached.ms);
      if (key === 'overview') {
        const o = first.value as Awaited<ReturnType<typeof storageOverview>>;
        sample = { files: o.files, folders: o.folders };
      }
      if (key === 'duplicate') {
        const d = first.value as Awaited<ReturnType<typeof duplicatesReport>>;
        sample = {
          ...sample,
          duplicate_groups: d.groups,
          reclaimable_gb: round(d.reclaimableBytes / 1024 ** 3),
        };
      }
    }
    console.log(
      `${size} files (+${Math.ceil(size / 100)} of another owner) indexed in ${round(load.ms / 1000)} s; seen by the overview: ${JSON.stringify(sample)}`,
    );
    printTable(rows);
    printResult('analytics', size, { ...figures, ...sample });
  } finally {
    await dropFilesIndexes(client, prefix).catch(() => {});
    await client.close();
  }
}

function* batches(sources: Array<Iterable<FileDocument>>, n: number): Generator<FileDocument[]> {
  let batch: FileDocument[] = [];
  for (const source of sources) {
    for (const doc of source) {
      batch.push(doc);
      if (batch.length === n) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}
