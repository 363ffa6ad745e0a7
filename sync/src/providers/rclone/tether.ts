// Child processes that cannot outlive us. A SIGKILLed Node process runs no exit handlers, so a
// plain spawn would leave `rclone rcd` (or a test server) running forever. The child runs under
// a small shell that holds our stdin pipe: when that pipe closes (we exited, however we died)
// the shell stops the child.
import { type ChildProcess, spawn } from 'node:child_process';

const WRAPPER = '"$0" "$@" </dev/null & pid=$!; read -r _; kill "$pid" 2>/dev/null; wait "$pid"';

export interface TetheredOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** Spawns `command args` tied to this process's life; stderr is piped (read it: a full pipe blocks). */
export function spawnTethered(command: string, args: string[], options: TetheredOptions = {}): ChildProcess {
  return spawn('/bin/sh', ['-c', WRAPPER, command, ...args], {
    env: options.env ?? process.env,
    cwd: options.cwd,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
}

/** Stops a tethered child (closing the tether) and waits for it to be gone. */
export async function stopTethered(child: ChildProcess, timeoutMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdin?.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

/** The environment for rclone: AWS_CA_BUNDLE breaks its S3 backend, so it never gets it. */
export function rcloneEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.AWS_CA_BUNDLE;
  return env;
}
