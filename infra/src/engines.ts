// The shared engines on their default ports: `up`, `down` and `status` over all five.
import { existsSync } from 'node:fs';
import { type Config, SyncoxideError } from '@syncoxide/core';
import { isRecording } from './cds.js';
import { JVM_ENGINE_DEFS } from './engines/index.js';
import { ensurePostgres, postgresLogFile, probePostgres, stopPostgres } from './engines/postgres.js';
import { ensureRedis, probeRedis, redisFiles, stopRedis } from './engines/redis.js';
import type { JvmInstanceOptions, ProbeResult } from './engines/types.js';
import { instancePid, launchEngine } from './jvm.js';
import { withLock } from './lock.js';
import { listenerPidOf } from './proc.js';
import { commandLine, isPortOpen, removeFile, stopProcess } from './process.js';
import {
  ENGINES,
  type EngineName,
  type EngineSettings,
  enginePaths,
  JVM_ENGINES,
  type JvmEngineName,
  resolveSettings,
} from './settings.js';

export interface EngineReport {
  engine: EngineName;
  action: 'already running' | 'started' | 'stopped' | 'not running' | 'failed';
  port: number;
  ms: number;
  version?: string;
  pid?: number;
  error?: string;
}

export interface EnsureOptions {
  /** Engines to act on; all five by default. */
  engines?: readonly EngineName[];
  /** Progress lines, for the CLI; silent by default. */
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

function isJvm(engine: EngineName): engine is JvmEngineName {
  return (JVM_ENGINES as readonly string[]).includes(engine);
}

/** Ports and files of the shared instance of a JVM engine. */
export function sharedInstance(settings: EngineSettings, engine: JvmEngineName): JvmInstanceOptions {
  const paths = enginePaths(settings.home, engine, JVM_ENGINE_DEFS[engine].version);
  const ports: Record<JvmEngineName, [number, number]> = {
    neo4j: [settings.neo4j.port, 0],
    kafka: [settings.kafka.port, settings.kafka.controllerPort],
    opensearch: [settings.opensearch.port, settings.opensearch.transportPort],
  };
  const [port, secondaryPort] = ports[engine];
  return { port, secondaryPort, dataDir: paths.dataDir, logFile: paths.logFile, pidFile: paths.pidFile };
}

export function portOf(settings: EngineSettings, engine: EngineName): number {
  return settings[engine].port;
}

export function logFileOf(settings: EngineSettings, engine: EngineName): string | undefined {
  if (isJvm(engine)) return sharedInstance(settings, engine).logFile;
  if (engine === 'redis') {
    const file = redisFiles(settings.home).logFile;
    return existsSync(file) ? file : '/var/log/redis/ci.log';
  }
  return postgresLogFile();
}

async function ensureJvm(settings: EngineSettings, engine: JvmEngineName, log: (line: string) => void) {
  const def = JVM_ENGINE_DEFS[engine];
  const options = sharedInstance(settings, engine);
  const lockFile = enginePaths(settings.home, engine, def.version).lockFile;
  return withLock(lockFile, async () => {
    const pid = instancePid(def, options);
    const probe = await def.probe(options.port, 2000);
    if (probe.ok) return { action: 'already running' as const, pid, version: probe.version };
    if (pid === undefined && (await isPortOpen(options.port))) {
      throw new SyncoxideError(
        'CONFLICT',
        `${engine}: port ${options.port} is taken by a process that is not a healthy ${engine} (${probe.error}); free it or set another port`,
        { retriable: false },
      );
    }
    if (pid !== undefined) {
      // Ours but not answering: hung or half-started by a run that died. Start afresh.
      log(`${engine}: process ${pid} does not answer (${probe.error}); restarting it`);
      await stopProcess(pid);
    }
    log(`${engine}: starting ${def.version} on 127.0.0.1:${options.port} (log ${options.logFile})`);
    const launched = await launchEngine(def, settings.home, options, { detached: true, log });
    return { action: 'started' as const, pid: launched.pid, version: launched.version };
  });
}

async function ensureOne(settings: EngineSettings, engine: EngineName, log: (line: string) => void) {
  if (isJvm(engine)) return ensureJvm(settings, engine, log);
  if (engine === 'postgres') {
    const action = await ensurePostgres(settings.postgres.url, settings.postgres.database, log);
    return { action, pid: undefined, version: (await probePostgres(settings.postgres.url, 2000)).version };
  }
  const action = await ensureRedis(settings.redis.url, settings.redis.port, settings.home, log);
  return { action, pid: undefined, version: (await probeRedis(settings.redis.url, 2000)).version };
}

/**
 * What `up` does: every engine running and healthy on its configured port, in parallel.
 * Idempotent; resolves with one report per engine and throws if any failed (after all finished).
 */
export async function ensureEngines(config: Config, options: EnsureOptions = {}): Promise<EngineReport[]> {
  const settings = resolveSettings(config, options.env);
  const log = options.log ?? (() => undefined);
  const engines = options.engines ?? ENGINES;
  const reports = await Promise.all(
    engines.map(async (engine): Promise<EngineReport> => {
      const started = Date.now();
      const port = portOf(settings, engine);
      try {
        const result = await ensureOne(settings, engine, log);
        const report: EngineReport = { engine, port, ms: Date.now() - started, ...result };
        log(
          `${engine}: ${report.action}${result.action === 'started' ? ` in ${(report.ms / 1000).toFixed(1)} s` : ''}`,
        );
        return report;
      } catch (err) {
        return { engine, port, action: 'failed', ms: Date.now() - started, error: (err as Error).message };
      }
    }),
  );
  const failed = reports.filter((r) => r.action === 'failed');
  if (failed.length > 0) {
    throw new SyncoxideError('UNAVAILABLE', failed.map((r) => `${r.engine}: ${r.error}`).join('\n\n'), {
      details: { reports },
    });
  }
  return reports;
}

/**
 * What `down` does. Without a list it stops the three engines this package runs; PostgreSQL and
 * Redis are the machine's services, stopped only when named.
 */
export async function stopEngines(config: Config, options: EnsureOptions = {}): Promise<EngineReport[]> {
  const settings = resolveSettings(config, options.env);
  const log = options.log ?? (() => undefined);
  const engines = options.engines ?? JVM_ENGINES;
  return Promise.all(
    engines.map(async (engine): Promise<EngineReport> => {
      const started = Date.now();
      const port = portOf(settings, engine);
      if (engine === 'postgres' || engine === 'redis') {
        const up =
          engine === 'postgres'
            ? await probePostgres(settings.postgres.url, 2000)
            : await probeRedis(settings.redis.url, 2000);
        if (!up.ok) return { engine, port, action: 'not running', ms: 0 };
        await (engine === 'postgres' ? stopPostgres() : stopRedis(settings.redis.url));
        return { engine, port, action: 'stopped', ms: Date.now() - started };
      }
      const def = JVM_ENGINE_DEFS[engine];
      const instance = sharedInstance(settings, engine);
      const pid = instancePid(def, instance);
      if (pid === undefined) return { engine, port, action: 'not running', ms: 0 };
      const recording = isRecording(commandLine(pid));
      if (recording)
        log(`${engine}: writing its class-data archive on the way out (once); this stop takes longer`);
      await stopProcess(pid, { timeoutMs: recording ? 180_000 : 30_000 });
      removeFile(instance.pidFile);
      return { engine, port, action: 'stopped', pid, ms: Date.now() - started };
    }),
  );
}

export interface EngineState {
  engine: EngineName;
  running: boolean;
  port: number;
  pid?: number;
  version?: string;
  error?: string;
  /** Whether this package started it (a pid file of ours) or found it running. */
  managed: boolean;
  logFile?: string;
}

/** What `status` shows: each engine's process and what its probe answered. */
export async function engineStatus(config: Config, env?: NodeJS.ProcessEnv): Promise<EngineState[]> {
  const settings = resolveSettings(config, env);
  return Promise.all(
    ENGINES.map(async (engine): Promise<EngineState> => {
      const port = portOf(settings, engine);
      let probe: ProbeResult;
      let pid: number | undefined;
      if (isJvm(engine)) {
        const instance = sharedInstance(settings, engine);
        pid = instancePid(JVM_ENGINE_DEFS[engine], instance);
        probe = await JVM_ENGINE_DEFS[engine].probe(port, 2000);
      } else {
        probe =
          engine === 'postgres'
            ? await probePostgres(settings.postgres.url, 2000)
            : await probeRedis(settings.redis.url, 2000);
        pid = listenerPidOf(port);
      }
      return {
        engine,
        running: probe.ok,
        port,
        pid,
        version: probe.version,
        error: probe.error,
        managed: isJvm(engine) ? pid !== undefined : false,
        logFile: logFileOf(settings, engine),
      };
    }),
  );
}
