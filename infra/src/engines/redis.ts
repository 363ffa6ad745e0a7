// Redis: the machine's own server when one answers; else Debian's redis-server, started as a
// daemon with nothing persisted (Redis only holds ephemeral state in syncoxide).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { aptInstall, hasCommand } from '../debian.js';
import { run, waitHealthy } from '../process.js';
import { withTimeout } from './neo4j.js';
import { errorText, type ProbeResult } from './types.js';

export async function probeRedis(url: string, timeoutMs: number): Promise<ProbeResult> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => undefined); // reported through the probe result instead
  try {
    await withTimeout(client.connect(), timeoutMs);
    const info = await client.info('server');
    const version = /redis_version:(\S+)/.exec(info)?.[1];
    return { ok: true, version: version ? `Redis ${version}` : undefined };
  } catch (err) {
    return { ok: false, error: errorText(err) };
  } finally {
    client.disconnect();
  }
}

export function redisFiles(home: string) {
  return {
    dataDir: join(home, 'data', 'redis'),
    logFile: join(home, 'logs', 'redis.log'),
    pidFile: join(home, 'run', 'redis.pid'),
  };
}

export async function ensureRedis(
  url: string,
  port: number,
  home: string,
  log: (line: string) => void,
): Promise<'already running' | 'started'> {
  if ((await probeRedis(url, 2000)).ok) return 'already running';
  if (!(await hasCommand('redis-server'))) await aptInstall(['redis-server'], log);
  const files = redisFiles(home);
  mkdirSync(files.dataDir, { recursive: true });
  mkdirSync(join(home, 'logs'), { recursive: true });
  mkdirSync(join(home, 'run'), { recursive: true });
  log(`starting redis-server on 127.0.0.1:${port}`);
  // The leading '-' makes the IPv6 bind optional, for machines without ::1.
  await run('redis-server', [
    '--daemonize',
    'yes',
    '--bind',
    '127.0.0.1',
    '-::1',
    '--port',
    String(port),
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    files.dataDir,
    '--logfile',
    files.logFile,
    '--pidfile',
    files.pidFile,
  ]);
  await waitHealthy(
    async () => {
      const probe = await probeRedis(url, 2000);
      if (!probe.ok) throw new Error(probe.error);
      return probe;
    },
    { engine: 'redis', logFile: files.logFile, timeoutMs: 20_000 },
  );
  return 'started';
}

export async function stopRedis(url: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.shutdown('NOSAVE');
  } catch {
    // Not running, or gone already (SHUTDOWN closes the connection without a reply).
  } finally {
    client.disconnect();
  }
}
