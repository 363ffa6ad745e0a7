// Resumable uploads: state serialised to JSON and resumed by a fresh instance, and by this
// process after the writing process was killed with SIGKILL.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UploadState } from '../../src/providers/types.js';
import { type Ctx, collect, names } from './context.js';
import { digest, pattern, patternDigest, text } from './data.js';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'resume-child.ts');

export function resumeTests(ctx: Ctx): void {
  ctx.test('resumable upload continues from JSON state in a fresh provider instance', async (t) => {
    const fx = ctx.fx();
    if (!fx.reopen) {
      t.skip('fixture has no reopen()');
      return;
    }
    const dir = ctx.dir('resume');
    const path = `${dir}/resumed.bin`;
    const size = Math.floor(ctx.options.partSize * 2.5);
    const mtime = Date.UTC(2020, 0, 2, 3, 4, 5);
    const session = await fx.provider.beginUpload(path, { size, mtime });
    const first = Math.floor(ctx.options.partSize * 1.5);
    await session.append(pattern(first, { seed: 31 }));
    assert.ok(session.state.offset > 0 && session.state.offset <= first, `offset ${session.state.offset}`);
    const saved = JSON.stringify(session.state);
    assert.equal(await fx.provider.stat(path), null, 'nothing visible before commit');

    const fresh = await fx.reopen();
    try {
      const resumed = await fresh.resumeUpload(JSON.parse(saved) as UploadState);
      const offset = resumed.state.offset;
      assert.ok(offset > 0 && offset <= first, `resumed offset ${offset}`);
      await resumed.append(pattern(size, { seed: 31, start: offset }));
      assert.equal(resumed.state.offset, size);
      const entry = await resumed.commit();
      const expected = await patternDigest(size, 31);
      assert.equal(entry.size, size);
      assert.equal(entry.hashes.md5, expected.md5);
      assert.equal(entry.hashes.sha1, expected.sha1);
      assert.deepEqual(await digest(await fresh.read(path)), expected);
      const { modtime } = fresh.capabilities;
      if (modtime.settable)
        assert.ok(Math.abs((entry.mtime ?? 0) - mtime) <= Math.max(modtime.precisionMs, 1));
      assert.deepEqual(names(await collect(fresh.list(dir))), [path], 'no temp file left');
    } finally {
      await fresh.close();
    }
  });

  ctx.test('aborting an upload session leaves nothing behind', async () => {
    const p = ctx.fx().provider;
    const dir = ctx.dir('abortup');
    await p.write(`${dir}/existing.txt`, text('keep'));
    const session = await p.beginUpload(`${dir}/existing.txt`);
    await session.append(pattern(ctx.options.partSize + 1000, { seed: 32 }));
    await session.abort();
    assert.deepEqual(names(await collect(p.list(dir))), [`${dir}/existing.txt`]);
    assert.equal((await p.stat(`${dir}/existing.txt`))?.size, 4);
  });

  ctx.test('an upload committed with a stale expect is refused', async () => {
    const p = ctx.fx().provider;
    const path = `${ctx.dir('upexpect')}/x.txt`;
    const session = await p.beginUpload(path, { expect: { absent: true } });
    await session.append(text('mine'));
    await p.write(path, text('someone else got there first'));
    await assert.rejects(
      session.commit(),
      (err: Error & { code?: string }) => err.code === 'PRECONDITION_FAILED',
    );
    await session.abort().catch(() => {});
    assert.equal((await p.stat(path))?.size, 28);
  });

  ctx.test('resumable upload survives SIGKILL of the writing process', async (t) => {
    const fx = ctx.fx();
    if (!fx.config) {
      t.skip('fixture has no config for createProvider in a child process');
      return;
    }
    const work = await mkdtemp(join(tmpdir(), 'syncoxide-kill-'));
    const stateFile = join(work, 'state.json');
    const dir = ctx.dir('killed');
    const path = `${dir}/survivor.bin`;
    const part = ctx.options.partSize;
    const size = Math.floor(part * 3.5);
    const job = {
      config: fx.config,
      path,
      size,
      seed: 41,
      firstChunk: Math.floor(part * 1.5),
      secondChunk: part,
      stateFile,
    };
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: { ...process.env, SYNCOXIDE_RESUME_JOB: JSON.stringify(job) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          if (d.toString().includes('paused')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
      });
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGKILL');
      await exited;
      assert.equal(await fx.provider.stat(path), null, 'nothing visible after the kill');

      const state = JSON.parse(await readFile(stateFile, 'utf8')) as UploadState;
      const fresh = fx.reopen ? await fx.reopen() : fx.provider;
      try {
        const session = await fresh.resumeUpload(state);
        const offset = session.state.offset;
        assert.ok(
          offset >= state.offset && offset <= size,
          `resumes at ${offset}, persisted ${state.offset}`,
        );
        await session.append(pattern(size, { seed: 41, start: offset }));
        const entry = await session.commit();
        const expected = await patternDigest(size, 41);
        assert.equal(entry.hashes.md5, expected.md5);
        assert.equal(entry.hashes.sha1, expected.sha1);
        assert.deepEqual(await digest(await fresh.read(path)), expected);
        assert.deepEqual(names(await collect(fresh.list(dir))), [path], 'no temp file left');
      } finally {
        if (fresh !== fx.provider) await fresh.close();
      }
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await rm(work, { recursive: true, force: true });
    }
  });
}
