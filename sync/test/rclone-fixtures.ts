// The three rclone backends the rclone provider is tested over: `local` on a temp folder,
// `webdav` against rclone serve webdav, and `sftp` against OpenSSH's sshd; credentials go
// through an rclone config with an obscured password and a key file. Each conformance suite
// is a test file of its own (rclone-*.test.ts): together they outlast one file's time limit
// on a loaded machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { uniqueName } from '@syncoxide/core';
import type { RemoteConfig } from '../src/providers/config.js';
import { createRcloneProvider } from '../src/providers/rclone/index.js';
import type { Provider } from '../src/providers/types.js';
import { freePort } from '../testing/net.js';
import { rcloneConfigText, rcloneObscure } from '../testing/rclone.js';
import { type SftpServer, startSftpServer } from '../testing/sftp-server.js';
import { startWebdavServer, type WebdavServer } from '../testing/webdav-server.js';
import type { FixtureFactory, ProviderFixture } from './conformance/suite.js';

export type RcloneConfig = Extract<RemoteConfig, { type: 'rclone' }>;

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

export interface Backend {
  /** rclone config for a fresh folder on the backend; `dir` is that folder on this machine. */
  prepare(): Promise<{ config: RcloneConfig; dir: string; unreachable?: () => Promise<RcloneConfig> }>;
}

/** Makes `name` through the backend itself: rclone's servers cache listings. */
async function mkdirThrough(config: RcloneConfig, name: string): Promise<void> {
  const top = await createRcloneProvider({ ...config, root: config.root.replace(/[^/]*$/, '') });
  await top.mkdir(name).finally(() => top.close());
}

export const local: Backend = {
  async prepare() {
    const dir = await mkdtemp(join(tmpdir(), 'syncoxide-rclone-local-'));
    return {
      dir,
      config: { type: 'rclone', remote: 'disk:', root: dir, rcloneConfig: '[disk]\ntype = local\n' },
    };
  },
};

export const webdavBackend: Backend = {
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

export const sftpBackend: Backend = {
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

export function fixture(backend: Backend): FixtureFactory {
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
export const suiteOptions = { listingCount: 2_000, knownFailures: {} };
