// Private engine instances for tests that must stop, kill or restart an engine ("Kafka stopped
// mid-ingest") without disturbing the shared one on the default ports.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, SyncoxideError } from '@syncoxide/core';
import { JVM_ENGINE_DEFS } from './engines/index.js';
import type { JvmInstanceOptions } from './engines/types.js';
import { launchEngine } from './jvm.js';
import { removeFile, stopProcess } from './process.js';
import type { JvmEngineName } from './settings.js';

export interface InstanceOptions {
  /** Client port (Bolt, Kafka, OpenSearch HTTP); a free one by default. */
  port?: number;
  /** Kafka controller or OpenSearch transport port; a free one by default. */
  secondaryPort?: number;
  /** Where the instance keeps its data, log and pid; a fresh temporary folder by default. */
  dataDir?: string;
  /** Delete dataDir on stop(); true for a temporary folder we made, false for one given. */
  removeOnStop?: boolean;
  /** Cache of the engines' jars; the config's home by default, shared with `up`. */
  home?: string;
}

export interface EngineInstance {
  engine: JvmEngineName;
  port: number;
  secondaryPort: number;
  /** bolt://127.0.0.1:port for Neo4j, http://127.0.0.1:port for OpenSearch, the broker for Kafka. */
  url: string;
  /** Kafka bootstrap list (the one broker); also set for other engines, as [host:port]. */
  brokers: string[];
  dataDir: string;
  logFile: string;
  /** Pid of the running process, undefined once stopped or killed. */
  readonly pid: number | undefined;
  /** Clean stop: SIGTERM, wait, SIGKILL. Keeps the data unless removeOnStop. */
  stop(): Promise<void>;
  /** Sends a signal at once: SIGKILL for a crash, SIGSTOP/SIGCONT for a hang. */
  kill(signal?: NodeJS.Signals): void;
  /** Stops (cleanly) if running, then starts again on the same ports and data, and waits. */
  restart(): Promise<void>;
}

/** A port that was free a moment ago (the kernel's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// Instances are children of the test process; do not leave them running when it exits.
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/**
 * Starts an extra instance of Kafka, OpenSearch or Neo4j on its own ports and data folder and
 * waits until it answers. Uses the same cached jars as `up` (fetched first if needed).
 */
export async function startEngineInstance(
  engine: JvmEngineName,
  options: InstanceOptions = {},
): Promise<EngineInstance> {
  const def = JVM_ENGINE_DEFS[engine];
  if (!def) throw new SyncoxideError('INVALID_INPUT', `no private instances of ${engine}`);
  const home = options.home ?? loadConfig().home;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), `syncoxide-${engine}-`));
  const removeOnStop = options.removeOnStop ?? options.dataDir === undefined;
  const port = options.port ?? (await freePort());
  let secondaryPort = options.secondaryPort ?? (await freePort());
  while (secondaryPort === port) secondaryPort = await freePort();
  const instanceOptions: JvmInstanceOptions = {
    port,
    secondaryPort,
    dataDir,
    logFile: join(dataDir, `${engine}.log`),
    pidFile: join(dataDir, `${engine}.pid`),
  };

  let child: ChildProcess | undefined;
  let exited = true;
  const start = async () => {
    const launched = await launchEngine(def, home, instanceOptions, { detached: false, shortLived: true });
    child = launched.child;
    exited = false;
    live.add(launched.child);
    launched.child.once('exit', () => {
      exited = true;
      live.delete(launched.child);
    });
  };
  const stopRunning = async () => {
    if (!child || exited || child.pid === undefined) return;
    await stopProcess(child.pid, { exited: () => exited });
    removeFile(instanceOptions.pidFile);
  };

  await start();
  const host = `127.0.0.1:${port}`;
  return {
    engine,
    port,
    secondaryPort,
    url: engine === 'neo4j' ? `bolt://${host}` : engine === 'opensearch' ? `http://${host}` : host,
    brokers: [host],
    dataDir,
    logFile: instanceOptions.logFile,
    get pid() {
      return exited ? undefined : child?.pid;
    },
    async stop() {
      await stopRunning();
      // Retries: a JVM just killed may still be closing files in it.
      if (removeOnStop) rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
    kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (child && !exited) child.kill(signal);
    },
    async restart() {
      await stopRunning();
      await start();
    },
  };
}
