// Installing and running one JVM engine: fetch its jars, compile its launcher, prepare its
// data, start it detached or as a child, and wait until its probe answers.
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cdsOptions } from './cds.js';
import type { JvmEngine, JvmInstanceOptions } from './engines/types.js';
import { compileLauncher, findJdk } from './java.js';
import { fetchArtifacts, isFetched } from './maven.js';
import { runningPid, spawnLogged, waitHealthy } from './process.js';

/** Makes the engine runnable: jars and compiled launcher in <home>/engines/<engine>-<version>. */
export async function installEngine(
  engine: JvmEngine,
  home: string,
  log: (line: string) => void = () => undefined,
): Promise<string> {
  const engineDir = join(home, 'engines', `${engine.name}-${engine.version}`);
  await findJdk(); // before Maven, so a missing JDK is reported as such
  const libDir = join(engineDir, 'lib');
  if (!isFetched(libDir, engine.artifacts)) {
    const started = Date.now();
    log(`${engine.name}: fetching ${engine.artifacts.join(', ')} and dependencies from Maven Central`);
    await fetchArtifacts(engineDir, engine.artifacts);
    log(`${engine.name}: jars ready in ${engineDir} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const parts = [join(libDir, '*')];
  if (engine.launcher) {
    rmSync(join(engineDir, 'classes'), { recursive: true, force: true }); // the layout before launcher.jar
    const launcherJar = join(engineDir, 'launcher.jar');
    await compileLauncher(engine.launcher, libDir, launcherJar);
    parts.unshift(launcherJar);
  }
  return parts.join(':');
}

/** C1 only: much less compilation work at start, slower peak speed. */
export const QUICK_JIT = '-XX:TieredStopAtLevel=1';

/** Identifies an instance's process on its command line; unique per data directory. */
export function processTag(engine: JvmEngine, options: JvmInstanceOptions): string {
  return `-Dsyncoxide.engine=${engine.name}@${options.dataDir}`;
}

export function instancePid(engine: JvmEngine, options: JvmInstanceOptions): number | undefined {
  return runningPid(options.pidFile, processTag(engine, options));
}

export interface Launched {
  pid: number;
  child: ChildProcess;
  version: string | undefined;
}

/** Starts the instance and waits for its probe; throws naming the engine and its log on failure. */
export interface LaunchOptions {
  /** Outlive the calling process (the CLI's `up`), or die with it (private test instances). */
  detached: boolean;
  /** Private test instances live for seconds: start faster, run slower. */
  shortLived?: boolean;
  log?: (line: string) => void;
}

export async function launchEngine(
  engine: JvmEngine,
  home: string,
  options: JvmInstanceOptions,
  launch: LaunchOptions,
): Promise<Launched> {
  const classpath = await installEngine(engine, home, launch.log);
  const { java } = await findJdk();
  const engineDir = join(home, 'engines', `${engine.name}-${engine.version}`);
  const cds = await cdsOptions(java, classpath, engineDir, launch.detached);
  mkdirSync(options.dataDir, { recursive: true });
  await engine.prepare?.({ java, classpath, options });
  const tag = processTag(engine, options);
  const child = spawnLogged({
    command: java,
    args: [
      tag,
      ...engine.jvmOptions,
      ...(engine.instanceJvmOptions?.(options) ?? []),
      // Private test instances live for seconds: skipping the optimising JIT halves their start
      // on a small machine, and their throughput does not matter.
      ...(launch.shortLived ? [QUICK_JIT] : []),
      ...cds,
      `-Djava.io.tmpdir=${mkTmp(options.dataDir)}`,
      '-cp',
      classpath,
      engine.mainClass,
      ...engine.args(options),
    ],
    cwd: options.dataDir,
    logFile: options.logFile,
    pidFile: options.pidFile,
    tag,
    detached: launch.detached,
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const pid = child.pid as number;
  const result = await waitHealthy(
    async () => {
      // Generous per-probe timeout: the first Cypher query or cluster call of a fresh JVM is slow.
      const probe = await engine.probe(options.port, 20_000);
      if (!probe.ok) throw new Error(probe.error ?? 'not ready');
      return probe;
    },
    {
      engine: engine.name,
      logFile: options.logFile,
      detailLog: engine.detailLog?.(options),
      timeoutMs: Number(process.env.SYNCOXIDE_ENGINE_TIMEOUT_MS) || engine.startTimeoutMs,
      isAlive: () => !exited,
    },
  ).catch((err: unknown) => {
    // A half-started engine would hold the port and the data lock: take it down.
    if (!exited) child.kill('SIGKILL');
    throw err;
  });
  return { pid, child, version: result.version };
}

function mkTmp(dataDir: string): string {
  const tmp = join(dataDir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  return tmp;
}
