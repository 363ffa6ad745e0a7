import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderStatus } from './render-status.js';

test('status table names each engine, its state and version or error', () => {
  const text = renderStatus({
    status: 'degraded',
    engines: { neo4j: { ok: true, version: '5.26.0' }, kafka: { ok: false, error: 'connect ECONNREFUSED' } },
    gateway: { ok: false, url: 'http://localhost:4000', status: 'down', error: 'fetch failed' },
  });
  assert.match(text, /neo4j\s+up\s+5\.26\.0/);
  assert.match(text, /kafka\s+DOWN\s+connect ECONNREFUSED/);
  assert.match(text, /gateway\s+DOWN/);
  assert.match(text, /overall: degraded/);
});
