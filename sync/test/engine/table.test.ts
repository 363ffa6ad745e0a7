// Our rclone-bisync-style scenario table (table-scenarios.ts), on real providers and a real
// journal; each scenario is also run a second time to check the result is stable (a second
// run has nothing to do).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SyncEngine } from '../../src/engine/runner.js';
import { KITS, type KitEnv, providerMap } from './kits.js';
import { type TestJournal, testJournal } from './pg.js';
import { playScenario, RUN_TIME } from './scenario.js';
import { TABLE } from './table-scenarios.js';
import { assertSame, assertTree, readTree } from './trees.js';

for (const kit of KITS) {
  describe(`scenario table on ${kit.name}`, () => {
    let env: KitEnv;
    let db: TestJournal;
    before(async () => {
      env = await kit.setup();
      db = await testJournal('table');
    });
    after(async () => {
      await db?.close();
      await env?.cleanup();
    });

    for (const s of TABLE) {
      const known = kit.knownFailures?.[s.name];
      if (known) console.log(`known failure on ${kit.name}: "${s.name}": ${known}`);
      it(s.name, known ? { todo: known } : {}, async () => {
        const played = await playScenario(env, db.journal, s);
        const { report } = played;
        if (s.rule.expectAbort) assert.equal(report.result, 'aborted', JSON.stringify(report));
        else assert.deepEqual(report.errors, [], `no failed operations (${report.reason ?? ''})`);
        if (s.expectBytes !== undefined) assert.equal(report.moved.bytes, s.expectBytes, 'bytes transferred');
        if ('same' in s.expect) assertSame(played.path1, played.path2, s.name, env.folders);
        else {
          assertTree(played.path1, s.expect.path1, `${s.name} [path1]`, env.folders);
          assertTree(played.path2, s.expect.path2, `${s.name} [path2]`, env.folders);
        }
        if (s.rule.expectAbort) return;
        // Stable: a second run finds nothing to do and changes nothing.
        const engine = new SyncEngine({ journal: db.journal, provider: providerMap(env) });
        const again = await engine.run(played.rule, { now: RUN_TIME });
        assert.equal(again.result, 'unchanged', `second run: ${JSON.stringify(again)}`);
        assertTree(
          await readTree(env.path1.provider, played.folders.path1),
          toTree(played.path1),
          'second run [path1]',
        );
        assertTree(
          await readTree(env.path2.provider, played.folders.path2),
          toTree(played.path2),
          'second run [path2]',
        );
      });
    }
  });
}

function toTree(actual: Awaited<ReturnType<typeof readTree>>) {
  return Object.fromEntries(
    [...actual].map(([p, n]) => [p, 'dir' in n ? n : { content: n.content, mtime: n.mtime / 1000 }]),
  );
}
