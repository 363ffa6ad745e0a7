// PostgreSQL: the machine's own server (Debian's cluster), started or installed when missing,
// plus the database named in the config's URL.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { aptInstall, hasCommand } from '../debian.js';
import { run, waitHealthy } from '../process.js';
import { errorText, type ProbeResult } from './types.js';

const CLUSTERS = '/etc/postgresql';

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export async function probePostgres(url: string, timeoutMs: number): Promise<ProbeResult> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
  });
  try {
    await client.connect();
    const result = await client.query<{ v: string }>('select version() as v');
    const full = result.rows[0]?.v ?? '';
    return { ok: true, version: /^PostgreSQL [^\s,]+/.exec(full)?.[0] ?? full };
  } catch (err) {
    return { ok: false, error: errorText(err) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

function versions(): string[] {
  return existsSync(CLUSTERS)
    ? readdirSync(CLUSTERS).filter((v) => existsSync(join(CLUSTERS, v, 'main')))
    : [];
}

/** A freshly installed cluster asks for passwords on TCP; ours has none, so trust loopback. */
function trustLoopback(version: string): void {
  const hba = join(CLUSTERS, version, 'main', 'pg_hba.conf');
  const text = readFileSync(hba, 'utf8');
  if (text.includes('# syncoxide: trust loopback')) return;
  const lines = '# syncoxide: trust loopback\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n';
  writeFileSync(hba, lines + text);
}

export function postgresLogFile(): string | undefined {
  const version = versions()[0];
  return version ? `/var/log/postgresql/postgresql-${version}-main.log` : undefined;
}

export async function ensurePostgres(
  url: string,
  database: string,
  log: (line: string) => void,
): Promise<'already running' | 'started'> {
  const adminUrl = withDatabase(url, 'postgres');
  let action: 'already running' | 'started' = 'already running';
  if (!(await probePostgres(adminUrl, 2000)).ok) {
    if (!(await hasCommand('pg_ctlcluster')) || versions().length === 0) {
      await aptInstall(['postgresql'], log);
      for (const version of versions()) trustLoopback(version);
    }
    for (const version of versions()) {
      log(`starting PostgreSQL ${version} cluster main`);
      await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']).catch(
        (err: Error) => {
          // "already running" is fine: it may just not listen where the URL says.
          if (!/already running/i.test(err.message)) throw err;
        },
      );
    }
    await waitHealthy(
      async () => {
        const probe = await probePostgres(adminUrl, 2000);
        if (!probe.ok) throw new Error(probe.error);
        return probe;
      },
      { engine: 'postgres', logFile: postgresLogFile() ?? '/var/log/postgresql', timeoutMs: 30_000 },
    );
    action = 'started';
  }
  await createDatabase(adminUrl, database, log);
  return action;
}

async function createDatabase(
  adminUrl: string,
  database: string,
  log: (line: string) => void,
): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount) return;
    await client.query(`create database "${database.replaceAll('"', '""')}"`);
    log(`created PostgreSQL database ${database}`);
  } catch (err) {
    // Another `up` may have created it a moment ago.
    if ((err as { code?: string }).code !== '42P04') throw err;
  } finally {
    await client.end();
  }
}

export async function stopPostgres(): Promise<void> {
  for (const version of versions()) {
    await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'stop']).catch(() => undefined);
  }
}
