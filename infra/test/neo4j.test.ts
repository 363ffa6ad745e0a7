import assert from 'node:assert/strict';
import { test } from 'node:test';
import neo4j from 'neo4j-driver';
import { config, uniqueName } from './helpers.js';

test('neo4j: a Cypher write is read back, then removed', async () => {
  const auth = config.neo4j.password ? neo4j.auth.basic(config.neo4j.user, config.neo4j.password) : undefined;
  const driver = neo4j.driver(config.neo4j.url, auth);
  const session = driver.session({ database: config.neo4j.database });
  const run = uniqueName('neo4j');
  try {
    await session.executeWrite((tx) =>
      tx.run(
        `CREATE (f:TestFolder {run: $run, name: 'docs'})-[:CONTAINS]->(:TestFile {run: $run, name: 'a.txt', size: 42})`,
        { run },
      ),
    );
    const result = await session.executeRead((tx) =>
      tx.run(
        'MATCH (:TestFolder {run: $run})-[:CONTAINS]->(f:TestFile) RETURN f.name AS name, f.size AS size',
        { run },
      ),
    );
    assert.equal(result.records.length, 1);
    assert.equal(result.records[0]?.get('name'), 'a.txt');
    assert.equal(neo4j.integer.toNumber(result.records[0]?.get('size')), 42);
  } finally {
    await session.run('MATCH (n {run: $run}) DETACH DELETE n', { run }).catch(() => undefined);
    await session.close();
    await driver.close();
  }
});
