// Class data sharing: the JVM maps an archive of the engine's already parsed classes instead of
// loading thousands of classes from jars, which took engine starts from about 50 s to 30 s on
// this 2-core machine. The shared instance records the archive when it exits (after `down`);
// later starts, shared or private, use it. Java 17 has no automatic archive, hence this file.
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './process.js';

const ARCHIVE = 'cds.jsa';
const PARTIAL = /^cds-\d+\.jsa\.partial$/;

/**
 * JVM options for one start. `record` is for the shared instance, which is stopped with SIGTERM
 * and so gets to write the archive; private instances are often killed, and only read it.
 */
export async function cdsOptions(
  java: string,
  classpath: string,
  engineDir: string,
  record: boolean,
): Promise<string[]> {
  const archive = join(engineDir, ARCHIVE);
  if (!existsSync(archive) && record) await promote(java, classpath, engineDir);
  // Classes the archive cannot hold (old bytecode, generated ones) each log a warning otherwise.
  const quiet = '-Xlog:cds*=error';
  if (existsSync(archive)) return [`-XX:SharedArchiveFile=${archive}`, quiet];
  if (!record) return [];
  return [`-XX:ArchiveClassesAtExit=${join(engineDir, `cds-${Date.now()}.jsa.partial`)}`, quiet];
}

/**
 * Adopts an archive written by an earlier run if the JVM accepts it with this classpath: an
 * engine killed while writing leaves a partial file, which the check rejects. Called only while
 * the shared instance is not running, so no archive is still being written.
 */
async function promote(java: string, classpath: string, engineDir: string): Promise<void> {
  const candidates = readdirSync(engineDir).filter((name) => PARTIAL.test(name));
  for (const name of candidates.sort().reverse()) {
    const path = join(engineDir, name);
    const ok = await run(java, [
      `-XX:SharedArchiveFile=${path}`,
      '-Xshare:on',
      '-cp',
      classpath,
      '-version',
    ]).then(
      () => true,
      () => false,
    );
    if (ok && !existsSync(join(engineDir, ARCHIVE))) renameSync(path, join(engineDir, ARCHIVE));
    else rmSync(path, { force: true });
  }
}

/** An engine writing its archive at exit needs longer than usual to stop. */
export function isRecording(cmdline: string[]): boolean {
  return cmdline.some((arg) => arg.startsWith('-XX:ArchiveClassesAtExit='));
}
