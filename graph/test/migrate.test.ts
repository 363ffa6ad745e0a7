import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MIGRATIONS, migrate } from '../src/index.js';
import { config, newStore, testDriver } from './helpers.js';

test('migrations are versioned, idempotent and safe when run concurrently', async () => {
  await newStore();
  const runs = await Promise.all(
    [1, 2, 3].map(() => migrate(testDriver(), { database: config.neo4j.database })),
  );
  assert.deepEqual(runs, [[], [], []]);
  const result = await testDriver().executeQuery(
    'MATCH (m:Migration) RETURN m.version AS v ORDER BY v',
    {},
    {
      database: config.neo4j.database,
    },
  );
  const versions = result.records.map((r) => Number(r.get('v')));
  assert.deepEqual(
    versions,
    MIGRATIONS.map((m) => m.version),
  );
  const indexes = await testDriver().executeQuery(
    'SHOW INDEXES YIELD name, state RETURN name, state',
    {},
    {
      database: config.neo4j.database,
    },
  );
  const byName = new Map(indexes.records.map((r) => [r.get('name'), r.get('state')]));
  for (const name of ['node_path', 'node_provider_id', 'outbox_lane_ts'])
    assert.equal(byName.get(name), 'ONLINE');
});
