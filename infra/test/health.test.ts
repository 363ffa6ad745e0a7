import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '@syncoxide/core';
import { checkEngines, freePort } from '../src/index.js';
import { config } from './helpers.js';

test('checkEngines: every engine answers with its version', async () => {
  // A generous timeout: this asserts what the probes report, not how fast a loaded machine is.
  const report = await checkEngines(config, { timeoutMs: 20_000 });
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
  assert.notEqual(report.status, 'ok');
  assert.equal(report.engines.opensearch.ok, false);
  assert.match(report.engines.opensearch.error ?? '', /ECONNREFUSED/);
  assert.ok(Date.now() - started < 6000, 'probes are bounded by their timeout');
});
