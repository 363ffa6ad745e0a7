// Errors are typed (SyncoxideError with a code) and name the path they are about.
import assert from 'node:assert/strict';
import { isRetriable } from '@syncoxide/core';
import { type Ctx, rejectsWith } from './context.js';
import { text } from './data.js';

export function errorTests(ctx: Ctx): void {
  ctx.test('reading a missing file is NOT_FOUND naming the path', async () => {
    const p = ctx.fx().provider;
    const path = `${ctx.dir('err')}/missing file.txt`;
    await rejectsWith(p.read(path), 'NOT_FOUND', path);
    await rejectsWith(p.hash(path, 'sha1'), 'NOT_FOUND', path);
    await rejectsWith(p.delete(path), 'NOT_FOUND', path);
  });

  ctx.test('reading past the end of a file is refused', async () => {
    const p = ctx.fx().provider;
    const path = `${ctx.dir('err')}/short.txt`;
    await p.write(path, text('short'));
    await rejectsWith(p.read(path, { start: 100 }), 'INVALID_INPUT', path);
  });

  ctx.test('writing where permission is denied is PERMISSION_DENIED', async (t) => {
    const fx = ctx.fx();
    if (!fx.denied) {
      t.skip('the fixture cannot arrange a place where writes are refused');
      return;
    }
    const { provider, path, undo } = await fx.denied();
    try {
      const target = `${path}/refused.txt`;
      await rejectsWith(provider.write(target, text('no')), 'PERMISSION_DENIED', target);
    } finally {
      await undo();
    }
  });

  ctx.test('an unreachable endpoint is a retriable NETWORK or UNAVAILABLE error', async (t) => {
    const fx = ctx.fx();
    if (!fx.unreachable) {
      t.skip('the provider has no network endpoint');
      return;
    }
    const dead = await fx.unreachable();
    try {
      await assert.rejects(dead.stat('anything.txt'), (err: unknown) => {
        assert.ok(isRetriable(err), `retriable: ${String(err)}`);
        return true;
      });
      await rejectsWith(dead.read('some/file.txt'), ['NETWORK', 'UNAVAILABLE', 'TIMEOUT'], 'some/file.txt');
    } finally {
      await dead.close();
    }
  });
}
