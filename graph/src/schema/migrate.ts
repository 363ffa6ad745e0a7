// Applies the schema migrations in order and records each as a (:Migration {version}) node.
// Safe to call from every process at start-up, at the same time: steps are idempotent, the
// Migration node is MERGEd under a uniqueness constraint, and schema races are retried.
import { isRetriable, type Logger, retry, SyncoxideError } from '@syncoxide/core';
import type { Driver } from 'neo4j-driver';
import { autoCommit, type Db, int, num } from '../db.js';
import { MIGRATIONS, type Migration } from './migrations.js';

export interface MigrateOptions {
  database?: string;
  logger?: Logger;
  migrations?: Migration[];
}

/** A concurrent caller created the same index or constraint a moment before us. */
function isSchemaRace(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return (
    code.startsWith('Neo.TransientError') ||
    code.includes('EquivalentSchemaRuleAlreadyExists') ||
    code.includes('IndexAlreadyExists') ||
    code.includes('ConstraintAlreadyExists') ||
    code.includes('ConstraintWithNameAlreadyExists')
  );
}

async function run(db: Db, query: string, params: Record<string, unknown> = {}) {
  return retry(
    async () => {
      try {
        return await db.driver.executeQuery(query, params, { database: db.database });
      } catch (err) {
        if (isSchemaRace(err)) throw new SyncoxideError('UNAVAILABLE', 'schema change raced', { cause: err });
        throw err;
      }
    },
    { attempts: 10, baseMs: 50, shouldRetry: isRetriable },
  );
}

/** Returns the versions this call applied (empty when the schema was already current). */
export async function migrate(driver: Driver, options: MigrateOptions = {}): Promise<number[]> {
  const db: Db = { driver, database: options.database ?? 'neo4j' };
  const migrations = [...(options.migrations ?? MIGRATIONS)].sort((a, b) => a.version - b.version);
  await run(
    db,
    'CREATE CONSTRAINT migration_version_unique IF NOT EXISTS FOR (m:Migration) REQUIRE m.version IS UNIQUE',
  );
  const done = await run(db, 'MATCH (m:Migration) RETURN m.version AS v');
  const applied = new Set(done.records.map((r) => num(r.get('v'))));
  const ran: number[] = [];
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    // Schema and data changes cannot share a Neo4j transaction: statements first, then the record.
    for (const statement of m.statements) await run(db, statement);
    for (const statement of m.data ?? []) await autoCommit(db, statement, {});
    const rec = await run(
      db,
      `MERGE (m:Migration {version: $version})
       ON CREATE SET m.name = $name, m.appliedAt = datetime(), m.created = true
       ON MATCH SET m.created = false
       WITH m, m.created AS created REMOVE m.created
       RETURN created`,
      { version: int(m.version), name: m.name },
    );
    if (rec.records[0]?.get('created') === true) ran.push(m.version);
    options.logger?.info({ version: m.version, name: m.name }, 'graph migration applied');
  }
  await run(db, 'CALL db.awaitIndexes(300)');
  return ran;
}
