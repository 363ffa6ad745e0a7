// A real PostgreSQL journal for one test file, in a schema of its own that is dropped after.
import { uniqueName } from '@syncoxide/core';
import pg from 'pg';
import { createJournal, type Journal, migrateJournal } from '../../src/journal/index.js';

export const PG_URL = process.env.SYNCOXIDE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestJournal {
  journal: Journal;
  pool: pg.Pool;
  schema: string;
  close(): Promise<void>;
}

export async function testJournal(label = 'engine'): Promise<TestJournal> {
  const pool = new pg.Pool({ connectionString: PG_URL, max: 20 });
  const schema = uniqueName(`sx_${label}`).replaceAll('-', '_');
  await migrateJournal(pool, schema);
  return {
    journal: createJournal(pool, schema),
    pool,
    schema,
    close: async () => {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => {});
      await pool.end();
    },
  };
}
