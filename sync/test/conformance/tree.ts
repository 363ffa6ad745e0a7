// Folders and listings: 10,000 entries streamed once each, non-recursive listing, mkdir,
// recursive delete, moves of files and folders, server-side copy.
import assert from 'node:assert/strict';
import PQueue from 'p-queue';
import { canCopy } from '../../src/providers/types.js';
import { type Ctx, collect, names, rejectsWith } from './context.js';
import { readAll, text } from './data.js';

export function treeTests(ctx: Ctx): void {
  ctx.test('lists 10,000 entries, each exactly once', async () => {
    const p = ctx.fx().provider;
    const top = ctx.dir('many');
    const count = ctx.options.listingCount;
    const perFolder = 100;
    const queue = new PQueue({ concurrency: ctx.options.concurrency });
    const expected = new Set<string>();
    for (let i = 0; i < count; i++) {
      const path = `${top}/f${Math.floor(i / perFolder)}/file-${i}.txt`;
      expected.add(path);
      void queue.add(() => p.write(path, text('')));
    }
    await queue.onIdle();
    const seen = new Map<string, number>();
    let files = 0;
    for await (const entry of p.list(top)) {
      seen.set(entry.path, (seen.get(entry.path) ?? 0) + 1);
      if (entry.kind === 'file') files++;
    }
    assert.equal(files, count);
    for (const path of expected) assert.equal(seen.get(path), 1, `${path} listed once`);
    const dupes = [...seen].filter(([, n]) => n > 1);
    assert.deepEqual(dupes, [], 'no entry listed twice');
    const folders = Math.ceil(count / perFolder);
    for (let f = 0; f < folders; f++) assert.equal(seen.get(`${top}/f${f}`), 1, `folder f${f} listed once`);
    await p.delete(top);
    assert.equal(await p.stat(top), null);
  });

  ctx.test('non-recursive listing shows direct children only', async () => {
    const p = ctx.fx().provider;
    const dir = ctx.dir('shallow');
    await p.write(`${dir}/a.txt`, text('a'));
    await p.write(`${dir}/sub/b.txt`, text('b'));
    await p.write(`${dir}/sub/deeper/c.txt`, text('c'));
    const direct = await collect(p.list(dir, { recursive: false }));
    assert.deepEqual(names(direct), [`${dir}/a.txt`, `${dir}/sub`]);
    assert.equal(direct.find((e) => e.path === `${dir}/sub`)?.kind, 'folder');
    assert.equal(direct.find((e) => e.path === `${dir}/a.txt`)?.size, 1);
    const all = await collect(p.list(dir));
    assert.deepEqual(names(all), [
      `${dir}/a.txt`,
      `${dir}/sub`,
      `${dir}/sub/b.txt`,
      `${dir}/sub/deeper`,
      `${dir}/sub/deeper/c.txt`,
    ]);
    await rejectsWith(collect(p.list(`${dir}/missing`)), 'NOT_FOUND', `${dir}/missing`);
  });

  ctx.test('mkdir creates parents, is idempotent, and delete removes a folder recursively', async () => {
    const p = ctx.fx().provider;
    const dir = ctx.dir('mk');
    await p.mkdir(`${dir}/x/y/z`);
    await p.mkdir(`${dir}/x/y/z`);
    if (p.capabilities.emptyFolders) {
      assert.equal((await p.stat(`${dir}/x/y/z`))?.kind, 'folder');
      assert.equal((await p.stat(`${dir}/x`))?.kind, 'folder');
    }
    await p.write(`${dir}/x/y/file.txt`, text('f'));
    await p.write(`${dir}/x/y/z/deep.txt`, text('d'));
    await p.delete(`${dir}/x`);
    assert.equal(await p.stat(`${dir}/x/y/file.txt`), null);
    assert.equal(await p.stat(`${dir}/x`), null);
    await rejectsWith(p.delete(`${dir}/x`), 'NOT_FOUND', `${dir}/x`);
  });

  ctx.test('moves a file, refusing to overwrite unless told', async () => {
    const p = ctx.fx().provider;
    const dir = ctx.dir('mvfile');
    await p.write(`${dir}/a.txt`, text('alpha'), { mtime: Date.UTC(2019, 1, 1) });
    const moved = await p.move(`${dir}/a.txt`, `${dir}/new/place/b.txt`);
    assert.equal(moved.path, `${dir}/new/place/b.txt`);
    assert.equal(moved.size, 5);
    assert.equal(await p.stat(`${dir}/a.txt`), null);
    assert.equal((await readAll(await p.read(`${dir}/new/place/b.txt`))).toString(), 'alpha');
    await p.write(`${dir}/c.txt`, text('gamma'));
    await rejectsWith(
      p.move(`${dir}/c.txt`, `${dir}/new/place/b.txt`),
      'ALREADY_EXISTS',
      `${dir}/new/place/b.txt`,
    );
    assert.equal((await readAll(await p.read(`${dir}/new/place/b.txt`))).toString(), 'alpha');
    await p.move(`${dir}/c.txt`, `${dir}/new/place/b.txt`, { overwrite: true });
    assert.equal((await readAll(await p.read(`${dir}/new/place/b.txt`))).toString(), 'gamma');
    await rejectsWith(p.move(`${dir}/nope.txt`, `${dir}/x.txt`), 'NOT_FOUND', `${dir}/nope.txt`);
  });

  ctx.test('moves a folder with its contents', async () => {
    const p = ctx.fx().provider;
    const dir = ctx.dir('mvdir');
    await p.write(`${dir}/src/one.txt`, text('1'));
    await p.write(`${dir}/src/inner/two.txt`, text('22'));
    const moved = await p.move(`${dir}/src`, `${dir}/dst`);
    assert.equal(moved.kind, 'folder');
    assert.equal(await p.stat(`${dir}/src`), null);
    assert.deepEqual(names(await collect(p.list(`${dir}/dst`))), [
      `${dir}/dst/inner`,
      `${dir}/dst/inner/two.txt`,
      `${dir}/dst/one.txt`,
    ]);
    assert.equal((await readAll(await p.read(`${dir}/dst/inner/two.txt`))).toString(), '22');
  });

  ctx.test('server-side copy when the provider can', async (t) => {
    const p = ctx.fx().provider;
    if (!canCopy(p)) {
      t.skip('provider has no server-side copy');
      return;
    }
    const dir = ctx.dir('copy');
    const source = await p.write(`${dir}/orig.txt`, text('copy me'));
    const copy = await p.copy(`${dir}/orig.txt`, `${dir}/sub/copy.txt`);
    assert.equal(copy.size, source.size);
    assert.equal((await readAll(await p.read(`${dir}/sub/copy.txt`))).toString(), 'copy me');
    assert.equal((await readAll(await p.read(`${dir}/orig.txt`))).toString(), 'copy me');
    assert.equal(await p.hash(`${dir}/sub/copy.txt`, 'sha1'), source.hashes.sha1);
    await rejectsWith(p.copy(`${dir}/missing.txt`, `${dir}/c2.txt`), 'NOT_FOUND', `${dir}/missing.txt`);
  });
}
