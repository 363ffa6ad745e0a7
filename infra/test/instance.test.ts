import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { checkEngines, startEngineInstance } from '../src/index.js';
import { config, kafkaClient, roundTrip } from './helpers.js';

test('startEngineInstance: a private Kafka serves, stops and restarts without touching the shared one', async () => {
  const kafka = await startEngineInstance('kafka');
  try {
    assert.notEqual(kafka.port, 9092);
    assert.deepEqual(await roundTrip(kafka.brokers, ['a', 'b', 'c']), ['a', 'b', 'c']);

    // A crash, then a restart on the same ports and data.
    kafka.kill('SIGKILL');
    const admin = kafkaClient(kafka.brokers).admin({ retry: { retries: 0 } });
    await assert.rejects(admin.connect().then(() => admin.listTopics()));
    await admin.disconnect().catch(() => undefined);
    await kafka.restart();
    assert.deepEqual(await roundTrip(kafka.brokers, ['after restart']), ['after restart']);
  } finally {
    await kafka.stop();
  }
  assert.equal(kafka.pid, undefined);
  assert.equal(existsSync(kafka.dataDir), false, 'a temporary data folder is removed on stop');
  const shared = await checkEngines(config);
  assert.ok(shared.engines.kafka.ok, 'the shared Kafka still answers');
});
