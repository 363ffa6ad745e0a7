// The rclone provider over three rclone backends (conformance suite each): `local` on a temp
// folder, `webdav` against rclone serve webdav, and `sftp` against OpenSSH's sshd; credentials
// go through an rclone config with an obscured password and a key file. Plus what is rclone's
// own: capabilities from fsinfo, a daemon that never outlives us, uploads that stay streamed.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { uniqueName } from '@syncoxide/core';
import type { RemoteConfig } from '../src/providers/config.js';
import { createRcloneProvider, type RcloneProvider } from '../src/providers/rclone/index.js';
import type { Provider } from '../src/providers/types.js';
import { freePort } from '../testing/net.js';
import { alive, childrenOf, rssOfChildren } from '../testing/processes.js';
import { rcloneConfigText, rcloneObscure } from '../testing/rclone.js';
import { type SftpServer, startSftpServer } from '../testing/sftp-server.js';
import { startWebdavServer, type WebdavServer } from '../testing/webdav-server.js';
import { digest, pattern, readAll, text } from './conformance/data.js';
import { type FixtureFactory, type ProviderFixture, runProviderSuite } from './conformance/suite.js';

type RcloneConfig = Extract<RemoteConfig, { type: 'rclone' }>;

const servers: { stop(): Promise<void> }[] = [];
after(async () => {
  for (const s of servers) await s.stop();
});
function once<T extends { stop(): Promise<void> }>(start: () => Promise<T>): () => Promise<T> {
  let started: Promise<T> | null = null;
  return () => {
    started ??= start().then((s) => {
      servers.push(s);
      return s;
    });
    return started;
  };
}
const webdav = once(() => startWebdavServer());
const sshd = once(() => startSftpServer());

interface Backend {
  /** rclone config for a fresh folder on the backend; `dir` is that folder on this machine. */
  prepare(): Promise<{ config: RcloneConfig; dir: string; unreachable?: () => Promise<RcloneConfig> }>;
}

/** Makes `name` through the backend itself: rclone's servers cache listings. */
async function mkdirThrough(config: RcloneConfig, name: string): Promise<void> {
  const top = await createRcloneProvider({ ...config, root: config.root.replace(/[^/]*$/, '') });
  await top.mkdir(name).finally(() => top.close());
}

const local: Backend = {
  async prepare() {
    const dir = await mkdtemp(join(tmpdir(), 'syncoxide-rclone-local-'));
    return {
      dir,
      config: { type: 'rclone', remote: 'disk:', root: dir, rcloneConfig: '[disk]\ntype = local\n' },
    };
  },
};

const webdavBackend: Backend = {
  async prepare() {
    const s: WebdavServer = await webdav();
    const name = uniqueName('fx');
    const section = (url: string) =>
      rcloneConfigText({
        dav: { type: 'webdav', url, vendor: 'other', user: s.username, pass: rcloneObscure(s.password) },
      });
    const config: RcloneConfig = { type: 'rclone', remote: 'dav:', root: name, rcloneConfig: section(s.url) };
    await mkdirThrough(config, name);
    return {
      dir: join(s.root, name),
      config,
      unreachable: async () => ({
        ...config,
        rcloneConfig: section(`http://127.0.0.1:${await freePort()}/`),
      }),
    };
  },
};

const sftpBackend: Backend = {
  async prepare() {
    const s: SftpServer = await sshd();
    const keyDir = mkdtempSync(join(tmpdir(), 'syncoxide-rclone-key-'));
    writeFileSync(join(keyDir, 'id'), s.privateKey!, { mode: 0o600 });
    const dir = await mkdtemp(join(s.root, 'fx-'));
    const section = (port: number) =>
      rcloneConfigText({
        sf: {
          type: 'sftp',
          host: s.host,
          port,
          user: s.username,
          key_file: join(keyDir, 'id'),
          // rclone's sftp backend runs md5sum/sha1sum (and a shell probe) over exec for every
          // upload; here each exec costs seconds (root's .bashrc runs `pyenv init`), so the
          // test remote goes without remote hashes, as rclone does against shell-less servers.
          shell_type: 'unix',
          md5sum_command: 'none',
          sha1sum_command: 'none',
        },
      });
    const config: RcloneConfig = { type: 'rclone', remote: 'sf:', root: dir, rcloneConfig: section(s.port) };
    return { dir, config, unreachable: async () => ({ ...config, rcloneConfig: section(await freePort()) }) };
  },
};

function fixture(backend: Backend): FixtureFactory {
  return async (): Promise<ProviderFixture> => {
    const { config, dir, unreachable } = await backend.prepare();
    const opened: Provider[] = [];
    const open = async () => {
      const p = await createRcloneProvider(config);
      opened.push(p);
      return p;
    };
    const immutable: string[] = [];
    return {
      provider: await open(),
      config,
      rootDir: dir,
      reopen: open,
      // Tests run as root, whom file modes do not stop; the immutable flag does.
      denied: async () => {
        const path = `denied-${Date.now()}`;
        await opened[0]!.mkdir(path);
        await mkdir(join(dir, path), { recursive: true });
        execFileSync('chattr', ['+i', join(dir, path)]);
        immutable.push(join(dir, path));
        return {
          provider: opened[0]!,
          path,
          undo: async () => {
            execFileSync('chattr', ['-i', join(dir, path)]);
          },
        };
      },
      ...(unreachable ? { unreachable: async () => createRcloneProvider(await unreachable()) } : {}),
      cleanup: async () => {
        for (const p of opened) await p.close();
        for (const d of immutable) execFileSync('chattr', ['-i', d]);
        await rm(dir, { recursive: true, force: true });
      },
    };
  };
}

// Each write is a few rc calls and, behind webdav/sftp, a few more requests: 2,000 entries
// exercise the listing as well as 10,000 would, in a fifth of the time.
const options = { listingCount: 2_000 };
runProviderSuite('rclone (local backend)', fixture(local), { ...options, knownFailures: {} });
runProviderSuite('rclone (webdav backend)', fixture(webdavBackend), { ...options, knownFailures: {} });
runProviderSuite('rclone (sftp backend)', fixture(sftpBackend), { ...options, knownFailures: {} });

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
