import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfig } from './config.js';
import { isSyncoxideError } from './errors.js';

test('defaults point at the local engines', () => {
  const config = loadConfig({});
  assert.equal(config.neo4j.url, 'bolt://127.0.0.1:7687');
  assert.deepEqual(config.kafka.brokers, ['127.0.0.1:9092']);
  assert.equal(config.opensearch.url, 'http://127.0.0.1:9200');
  assert.equal(config.gateway.port, 4000);
  assert.equal(config.web.port, 3000);
});

test('environment overrides the config file, which overrides defaults', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify({ gateway: { port: 5000 }, kafka: { brokers: ['a:1', 'b:2'] } }));
  const fromFile = loadConfig({ SYNCOXIDE_CONFIG: file });
  assert.equal(fromFile.gateway.port, 5000);
  assert.deepEqual(fromFile.kafka.brokers, ['a:1', 'b:2']);
  const fromEnv = loadConfig({
    SYNCOXIDE_CONFIG: file,
    SYNCOXIDE_GATEWAY_PORT: '6000',
    SYNCOXIDE_KAFKA_BROKERS: 'x:1, y:2',
  });
  assert.equal(fromEnv.gateway.port, 6000);
  assert.deepEqual(fromEnv.kafka.brokers, ['x:1', 'y:2']);
});

test('bad settings are named in one clear error', () => {
  assert.throws(
    () => loadConfig({ SYNCOXIDE_GATEWAY_PORT: 'seventy', SYNCOXIDE_OPENSEARCH_URL: 'not a url' }),
    (err: unknown) =>
      isSyncoxideError(err, 'INVALID_INPUT') &&
      /gateway\.port/.test(err.message) &&
      /opensearch\.url/.test(err.message),
  );
});

test('a missing or broken config file is a clear error', () => {
  assert.throws(() => loadConfig({ SYNCOXIDE_CONFIG: '/nonexistent/x.json' }), /config file does not exist/);
  const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
  const file = join(dir, 'bad.json');
  writeFileSync(file, '{ nope');
  assert.throws(() => loadConfig({ SYNCOXIDE_CONFIG: file }), /not valid JSON/);
});
