// `npm run bench -- sync [--size N]`: the sync engine (real PostgreSQL journal, local ↔ local)
// against rclone on the same data, N files of 1–64 KiB (default 2,000) in 20 folders:
//   initial    one-way copy of everything      vs `rclone sync`
//   no-op      a second run with nothing to do vs `rclone sync` again
//   changed    1% of the files rewritten       vs `rclone sync`
//   rename     a folder renamed (5%)           vs `rclone sync --track-renames`
//   two-way    1% changed on each side         vs `rclone bisync` (after its --resync)
// Prints a table, then one JSON line {"bench":"sync","size":N,"figures":{…},"ratios":{…}}.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uniqueName } from '@syncoxide/core';
import {
  createJournal,
  createLocalProvider,
  migrateJournal,
  type Provider,
  SyncEngine,
} from '@syncoxide/sync';
import pg from 'pg';
import { benchArgs, printResult, printTable, timed } from '../report.ts';
import { renameFolder, touchSome, writeTree } from './data.ts';

const PG_URL = process.env.SYNCOXIDE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function rclone(args: string[]): Promise<number> {
  const t0 = performance.now();
  const child = spawn('rclone', [...args, '--transfers', '8', '--checkers', '8'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    log = (log + d).slice(-2000);
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`rclone ${args.join(' ')} exited with ${code}: ${log}`);
  return performance.now() - t0;
}

export async function run(args: string[]): Promise<void> {
  const { size } = benchArgs(args, { size: 2000 });
  const files = Math.max(20, Math.round(size));
  const work = await mkdtemp(join(tmpdir(), 'syncoxide-bench-sync-'));
  const pool = new pg.Pool({ connectionString: PG_URL, max: 20 });
  const schema = uniqueName('sx_bench').replaceAll('-', '_');
  try {
    await migrateJournal(pool, schema);
    const dirs = {
      a: join(work, 'ours-a'),
      b: join(work, 'ours-b'),
      ra: join(work, 'rclone-a'),
      rb: join(work, 'rclone-b'),
    };
    for (const d of Object.values(dirs)) await mkdir(d, { recursive: true });
    const bytes = await writeTree(dirs.a, files);
    await cp(dirs.a, dirs.ra, { recursive: true, preserveTimestamps: true });
    console.log(`data: ${files} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB in ${work}`);
    const providers = new Map<string, Provider>([
      ['a', await createLocalProvider(dirs.a)],
      ['b', await createLocalProvider(dirs.b)],
    ]);
    const engine = new SyncEngine({
      journal: createJournal(pool, schema),
      provider: (r) => providers.get(r)!,
    });
    const oneWay = {
      id: 'bench-one-way',
      ownerId: 'bench',
      path1: { remote: 'a' },
      path2: { remote: 'b' },
      mode: 'one-way' as const,
      maxDelete: { percent: 100 },
    };
    const twoWay = { ...oneWay, id: 'bench-two-way', mode: 'two-way' as const };
    const ours = async (rule: typeof oneWay | typeof twoWay) => {
      const r = await timed(() => engine.run(rule));
      if (r.value.errors.length > 0 || r.value.result === 'failed') throw new Error(JSON.stringify(r.value));
      return { ms: r.ms, bytes: r.value.moved.bytes, files: r.value.moved.files };
    };
    const rows: Record<string, string | number>[] = [];
    const figures: Record<string, number> = {};
    const ratios: Record<string, number> = {};
    const phase = (name: string, o: { ms: number; bytes: number; files: number }, peerMs: number) => {
      rows.push({
        phase: name,
        'ours s': o.ms / 1000,
        'ours files': o.files,
        'ours MiB': o.bytes / 1048576,
        'rclone s': peerMs / 1000,
        ratio: o.ms / peerMs,
      });
      figures[`ours_${name}_s`] = o.ms / 1000;
      figures[`ours_${name}_bytes`] = o.bytes;
      figures[`rclone_${name}_s`] = peerMs / 1000;
      ratios[`${name}_time`] = o.ms / peerMs;
    };
    phase('initial', await ours(oneWay), await rclone(['sync', dirs.ra, dirs.rb]));
    phase('noop', await ours(oneWay), await rclone(['sync', dirs.ra, dirs.rb]));
    await touchSome(dirs.a, files, 100, 'a');
    await touchSome(dirs.ra, files, 100, 'a');
    phase('changed', await ours(oneWay), await rclone(['sync', dirs.ra, dirs.rb]));
    await renameFolder(dirs.a);
    await renameFolder(dirs.ra);
    phase('rename', await ours(oneWay), await rclone(['sync', dirs.ra, dirs.rb, '--track-renames']));
    // Two-way: both tools start from their agreed state, then 1% changes on each side.
    await ours(twoWay);
    await rclone(['bisync', dirs.ra, dirs.rb, '--resync', '--workdir', join(work, 'bisync')]);
    for (const [one, two] of [
      [dirs.a, dirs.b],
      [dirs.ra, dirs.rb],
    ] as const) {
      await touchSome(one, files, 100, 'one');
      await touchSome(two, files, 103, 'two');
    }
    phase(
      'twoway',
      await ours(twoWay),
      await rclone(['bisync', dirs.ra, dirs.rb, '--workdir', join(work, 'bisync')]),
    );
    printTable(rows);
    printResult('sync', files, figures, ratios);
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => {});
    await pool.end();
    await rm(work, { recursive: true, force: true });
  }
}
