import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isSyncoxideError } from '@syncoxide/core';
import { runningPid, spawnLogged, stopProcess, waitHealthy } from './process.js';

test('a spawned process is found by its pid file and tag, and stopped', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'syncoxide-process-'));
  try {
    const tag = `tag=${dir}`;
    const child = spawnLogged({
      command: process.execPath,
      args: ['-e', 'console.log("hello"); setInterval(() => {}, 1000)', tag],
      logFile: join(dir, 'x.log'),
      pidFile: join(dir, 'x.pid'),
      tag,
      detached: false,
    });
    let exited = false;
    child.once('exit', () => {
      exited = true;
    });
    await waitHealthy(
      async () => (readFileSync(join(dir, 'x.log'), 'utf8').includes('hello') ? true : undefined),
      {
        engine: 'x',
        logFile: join(dir, 'x.log'),
        timeoutMs: 10_000,
        intervalMs: 50,
      },
    );
    assert.equal(runningPid(join(dir, 'x.pid'), tag), child.pid);
    assert.equal(
      runningPid(join(dir, 'x.pid'), '--another-tag'),
      undefined,
      'a pid that is not ours is ignored',
    );
    assert.equal(await stopProcess(child.pid as number, { exited: () => exited }), 'terminated');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a failed health wait names the engine and its log, and shows its last lines', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'syncoxide-process-'));
  try {
    const child = spawnLogged({
      command: process.execPath,
      args: ['-e', 'console.log("boom: port in use"); process.exit(3)'],
      logFile: join(dir, 'y.log'),
      pidFile: join(dir, 'y.pid'),
      tag: 'y',
      detached: false,
    });
    let exited = false;
    child.once('exit', () => {
      exited = true;
    });
    const err = await waitHealthy(async () => undefined, {
      engine: 'y-engine',
      logFile: join(dir, 'y.log'),
      timeoutMs: 10_000,
      intervalMs: 50,
      isAlive: () => !exited,
    }).catch((e: unknown) => e);
    assert.ok(isSyncoxideError(err, 'UNAVAILABLE'));
    assert.match(err.message, /y-engine exited during startup/);
    assert.match(err.message, /y\.log/);
    assert.match(err.message, /boom: port in use/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
