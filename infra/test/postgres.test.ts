import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { config, uniqueName } from './helpers.js';

test('postgres: a committed transaction is visible, a rolled back one is not', async () => {
  const table = uniqueName('table').replaceAll('-', '_');
  const writer = new pg.Client({ connectionString: config.postgres.url });
  const reader = new pg.Client({ connectionString: config.postgres.url });
  await writer.connect();
  await reader.connect();
  try {
    await writer.query(`create table ${table} (id int primary key, name text not null)`);
    await writer.query('begin');
    await writer.query(`insert into ${table} values (1, 'kept')`);
    // Not yet committed: another connection must not see it.
    assert.equal((await reader.query(`select count(*)::int as n from ${table}`)).rows[0].n, 0);
    await writer.query('commit');
    await writer.query('begin');
    await writer.query(`insert into ${table} values (2, 'dropped')`);
    await writer.query('rollback');
    const rows = await reader.query(`select id, name from ${table} order by id`);
    assert.deepEqual(rows.rows, [{ id: 1, name: 'kept' }]);
  } finally {
    await writer.query(`drop table if exists ${table}`).catch(() => undefined);
    await writer.end();
    await reader.end();
  }
});
