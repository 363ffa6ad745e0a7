import assert from 'node:assert/strict';
import { test } from 'node:test';
import { config, roundTrip } from './helpers.js';

test('kafka: produce then consume on a fresh topic and group, in order', async () => {
  const values = Array.from({ length: 20 }, (_, i) => `message ${i}`);
  assert.deepEqual(await roundTrip(config.kafka.brokers, values), values);
});
