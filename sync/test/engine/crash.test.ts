// Crash safety: a worker process syncing many files and one big file is SIGKILLed at random
// moments and restarted. Afterwards every file is at the destination exactly once with the
// source's hash, no temporary file is left on disk, and no journal row is unfinished.
// Big file: ~200 MiB by default, 1 GiB with SYNCOXIDE_CRASH_BIG=1.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { PG_URL, type TestJournal, testJournal } from './pg.js';

const BIG = process.env.SYNCOXIDE_CRASH_BIG === '1' ? 1024 * 1024 * 1024 : 200 * 1024 * 1024;
const SMALL_FILES = 120;
const KILLS = Number(process.env.SYNCOXIDE_CRASH_KILLS ?? 6);
const worker = fileURLToPath(new URL('./crash-worker.ts', import.meta.url));

async function writeBig(path: string, size: number): Promise<void> {
  const out = createWriteStream(path);
  const block = randomBytes(1024 * 1024);
  for (let written = 0, i = 0; written < size; i++) {
    // Each MiB differs (a counter in front), so a misplaced part would change the hash.
    const chunk = Buffer.from(block.subarray(0, Math.min(block.length, size - written)));
    chunk.writeUInt32LE(i, 0);
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
    written += chunk.length;
  }
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
}

async function walk(root: string, dir = root): Promise<string[]> {
  const out: string[] = [];
  for (const d of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, d.name);
    if (d.isDirectory()) out.push(...(await walk(root, p)));
    else out.push(relative(root, p));
  }
  return out.sort();
}

async function md5File(path: string): Promise<string> {
  const h = createHash('md5');
  for await (const c of createReadStream(path)) h.update(c as Buffer);
  return h.digest('hex');
}

function start(job: object): { child: ChildProcess; exit: Promise<number | null>; out: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', worker], {
    env: { ...process.env, SYNCOXIDE_CRASH_JOB: JSON.stringify(job), SYNCOXIDE_LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exit, out: () => out };
}

describe('crash safety', () => {
  let db: TestJournal;
  let src: string;
  let dst: string;
  before(async () => {
    db = await testJournal('crash');
    src = await mkdtemp(join(tmpdir(), 'syncoxide-crash-src-'));
    dst = await mkdtemp(join(tmpdir(), 'syncoxide-crash-dst-'));
    for (let i = 0; i < SMALL_FILES; i++) {
      const folder = join(src, 'tree', `d${i % 7}`);
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, `f${i}.bin`), randomBytes(1 + ((i * 7919) % 256) * 1024));
    }
    await writeBig(join(src, 'tree', 'big.bin'), BIG);
  });
  after(async () => {
    await db?.close();
    await rm(src, { recursive: true, force: true });
    await rm(dst, { recursive: true, force: true });
  });

  it(`SIGKILLed ${KILLS} times mid-run, the sync still ends complete, verified and clean`, {
    timeout: 20 * 60_000,
  }, async () => {
    const job = {
      pgUrl: PG_URL,
      schema: db.schema,
      roots: { src, dst },
      partBytes: 8 * 1024 * 1024,
      leaseMs: 1500,
      rule: {
        id: 'crash-rule',
        ownerId: 'o',
        path1: { remote: 'src', path: 'tree' },
        path2: { remote: 'dst', path: 'tree' },
        mode: 'one-way',
      },
    };
    const kills: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      const run = start(job);
      // Random moments, early and late: planning, small files, the big file's parts, commits.
      const wait = 300 + Math.floor(Math.random() * 3500);
      const exited = await Promise.race([run.exit.then(() => true), sleep(wait).then(() => false)]);
      if (exited) break; // finished before we could kill it: nothing left to interrupt
      run.child.kill('SIGKILL');
      await run.exit;
      kills.push(wait);
    }
    const last = start(job);
    const code = await last.exit;
    assert.equal(code, 0, `final run failed: ${last.out()}`);
    console.log(`killed at ${kills.join(', ')} ms; final run: ${last.out().trim()}`);
    assert.ok(kills.length > 0, 'at least one kill landed mid-run');

    const want = await walk(join(src, 'tree'));
    const have = await walk(join(dst, 'tree'));
    const temps = have.filter((p) => /(^|\/)\.syncoxide-[^/]*\.partial$/.test(p));
    assert.deepEqual(temps, [], 'no temporary file is left');
    assert.deepEqual(have, want, 'every file exactly once, nothing else');
    for (const p of want) {
      assert.equal(await md5File(join(dst, 'tree', p)), await md5File(join(src, 'tree', p)), `hash of ${p}`);
    }
    const open = await db.pool.query(
      `SELECT state, count(*)::int AS n FROM "${db.schema}".sync_ops WHERE state <> 'done' GROUP BY state`,
    );
    assert.deepEqual(open.rows, [], 'no unfinished or failed journal rows');
    const runs = await db.pool.query(`SELECT state FROM "${db.schema}".sync_runs WHERE state = 'running'`);
    assert.equal(runs.rowCount, 0, 'no unfinished runs');
  });
});
