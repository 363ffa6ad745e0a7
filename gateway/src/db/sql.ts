// PostgreSQL access for the gateway: a pool passed in, and a schema name so tests can give
// each run its own schema on the shared server.
import type { Pool } from 'pg';

export interface Sql {
  pool: Pool;
  /** Quoted schema name, safe to interpolate into statements. */
  schema: string;
}

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid SQL identifier: ${name}`);
  return `"${name}"`;
}

export function sqlFor(pool: Pool, schema = 'syncoxide'): Sql {
  return { pool, schema: quoteIdent(schema) };
}
