// Neo4j Community 5.26 LTS, embedded in our small launcher (infra/java/Neo4jMain.java) with the
// Bolt connector on loopback and auth off.
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import { errorText, type JvmEngine, type ProbeResult } from './types.js';

export const NEO4J_VERSION = '5.26.30';

/** Runs `CALL dbms.components()`; auth none unless a password is given. */
export async function probeNeo4j(
  url: string,
  timeoutMs: number,
  auth: { user: string; password: string } = { user: 'neo4j', password: '' },
): Promise<ProbeResult> {
  const driver = neo4j.driver(url, auth.password ? neo4j.auth.basic(auth.user, auth.password) : undefined, {
    connectionTimeout: timeoutMs,
    connectionAcquisitionTimeout: timeoutMs,
    maxConnectionPoolSize: 1,
  });
  try {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      const result = await withTimeout(
        session.run('CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition AS e'),
        timeoutMs,
      );
      const record = result.records[0];
      return { ok: true, version: record ? `${record.get('v')} ${record.get('e')}` : undefined };
    } finally {
      await session.close().catch(() => undefined);
    }
  } catch (err) {
    return { ok: false, error: errorText(err) };
  } finally {
    await driver.close().catch(() => undefined);
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const neo4jEngine: JvmEngine = {
  name: 'neo4j',
  version: NEO4J_VERSION,
  artifacts: [`org.neo4j:neo4j:${NEO4J_VERSION}`],
  launcher: 'Neo4jMain.java',
  mainClass: 'Neo4jMain',
  // Heap plus a 256 MiB page cache: enough for development graphs, small beside the other engines.
  jvmOptions: [
    '-Xms512m',
    '-Xmx1g',
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    '-XX:-OmitStackTraceInFastThrow',
    // What Neo4j's own launcher passes: the page cache and Netty reach into NIO internals.
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dlog4j2.disable.jmx=true',
  ],
  startTimeoutMs: 600_000,
  args: (options) => [options.dataDir, String(options.port), '256'],
  detailLog: (options) => join(options.dataDir, 'logs', 'debug.log'),
  probe: (port, timeoutMs) => probeNeo4j(`bolt://127.0.0.1:${port}`, timeoutMs),
};
