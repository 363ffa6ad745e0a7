// Real SFTP servers on loopback for tests: OpenSSH's sshd (key auth; the reference server) and
// `rclone serve sftp` (password auth, since the test user's system password is unknown).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { rcloneEnv, spawnTethered, stopTethered } from '../src/providers/rclone/tether.js';
import { ensureDebianPackage } from './debian.js';
import { freePort, waitForPort } from './net.js';
import { findRclone } from './rclone.js';

export interface SftpServer {
  host: string;
  port: number;
  username: string;
  /** OpenSSH-format private key the server accepts (sshd only). */
  privateKey?: string;
  password?: string;
  /** The server's host key as `SHA256:<base64>`, what `SftpRemoteConfig.hostKey` takes. */
  hostKeyFingerprint?: string;
  /** Folder the server serves, on this machine (for direct inspection). */
  root: string;
  /** The same folder as the SFTP client sees it: what `SftpRemoteConfig.root` takes. */
  remoteRoot: string;
  stop(): Promise<void>;
}

/** `SHA256:<unpadded base64>` of an OpenSSH public key line, as `ssh-keygen -l` prints it. */
export function fingerprintOf(publicKeyLine: string): string {
  const blob = Buffer.from(publicKeyLine.trim().split(/\s+/)[1] ?? '', 'base64');
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

function keygen(path: string): { privateKey: string; publicKey: string } {
  const bin = ensureDebianPackage('ssh-keygen', 'openssh-client');
  execFileSync(bin, ['-q', '-t', 'ed25519', '-N', '', '-C', 'syncoxide-test', '-f', path]);
  return { privateKey: readFileSync(path, 'utf8'), publicKey: readFileSync(`${path}.pub`, 'utf8') };
}

export interface SftpServerOptions {
  /** Serve with sftp-server -R: every write is refused with permission denied. */
  readOnly?: boolean;
  /** Serve this folder instead of a fresh temp dir (e.g. a second server on the same files). */
  root?: string;
  /** Reuse a client key pair so one key logs in to several servers. */
  clientKey?: { privateKey: string; publicKey: string };
}

/** Starts OpenSSH's sshd on 127.0.0.1:<free port> with generated host and client keys. */
export async function startSftpServer(
  options: SftpServerOptions = {},
): Promise<SftpServer & { publicKey: string }> {
  const sshd = ensureDebianPackage('/usr/sbin/sshd', 'openssh-server');
  const work = mkdtempSync(join(tmpdir(), 'syncoxide-sshd-'));
  const root = options.root ?? join(work, 'root');
  mkdirSync(root, { recursive: true });
  // sshd refuses to start without its privilege separation directory.
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const host = keygen(join(work, 'host_ed25519'));
  const client = options.clientKey ?? keygen(join(work, 'client_ed25519'));
  writeFileSync(join(work, 'authorized_keys'), client.publicKey, { mode: 0o600 });
  const port = await freePort();
  const config = [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${join(work, 'host_ed25519')}`,
    `PidFile ${join(work, 'sshd.pid')}`,
    `AuthorizedKeysFile ${join(work, 'authorized_keys')}`,
    'PermitRootLogin yes',
    'StrictModes no',
    'UsePAM no',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    // Several channels per connection (the provider opens a few SFTP channels on one connection).
    'MaxSessions 32',
    'MaxStartups 64:30:128',
    'LogLevel ERROR',
    // In-process SFTP: an external sftp-server is started through the user's login shell, whose
    // rc files can take seconds (root's .bashrc here runs `pyenv init`) for every channel.
    `Subsystem sftp internal-sftp${options.readOnly ? ' -R' : ''}`,
  ].join('\n');
  writeFileSync(join(work, 'sshd_config'), `${config}\n`);
  const child = spawnTethered(sshd, ['-D', '-e', '-f', join(work, 'sshd_config')]);
  let log = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    log = (log + d).slice(-4000);
  });
  const alive = () => (child.exitCode !== null ? `sshd exited (${child.exitCode}): ${log}` : null);
  try {
    await waitForPort(port, { alive });
  } catch (error) {
    await stopTethered(child);
    rmSync(work, { recursive: true, force: true });
    throw error;
  }
  return {
    host: '127.0.0.1',
    port,
    username: userInfo().username,
    privateKey: client.privateKey,
    publicKey: client.publicKey,
    hostKeyFingerprint: fingerprintOf(host.publicKey),
    root,
    remoteRoot: root,
    stop: async () => {
      await stopTethered(child);
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Starts `rclone serve sftp` on a temp folder with user/password authentication. */
export async function startRcloneSftpServer(options: { root?: string } = {}): Promise<SftpServer> {
  const rclone = findRclone();
  const work = mkdtempSync(join(tmpdir(), 'syncoxide-rclone-sftp-'));
  const root = options.root ?? join(work, 'root');
  mkdirSync(root, { recursive: true });
  const port = await freePort();
  const username = 'syncoxide';
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  const args = ['serve', 'sftp', root, '--addr', `127.0.0.1:${port}`, '--user', username, '--pass', password];
  args.push('--config', join(work, 'rclone.conf'), '--key', join(work, 'host_key'));
  keygen(join(work, 'host_key'));
  const child = spawnTethered(rclone, args, { env: rcloneEnv() });
  let log = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    log = (log + d).slice(-4000);
  });
  const alive = () =>
    child.exitCode !== null ? `rclone serve sftp exited (${child.exitCode}): ${log}` : null;
  await waitForPort(port, { alive });
  return {
    host: '127.0.0.1',
    port,
    username,
    password,
    hostKeyFingerprint: fingerprintOf(readFileSync(join(work, 'host_key.pub'), 'utf8')),
    root,
    // rclone serves the folder as the SFTP root.
    remoteRoot: '/',
    stop: async () => {
      await stopTethered(child);
      rmSync(work, { recursive: true, force: true });
    },
  };
}
