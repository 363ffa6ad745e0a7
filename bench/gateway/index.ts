// `npm run bench -- gateway [--size N] [--seconds S] [--connections C]`: with N files ingested
// (default 100,000: 100 folders of N/100 files), latency (p50/p95/p99) and requests/s of a view
// page (My Drive), a folder page and a search, each under concurrent load from a second process
// (autocannon). The files go through the real pipeline: graph ingest → outbox relay → Kafka →
// indexer → OpenSearch, and the bench waits until search sees them all.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ProviderEntry } from '@syncoxide/graph';
import { eventually, startTestGateway } from '../../gateway/test/harness.ts';
import { benchArgs, printResult, printTable, timed } from '../report.ts';

interface Load {
  requests: number;
  rps: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
}

function* listing(size: number): Generator<ProviderEntry> {
  const folders = 100;
  for (let f = 0; f < folders; f++) {
    const dir = `folder-${String(f).padStart(3, '0')}`;
    yield {
      path: dir,
      kind: 'folder',
      size: 0,
      mtime: 1_700_000_000_000,
      hashes: {},
      providerId: null,
      etag: null,
    };
    for (let i = f; i < size; i += folders) {
      const ext = ['txt', 'jpg', 'pdf', 'mp3', 'docx'][i % 5];
      yield {
        path: `${dir}/file-${i}-report.${ext}`,
        kind: 'file',
        size: 1000 + i,
        mtime: 1_700_000_000_000 + i * 1000,
        hashes: {},
        providerId: null,
        etag: null,
      };
    }
  }
}

function load(
  url: string,
  query: string,
  variables: object,
  cookie: string,
  seconds: number,
  connections: number,
) {
  const script = fileURLToPath(new URL('./load.ts', import.meta.url));
  const body = JSON.stringify({ query, variables });
  return new Promise<Load>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', script, url, body, cookie, String(seconds), String(connections)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').pop()!))
        : reject(new Error(`load exited ${code}`)),
    );
  });
}

export async function run(args: string[]): Promise<void> {
  const { size } = benchArgs(args, { size: 100_000 });
  const { values } = parseArgs({
    args,
    options: { seconds: { type: 'string' }, connections: { type: 'string' } },
    strict: false,
  });
  const seconds = Number(values.seconds ?? 10);
  const connections = Number(values.connections ?? 8);
  const gw = await startTestGateway({
    pipeline: true,
    limits: { perIpPerMinute: 1e9, perUserPerMinute: 1e9 },
  });
  try {
    const user = await gw.user('bench');
    const graph = gw.services.graph;
    await graph.upsertUser({ id: user.userId });
    const remote = await graph.upsertRemote({
      ownerId: user.userId,
      type: 'local',
      name: 'Bench',
      root: '/bench',
    });
    const ingest = await timed(() =>
      graph.ingestListing({
        ownerId: user.userId,
        remoteId: remote.id,
        entries: listing(size),
        complete: true,
      }),
    );
    console.error(`ingested ${size} files in ${(ingest.ms / 1000).toFixed(1)} s; waiting for the index`);
    const total = size + 100;
    const indexed = await timed(() =>
      eventually(async () => {
        const r = await user.ok<{ search: { total: number } }>(
          '{ search(first: 1, filters: { kinds: ["file", "folder"] }) { total } }',
        );
        return r.search.total >= total;
      }, 60 * 60_000),
    );
    const drive = await user.ok<{ myDrive: { edges: { node: { id: string } }[] } }>(
      '{ myDrive(first: 1) { edges { node { id } } } }',
    );
    const folderId = drive.myDrive.edges[0]!.node.id;
    const url = `${gw.base}/graphql`;
    const scenarios: Array<[string, string, object]> = [
      [
        'view page',
        'query { myDrive(first: 50) { edges { node { id name size mtime } } pageInfo { endCursor } } }',
        {},
      ],
      [
        'folder page',
        'query($id: ID!) { folder(id: $id, first: 50, sort: { field: NAME, direction: ASC }) { edges { node { id name size mtime } } pageInfo { endCursor } } }',
        { id: folderId },
      ],
      [
        'search',
        'query { search(text: "file-123", first: 20, highlight: true) { total edges { node { id name path } highlight } } }',
        {},
      ],
    ];
    const figures: Record<string, number> = {
      ingestSeconds: ingest.ms / 1000,
      indexSeconds: indexed.ms / 1000,
    };
    const rows: Record<string, string | number>[] = [];
    for (const [name, query, variables] of scenarios) {
      const r = await load(url, query, variables, user.cookie, seconds, connections);
      const key = name.replace(' page', '').replace(/ (\w)/g, (_, c: string) => c.toUpperCase());
      Object.assign(figures, {
        [`${key}P50Ms`]: r.p50,
        [`${key}P95Ms`]: r.p95,
        [`${key}P99Ms`]: r.p99,
        [`${key}Rps`]: r.rps,
        [`${key}Errors`]: r.errors,
      });
      rows.push({
        scenario: name,
        requests: r.requests,
        'req/s': r.rps,
        'p50 ms': r.p50,
        'p95 ms': r.p95,
        'p99 ms': r.p99,
        errors: r.errors,
      });
    }
    console.log(
      `gateway bench: ${size} files (ingest ${figures.ingestSeconds?.toFixed(1)} s, indexed after ${figures.indexSeconds?.toFixed(1)} s), ${connections} connections × ${seconds} s each`,
    );
    printTable(rows);
    printResult('gateway', size, figures, {});
  } finally {
    await gw.close();
  }
}
