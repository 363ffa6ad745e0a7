// `npm run bench -- sync [--size N]`: the sync engine (real PostgreSQL journal)
// one-way from a local folder to an S3-compatible server (S3Proxy), beside `rclone sync` of the
// same data to another bucket of the same server in the same run. N files (default 10,000) of
// 1–16 KiB in 20 folders (the figures are about per-file costs, not bandwidth).
//   initial     first sync of everything                    vs `rclone sync`
//   noop        re-sync, nothing changed: confirmed by the  vs `rclone sync` again
//               local watcher + the trusted destination (no listing)
//   noop-full   the same re-sync forced to list both sides  vs the same rclone figure
//   changed     1% of the files rewritten                   vs `rclone sync`
// Prints a table, then one JSON line {"bench":"sync","size":N,"figures":{…},"ratios":{…}}.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { uniqueName } from '@syncoxide/core';
import {
  ChangeTracker,
  createJournal,
  createLocalProvider,
  createS3Provider,
  migrateJournal,
  type Provider,
  SyncEngine,
} from '@syncoxide/sync';
import { startS3Server } from '@syncoxide/sync/testing';
import pg from 'pg';
import { rcloneEnv } from '../../sync/src/providers/rclone/tether.ts';
import { benchArgs, printResult, printTable, timed } from '../report.ts';
import { connectionString } from '../transfer/peers.ts';
import { touchSome, writeTree } from './data.ts';

const PG_URL = process.env.SYNCOXIDE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function rcloneSync(from: string, to: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn('rclone', ['sync', from, to, '--transfers', '8', '--checkers', '8'], {
    env: rcloneEnv(), // without AWS_CA_BUNDLE, which breaks rclone's S3 backend
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    log = (log + d).slice(-2000);
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`rclone sync exited with ${code}: ${log}`);
  return performance.now() - t0;
}

export async function run(args: string[]): Promise<void> {
  const { size } = benchArgs(args, { size: 10_000 });
  const files = Math.max(20, Math.round(size));
  const maxKiB = 16;
  const work = await mkdtemp(join(tmpdir(), 'syncoxide-bench-sync-'));
  const pool = new pg.Pool({ connectionString: PG_URL, max: 20 });
  const schema = uniqueName('sx_bench').replaceAll('-', '_');
  const server = await startS3Server();
  const tracker = new ChangeTracker();
  const providers = new Map<string, Provider>();
  try {
    await migrateJournal(pool, schema);
    const src = join(work, 'src');
    await mkdir(src, { recursive: true });
    const bytes = await writeTree(src, files, maxKiB);
    console.log(
      `data: ${files} files, ${(bytes / 1048576).toFixed(1)} MiB in ${src}; load ${loadavg()[0]!.toFixed(1)}`,
    );
    const ours = uniqueName('sx-bench-ours');
    const theirs = uniqueName('sx-bench-rclone');
    await server.createBucket(ours);
    await server.createBucket(theirs);
    const s3 = {
      type: 's3' as const,
      endpoint: server.endpoint,
      region: server.region,
      accessKeyId: server.accessKeyId,
      secretAccessKey: server.secretAccessKey,
      forcePathStyle: true,
    };
    const local = await createLocalProvider(src);
    providers.set('disk', local);
    providers.set(
      'bucket',
      createS3Provider({ ...s3, bucket: ours, prefix: '', partSize: 16 * 1024 * 1024 }),
    );
    const rcloneDst = connectionString(
      's3',
      {
        provider: 'Other',
        endpoint: server.endpoint,
        access_key_id: server.accessKeyId,
        secret_access_key: server.secretAccessKey,
        region: server.region,
        force_path_style: true,
      },
      theirs,
    );
    // The source is watched; the destination bucket is written only by the engine (trusted).
    const watch = await timed(() => tracker.watch('disk', local));
    tracker.trust('bucket');
    const engine = new SyncEngine({
      journal: createJournal(pool, schema),
      provider: (r) => providers.get(r)!,
      tracker,
    });
    const rule = {
      id: 'bench-s3',
      ownerId: 'bench',
      path1: { remote: 'disk' },
      path2: { remote: 'bucket' },
      mode: 'one-way' as const,
      maxDelete: { percent: 100 },
    };
    const oursRun = async (full = false) => {
      const r = await timed(() => engine.run(rule, { full }));
      if (r.value.errors.length > 0 || r.value.result === 'failed') throw new Error(JSON.stringify(r.value));
      return { ms: r.ms, bytes: r.value.moved.bytes, files: r.value.moved.files, listed: r.value.listed };
    };
    const rows: Record<string, string | number>[] = [];
    const figures: Record<string, number> = { files, bytes, watch_setup_s: watch.ms / 1000 };
    const ratios: Record<string, number> = {};
    const phase = (name: string, o: Awaited<ReturnType<typeof oursRun>>, peerMs: number) => {
      rows.push({
        phase: name,
        'ours s': o.ms / 1000,
        'ours files': o.files,
        'ours MiB': o.bytes / 1048576,
        listed: o.listed ? 'yes' : 'no',
        'rclone s': peerMs / 1000,
        ratio: o.ms / peerMs,
        load: loadavg()[0]!,
      });
      // Each phase as it ends: on a loaded machine a long run may not reach the table.
      console.log(`phase ${name}: ${JSON.stringify(rows[rows.length - 1])}`);
      figures[`ours_${name}_s`] = o.ms / 1000;
      figures[`ours_${name}_files`] = o.files;
      figures[`rclone_${name}_s`] = peerMs / 1000;
      ratios[`${name}_time`] = o.ms / peerMs;
    };
    const initial = await oursRun();
    phase('initial', initial, await rcloneSync(src, rcloneDst));
    const noopPeer = await rcloneSync(src, rcloneDst);
    phase('noop', await oursRun(), noopPeer);
    phase('noop_full', await oursRun(true), noopPeer);
    const touched = await touchSome(src, files, 100, 'changed');
    await new Promise((r) => setTimeout(r, 500)); // the watcher's batch window
    phase('changed', await oursRun(), await rcloneSync(src, rcloneDst));
    figures.changed_files = touched;
    printTable(rows);
    figures.load_1min = loadavg()[0]!;
    printResult('sync', files, figures, ratios);
  } finally {
    tracker.close();
    for (const p of providers.values()) await p.close().catch(() => {});
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => {});
    await pool.end();
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
}
