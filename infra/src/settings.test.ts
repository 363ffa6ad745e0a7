import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '@syncoxide/core';
import { enginePaths, resolveSettings } from './settings.js';

test('ports come from the config URLs by default', () => {
  const settings = resolveSettings(loadConfig({ SYNCOXIDE_HOME: '/tmp/h' }), {});
  assert.equal(settings.neo4j.port, 7687);
  assert.equal(settings.kafka.port, 9092);
  assert.equal(settings.kafka.controllerPort, 9093);
  assert.equal(settings.opensearch.port, 9200);
  assert.equal(settings.opensearch.transportPort, 9300);
  assert.equal(settings.postgres.port, 5432);
  assert.equal(settings.postgres.database, 'syncoxide');
  assert.equal(settings.redis.port, 6379);
});

test('a URL variable moves the engine, a port variable overrides it', () => {
  const config = loadConfig({
    SYNCOXIDE_NEO4J_URL: 'bolt://127.0.0.1:7777',
    SYNCOXIDE_KAFKA_BROKERS: 'localhost:9999',
  });
  const settings = resolveSettings(config, {
    SYNCOXIDE_OPENSEARCH_PORT: '19200',
    SYNCOXIDE_KAFKA_PORT: '19092',
  });
  assert.equal(settings.neo4j.port, 7777);
  assert.equal(settings.opensearch.port, 19200);
  assert.equal(settings.opensearch.url, 'http://127.0.0.1:19200');
  assert.equal(settings.kafka.port, 19092);
  assert.deepEqual(settings.kafka.brokers, ['127.0.0.1:19092']);
});

test('a bad port variable is a clear error', () => {
  assert.throws(
    () => resolveSettings(loadConfig({}), { SYNCOXIDE_KAFKA_PORT: 'ninety' }),
    /SYNCOXIDE_KAFKA_PORT/,
  );
});

test('files of an engine live under home, artifacts by version', () => {
  const paths = enginePaths('/h', 'kafka', '4.1.1');
  assert.equal(paths.engineDir, '/h/engines/kafka-4.1.1');
  assert.equal(paths.dataDir, '/h/data/kafka');
  assert.equal(paths.logFile, '/h/logs/kafka.log');
  assert.equal(paths.pidFile, '/h/run/kafka.pid');
});
