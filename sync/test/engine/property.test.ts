// Property: any sequence of edits on both sides of a two-way rule, interleaved with runs,
// ends (after a final run) with identical trees on both sides, a further run has nothing to
// do, and no content is lost: every content ever written is still there (in its file or a
// conflict copy) unless a user edit itself overwrote or deleted it.
// SYNCOXIDE_PROPERTY_RUNS scales the number of generated sequences (default 12).
import assert from 'node:assert/strict';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { uniqueName } from '@syncoxide/core';
import fc from 'fast-check';
import type { Side } from '../../src/engine/rule.js';
import { SyncEngine } from '../../src/engine/runner.js';
import { type KitEnv, localKit, providerMap } from './kits.js';
import { type TestJournal, testJournal } from './pg.js';

const PATHS = ['a.txt', 'b.txt', 'd', 'd/c.txt', 'd/e.txt', 'x/y/z.txt'];
const side = fc.constantFrom<Side>('path1', 'path2');
const path = fc.constantFrom(...PATHS);
const Op = fc.oneof(
  { arbitrary: fc.record({ t: fc.constant('write' as const), side, path }), weight: 5 },
  { arbitrary: fc.record({ t: fc.constant('delete' as const), side, path }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('rename' as const), side, path, to: path }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('rmdir' as const), side }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('run' as const) }), weight: 3 },
);
async function files(root: string, dir = root): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let entries: import('node:fs').Dirent[] = [];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const d of entries) {
    const p = join(dir, d.name);
    if (d.isDirectory()) {
      out.set(`${relative(root, p)}/`, 'dir');
      for (const [k, v] of await files(root, p)) out.set(k, v);
    } else out.set(relative(root, p), await readFile(p, 'utf8'));
  }
  return out;
}

const kind = async (abs: string) =>
  (await stat(abs).catch(() => null))?.isDirectory()
    ? 'dir'
    : (await stat(abs).catch(() => null))
      ? 'file'
      : null;

describe('two-way convergence (property-based)', () => {
  let env: KitEnv;
  let db: TestJournal;
  before(async () => {
    env = await localKit.setup();
    db = await testJournal('prop');
  });
  after(async () => {
    await db?.close();
    await env?.cleanup();
  });

  it('random edits and runs converge without losing content', { timeout: 15 * 60_000 }, async () => {
    const engine = new SyncEngine({ journal: db.journal, provider: providerMap(env), retryBaseMs: 10 });
    let counter = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(Op, { minLength: 1, maxLength: 14 }), async (ops) => {
        const folder = uniqueName('prop');
        const roots = { path1: join(env.path1.rawDir!, folder), path2: join(env.path2.rawDir!, folder) };
        const rule = {
          id: uniqueName('prop-rule'),
          ownerId: 'o',
          path1: { remote: env.path1.remote, path: folder },
          path2: { remote: env.path2.remote, path: folder },
          mode: 'two-way' as const,
          maxDelete: { percent: 100 },
        };
        const written = new Set<string>();
        const destroyed = new Set<string>();
        const p = (s: Side) => env[s].provider;
        const at = (s: Side, rel: string) => join(roots[s], rel);
        const run = async () => {
          const r = await engine.run(rule, { force: true });
          assert.deepEqual(r.errors, [], `run errors: ${JSON.stringify(r)}`);
        };
        for (const op of ops) {
          if (op.t === 'run') {
            await run();
            continue;
          }
          const s = op.side;
          if (op.t === 'rmdir') {
            if ((await kind(at(s, 'd'))) !== 'dir') continue;
            for (const v of (await files(at(s, 'd'))).values()) if (v !== 'dir') destroyed.add(v);
            await p(s).delete(`${folder}/d`);
          } else if (op.t === 'write') {
            const k = await kind(at(s, op.path));
            if (k === 'dir') continue;
            if (op.path.startsWith('d/') && (await kind(at(s, 'd'))) === 'file') continue;
            if (k === 'file') destroyed.add(await readFile(at(s, op.path), 'utf8'));
            const content = `content ${++counter}\n`;
            written.add(content);
            await p(s).write(`${folder}/${op.path}`, Readable.from([Buffer.from(content)]), {
              mtime: Date.now() + counter,
            });
          } else if (op.t === 'delete') {
            if ((await kind(at(s, op.path))) !== 'file') continue;
            destroyed.add(await readFile(at(s, op.path), 'utf8'));
            await p(s).delete(`${folder}/${op.path}`);
          } else {
            if (
              op.path === op.to ||
              (await kind(at(s, op.path))) !== 'file' ||
              (await kind(at(s, op.to))) !== null
            )
              continue;
            if (op.to.startsWith('d/') && (await kind(at(s, 'd'))) === 'file') continue;
            if (op.to.startsWith(`${op.path}/`)) continue;
            await p(s).move(`${folder}/${op.path}`, `${folder}/${op.to}`);
          }
        }
        await run();
        const one = await files(roots.path1);
        const two = await files(roots.path2);
        assert.deepEqual([...one].sort(), [...two].sort(), 'both sides identical');
        const present = new Set(one.values());
        for (const c of written) {
          if (!destroyed.has(c))
            assert.ok(present.has(c), `content lost: ${JSON.stringify(c)} (ops ${JSON.stringify(ops)})`);
        }
        const again = await engine.run(rule, { force: true });
        assert.equal(again.result, 'unchanged', `a further run has nothing to do: ${JSON.stringify(again)}`);
        await rm(roots.path1, { recursive: true, force: true });
        await rm(roots.path2, { recursive: true, force: true });
      }),
      { numRuns: Number(process.env.SYNCOXIDE_PROPERTY_RUNS ?? 12), endOnFailure: true },
    );
  });
});
