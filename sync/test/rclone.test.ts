// What is rclone's own in the rclone provider: capabilities from fsinfo, a daemon that never
// outlives us, uploads that stay streamed. (The conformance suites per backend are
// rclone-local/-webdav/-sftp.test.ts.)
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRcloneProvider, type RcloneProvider } from '../src/providers/rclone/index.js';
import { alive, childrenOf, rssOfChildren } from '../testing/processes.js';
import { digest, pattern, readAll, text } from './conformance/data.js';
import { local, webdavBackend } from './rclone-fixtures.js';

describe('rclone specifics', () => {
  it('reads capabilities from operations/fsinfo, per backend', async () => {
    const { config, dir } = await local.prepare();
    const p = await createRcloneProvider(config);
    try {
      // local: hashes computed by reading (SlowHash: none cheap), ns mtimes, rename moves.
      assert.deepEqual(p.capabilities.hashes, []);
      assert.equal(p.capabilities.modtime.settable, true);
      assert.equal(p.capabilities.modtime.precisionMs, 1);
      assert.equal(p.capabilities.serverSideMove, true);
      assert.equal(p.capabilities.emptyFolders, true);
      assert.equal(p.capabilities.caseSensitive, true);
    } finally {
      await p.close();
      await rm(dir, { recursive: true, force: true });
    }
    const dav = await webdavBackend.prepare();
    const q = await createRcloneProvider(dav.config);
    try {
      // webdav (vendor other): rclone keeps no modtimes it could set, and no hashes.
      assert.deepEqual(q.capabilities.hashes, []);
      assert.equal(q.capabilities.serverSideMove, true);
    } finally {
      await q.close();
    }
  });

  it('replacing a same-size file through a backend with no hash or modtime replaces it', async () => {
    // Left to itself, rclone movefile would find the two "equal" (same size, nothing else to
    // compare), delete the new one and keep the old: a silently lost write.
    const { config, dir } = await webdavBackend.prepare();
    const p = await createRcloneProvider(config);
    try {
      await p.write('same.bin', pattern(100_000, { seed: 1 }));
      const second = await p.write('same.bin', pattern(100_000, { seed: 2 }));
      const expected = await digest(pattern(100_000, { seed: 2 }));
      assert.equal(second.hashes.md5, expected.md5);
      assert.deepEqual(await digest(await p.read('same.bin')), expected);
      await p.write('other.bin', pattern(100_000, { seed: 3 }));
      await p.move('other.bin', 'same.bin', { overwrite: true });
      assert.deepEqual(await digest(await p.read('same.bin')), await digest(pattern(100_000, { seed: 3 })));
      assert.equal(await p.stat('other.bin'), null);
    } finally {
      await p.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('hash() is computed by rclone next to the data and equals md5sum', async () => {
    const { config, dir } = await local.prepare();
    const p = await createRcloneProvider(config);
    try {
      await p.write('h.bin', pattern(2_000_000, { seed: 4 }));
      const md5 = execFileSync('md5sum', [join(dir, 'h.bin')], { encoding: 'utf8' }).split(' ')[0];
      assert.equal(await p.hash('h.bin', 'md5'), md5);
    } finally {
      await p.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('uploads stream through rclone: its memory stays flat for a 256 MiB file', async () => {
    const { config, dir } = await local.prepare();
    const p: RcloneProvider = await createRcloneProvider(config);
    try {
      const pid = p.daemon.pid();
      assert.ok(pid, 'daemon running');
      let peak = 0;
      const sampler = setInterval(() => {
        peak = Math.max(peak, rssOfChildren(pid));
      }, 100);
      const size = 256 * 1024 * 1024;
      const entry = await p.write('big.bin', pattern(size, { seed: 8 }), { size });
      clearInterval(sampler);
      assert.equal(entry.size, size);
      assert.ok(peak > 0 && peak < 160 * 1024 * 1024, `rclone peak RSS ${Math.round(peak / 1048576)} MiB`);
      assert.deepEqual(
        await digest(await p.read('big.bin', { start: size - 10 })),
        await digest(pattern(size, { seed: 8, start: size - 10 })),
      );
    } finally {
      await p.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the daemon dies with a SIGKILLed owner', async () => {
    const { config, dir } = await local.prepare();
    // .mts: an ES module wherever it lies (top-level await).
    const script = join(dir, 'owner.mts');
    writeFileSync(
      script,
      `import { createRcloneProvider } from ${JSON.stringify(join(import.meta.dirname, '../src/providers/rclone/index.ts'))};\n` +
        `const p = await createRcloneProvider(${JSON.stringify(config)});\n` +
        'process.stdout.write(String(p.daemon.pid()) + "\\n");\nsetInterval(() => {}, 60_000);\n',
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const pid = await new Promise<number>((resolve, reject) => {
      child.stdout.once('data', (d: Buffer) => resolve(Number(d)));
      child.once('exit', (code) => reject(new Error(`owner exited early (${code})`)));
    });
    const rclonePids = childrenOf(pid);
    assert.ok(rclonePids.length > 0, 'rclone runs under the tether');
    child.kill('SIGKILL');
    for (let i = 0; i < 50 && rclonePids.some(alive); i++) await sleep(100);
    assert.deepEqual(rclonePids.filter(alive), [], 'rclone gone after its owner was killed');
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a text file by name through --rc-serve, and refuses a folder', async () => {
    const { config, dir } = await local.prepare();
    const p = await createRcloneProvider(config);
    try {
      await p.write('a dir/b [x] #1.txt', text('served'));
      assert.equal((await readAll(await p.read('a dir/b [x] #1.txt'))).toString(), 'served');
      await assert.rejects(p.read('a dir'), (e: Error & { code?: string }) => e.code === 'INVALID_INPUT');
    } finally {
      await p.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
