// Process plumbing shared by every engine: detached spawn with a log file and a pid file,
// liveness checks that survive pid reuse, health waits that explain failures, clean stops.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createConnection } from 'node:net';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SyncoxideError } from '@syncoxide/core';

export interface SpawnOptions {
  command: string;
  args: string[];
  logFile: string;
  pidFile: string;
  /**
   * A string placed on the command line (e.g. -Dsyncoxide.engine=kafka:/path) that identifies the
   * process: a pid file alone can point at an unrelated process once the pid is reused.
   */
  tag: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Detached processes outlive the command that started them (the CLI's `up`). */
  detached: boolean;
}

const START_MARKER = '=== syncoxide: starting';

/** Starts a process whose stdout and stderr append to logFile, and records its pid. */
export function spawnLogged(options: SpawnOptions): ChildProcess {
  mkdirSync(dirname(options.logFile), { recursive: true });
  mkdirSync(dirname(options.pidFile), { recursive: true });
  const fd = openSync(options.logFile, 'a');
  try {
    // A start marker, so a failure shows this start's lines rather than an older run's.
    writeSync(fd, `${START_MARKER} at ${new Date().toISOString()} ===\n`);
    const child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: options.detached,
      stdio: ['ignore', fd, fd],
    });
    if (child.pid === undefined) {
      throw new SyncoxideError('UNAVAILABLE', `could not start ${options.command}`, {
        path: options.logFile,
      });
    }
    if (options.detached) child.unref();
    writeFileSync(options.pidFile, `${child.pid}\n`);
    return child;
  } finally {
    closeSync(fd);
  }
}

/** The arguments of a process, empty if it is gone. */
export function commandLine(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
}

/** True when pid is a live (not zombie) process whose command line contains tag. */
export function isOurProcess(pid: number, tag: string): boolean {
  try {
    // Zombies and other users' processes have an empty or unreadable cmdline.
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.split('\0').some((arg) => arg.includes(tag));
  } catch {
    return false;
  }
}

/** The pid recorded in pidFile if that process is still ours and alive. */
export function runningPid(pidFile: string, tag: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return isOurProcess(pid, tag) ? pid : undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * SIGTERM, wait for a clean shutdown (engines checkpoint on it), then SIGKILL.
 * `exited` tells whether the process is gone; it lets a parent that still holds the child
 * (and so sees a zombie until it reaps it) ask the right question.
 */
export async function stopProcess(
  pid: number,
  options: { timeoutMs?: number; exited?: () => boolean } = {},
): Promise<'terminated' | 'killed'> {
  const gone = options.exited ?? (() => !alive(pid) || !existsSync(`/proc/${pid}/cmdline`) || isZombie(pid));
  const timeoutMs = options.timeoutMs ?? 30_000;
  signal(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone()) return 'terminated';
    await sleep(200);
  }
  signal(pid, 'SIGKILL');
  const killDeadline = Date.now() + 10_000;
  while (!gone() && Date.now() < killDeadline) await sleep(100);
  return 'killed';
}

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The state follows the parenthesised command name, which may itself contain spaces.
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return true;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

export function removeFile(path: string): void {
  rmSync(path, { force: true });
}

/** Last n lines of a file (since the last start marker, if lastStartOnly), or a note that it is missing. */
export function tailLines(file: string, n = 30, lastStartOnly = false): string {
  if (!existsSync(file)) return `(no log file at ${file})`;
  let text = readFileSync(file, 'utf8');
  const marker = lastStartOnly ? text.lastIndexOf(START_MARKER) : -1;
  if (marker >= 0) text = text.slice(marker);
  return text
    .split('\n')
    .slice(-n - 1)
    .join('\n')
    .trimEnd();
}

/** True when something accepts TCP connections on host:port within timeoutMs. */
export function isPortOpen(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export interface WaitOptions {
  engine: string;
  logFile: string;
  /** Another log worth showing on failure (Neo4j keeps its own debug.log). */
  detailLog?: string;
  timeoutMs: number;
  /** When given, the wait fails at once if this process dies instead of waiting out the timeout. */
  isAlive?: () => boolean;
  intervalMs?: number;
}

/**
 * Polls probe until it succeeds. On timeout or death of the process, throws an error that names
 * the engine and its log file and carries the last log lines, which is what one needs to act.
 */
export async function waitHealthy<T>(probe: () => Promise<T | undefined>, options: WaitOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    try {
      const result = await probe();
      if (result !== undefined) return result;
    } catch (err) {
      lastError = (err as Error).message;
    }
    if (options.isAlive && !options.isAlive()) {
      throw failure(options, 'exited during startup', lastError);
    }
    await sleep(options.intervalMs ?? 500);
  }
  throw failure(
    options,
    `did not become healthy within ${Math.round(options.timeoutMs / 1000)} s`,
    lastError,
  );
}

function failure(options: WaitOptions, what: string, lastError: string): SyncoxideError {
  const probe = lastError ? ` (last probe: ${lastError})` : '';
  const detail = options.detailLog
    ? `\n\nand its own log ${options.detailLog}, last lines:\n${tailLines(options.detailLog, 15)}`
    : '';
  return new SyncoxideError(
    'UNAVAILABLE',
    `${options.engine} ${what}${probe}; see its log ${options.logFile}, last lines:\n${tailLines(options.logFile, 30, true)}${detail}`,
    { details: { engine: options.engine, logFile: options.logFile } },
  );
}

/** Runs a command to completion, returning its output; throws with the output on failure. */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', (err) =>
      reject(new SyncoxideError('UNAVAILABLE', `could not run ${command}: ${err.message}`, { cause: err })),
    );
    child.once('close', (code) => {
      if (code === 0) resolve(output);
      else {
        const tail = output.trim().split('\n').slice(-40).join('\n');
        reject(
          new SyncoxideError('UNAVAILABLE', `${command} ${args.join(' ')} exited with ${code}:\n${tail}`, {
            retriable: false,
          }),
        );
      }
    });
  });
}
