// Every scenario of shared/sync-scenarios.json, played against real providers and a real
// PostgreSQL journal. An expectation we disagree with stays a test: it is listed below with
// the reason, printed, and reported as TODO instead of silently skipped.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { KITS, type KitEnv } from './kits.js';
import { type TestJournal, testJournal } from './pg.js';
import { playScenario, type Scenario } from './scenario.js';
import { assertSame, assertTree } from './trees.js';

// The team's file beside the checkout when it is there (`../shared`), else the copy committed
// here (a clone elsewhere, e.g. in CI); SYNCOXIDE_SCENARIOS names another file.
const candidates = [
  process.env.SYNCOXIDE_SCENARIOS,
  new URL('../../../../shared/sync-scenarios.json', import.meta.url).pathname,
  new URL('./sync-scenarios.json', import.meta.url).pathname,
].filter((f): f is string => Boolean(f));
const file = candidates.find((f) => existsSync(f)) ?? candidates.at(-1)!;
const { scenarios } = JSON.parse(readFileSync(file, 'utf8')) as { scenarios: Scenario[] };

/** Scenario name → why we believe the expectation is wrong. Empty: we agree with all of them. */
const KNOWN_DISAGREEMENTS: Record<string, string> = {};

for (const kit of KITS) {
  describe(`sync-scenarios.json on ${kit.name}`, () => {
    let env: KitEnv;
    let db: TestJournal;
    before(async () => {
      env = await kit.setup();
      db = await testJournal('scen');
    });
    after(async () => {
      await db?.close();
      await env?.cleanup();
    });

    for (const s of scenarios) {
      const disagreement = KNOWN_DISAGREEMENTS[s.name];
      if (disagreement) console.log(`known disagreement: "${s.name}": ${disagreement}`);
      const known = kit.knownFailures?.[s.name];
      if (known) console.log(`known failure on ${kit.name}: "${s.name}": ${known}`);
      const reason = disagreement ?? known;
      it(s.name, reason ? { todo: reason } : {}, async () => {
        const played = await playScenario(env, db.journal, s);
        const { report } = played;
        if (s.rule.expectAbort) {
          assert.equal(report.result, 'aborted', `the run must refuse: ${JSON.stringify(report)}`);
        } else {
          assert.notEqual(report.result, 'aborted', `unexpected abort: ${report.reason}`);
          assert.deepEqual(report.errors, [], 'no failed operations');
        }
        if ('same' in s.expect) {
          assertSame(played.path1, played.path2, s.name, env.folders);
          const contents = new Set([...played.path1.values()].map((n) => ('content' in n ? n.content : '')));
          for (const c of s.expect.contents)
            assert.ok(contents.has(c), `content ${JSON.stringify(c)} is kept`);
        } else {
          assertTree(played.path1, s.expect.path1, `${s.name} [path1]`, env.folders);
          assertTree(played.path2, s.expect.path2, `${s.name} [path2]`, env.folders);
        }
      });
    }
  });
}
