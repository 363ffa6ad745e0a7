// Finds a JDK (java and javac) and compiles our small launcher classes once into the cache.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SyncoxideError } from '@syncoxide/core';
import { run } from './process.js';

export const INSTALL_HINT = 'install a JDK and Maven: apt-get install openjdk-17-jdk-headless maven';

export interface Jdk {
  java: string;
  javac: string;
  jar: string;
  major: number;
}

let cached: Promise<Jdk> | undefined;

/** The JDK from JAVA_HOME, else from PATH; needs Java 17 or newer (Neo4j 5, Kafka 4, OpenSearch 2). */
export function findJdk(): Promise<Jdk> {
  cached ??= locate().catch((err) => {
    cached = undefined;
    throw err;
  });
  return cached;
}

async function locate(): Promise<Jdk> {
  const home = process.env.JAVA_HOME;
  const java = home ? join(home, 'bin', 'java') : 'java';
  const javac = home ? join(home, 'bin', 'javac') : 'javac';
  const jar = home ? join(home, 'bin', 'jar') : 'jar';
  let versionText: string;
  try {
    versionText = await run(java, ['-version']);
    await run(javac, ['-version']);
  } catch (cause) {
    throw new SyncoxideError('PRECONDITION_FAILED', `Java 17+ (java and javac) not found; ${INSTALL_HINT}`, {
      cause,
      retriable: false,
    });
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionText);
  const first = Number(match?.[1] ?? 0);
  const major = first === 1 ? Number(match?.[2] ?? 0) : first;
  if (major < 17) {
    throw new SyncoxideError(
      'PRECONDITION_FAILED',
      `Java ${major} is too old, 17+ is needed; ${INSTALL_HINT}`,
      {
        retriable: false,
      },
    );
  }
  return { java, javac, jar, major };
}

/** Source folder of our Java launchers, shipped in this package. */
export const JAVA_SOURCES = new URL('../java/', import.meta.url).pathname;

/**
 * Compiles one launcher class against the engine's jars into a jar, once: the marker holds the
 * source text, so an edited launcher is rebuilt and an unchanged one never is. A jar rather than
 * a classes folder, because the JVM's class-data sharing refuses folders on the classpath.
 */
export async function compileLauncher(source: string, libDir: string, jarPath: string): Promise<void> {
  const sourcePath = join(JAVA_SOURCES, source);
  const text = readFileSync(sourcePath, 'utf8');
  const marker = `${jarPath}.source`;
  if (existsSync(jarPath) && existsSync(marker) && readFileSync(marker, 'utf8') === text) return;
  const jdk = await findJdk();
  const tmp = `${jarPath}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    await run(jdk.javac, ['-nowarn', '-d', tmp, '-cp', join(libDir, '*'), sourcePath]);
    await run(jdk.jar, ['cf', `${tmp}.jar`, '-C', tmp, '.']);
    renameSync(`${tmp}.jar`, jarPath);
    writeFileSync(marker, text);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
