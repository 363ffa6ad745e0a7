// A real WebDAV server on loopback for tests: `rclone serve webdav` on a temp folder, with
// basic auth.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rcloneEnv, spawnTethered, stopTethered } from '../src/providers/rclone/tether.js';
import { freePort, waitForPort } from './net.js';
import { findRclone } from './rclone.js';

export interface WebdavServer {
  url: string;
  port: number;
  username: string;
  password: string;
  /** Folder on this machine the server serves. */
  root: string;
  stop(): Promise<void>;
}

export interface WebdavServerOptions {
  /** Serve this folder instead of a fresh temp dir. */
  root?: string;
  /** Refuse every write (rclone's --read-only). */
  readOnly?: boolean;
}

export async function startWebdavServer(options: WebdavServerOptions = {}): Promise<WebdavServer> {
  const rclone = findRclone();
  const work = mkdtempSync(join(tmpdir(), 'syncoxide-webdav-'));
  const root = options.root ?? join(work, 'root');
  mkdirSync(root, { recursive: true });
  const port = await freePort();
  const username = 'syncoxide';
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const args = [
    'serve',
    'webdav',
    root,
    '--addr',
    `127.0.0.1:${port}`,
    '--user',
    username,
    '--pass',
    password,
  ];
  // rclone caches directory listings: make folders through the server, not behind its back.
  args.push('--config', join(work, 'rclone.conf'));
  if (options.readOnly) args.push('--read-only');
  const child = spawnTethered(rclone, args, { env: rcloneEnv() });
  let log = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    log = (log + d).slice(-4000);
  });
  const alive = () =>
    child.exitCode !== null ? `rclone serve webdav exited (${child.exitCode}): ${log}` : null;
  await waitForPort(port, { alive });
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    username,
    password,
    root,
    stop: async () => {
      await stopTethered(child);
      rmSync(work, { recursive: true, force: true });
    },
  };
}
