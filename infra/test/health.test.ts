import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '@syncoxide/core';
import { checkEngines, freePort } from '../src/index.js';
import { config } from './helpers.js';

test('checkEngines: every engine answers with its version', async () => {
  const report = await checkEngines(config);
  for (const [name, probe] of Object.entries(report.engines)) {
    assert.ok(probe.ok, `${name}: ${probe.error}`);
    assert.ok(probe.version, `${name} has a version`);
  }
  assert.equal(report.status, 'ok');
});

test('checkEngines: an engine that does not answer makes it degraded, quickly', async () => {
  const port = await freePort();
  const broken = loadConfig({ ...process.env, SYNCOXIDE_OPENSEARCH_URL: `http://127.0.0.1:${port}` });
  const started = Date.now();
  const report = await checkEngines(broken, { timeoutMs: 1000 });
  assert.equal(report.status, 'degraded');
  assert.equal(report.engines.opensearch.ok, false);
  assert.ok(report.engines.opensearch.error);
  assert.equal(report.engines.neo4j.ok, true);
  assert.ok(Date.now() - started < 5000, 'probes are bounded by their timeout');
});
