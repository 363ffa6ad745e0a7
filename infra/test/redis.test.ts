import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Redis } from 'ioredis';
import { config, uniqueName } from './helpers.js';

test('redis: a published message reaches a subscriber', async () => {
  const channel = `${config.redis.keyPrefix}${uniqueName('channel')}`;
  const subscriber = new Redis(config.redis.url);
  const publisher = new Redis(config.redis.url);
  try {
    const received = new Promise<string>((resolve) => {
      subscriber.on('message', (from, message) => {
        if (from === channel) resolve(message);
      });
    });
    await subscriber.subscribe(channel);
    assert.equal(await publisher.publish(channel, 'file changed'), 1);
    assert.equal(await received, 'file changed');
  } finally {
    subscriber.disconnect();
    publisher.disconnect();
  }
});
