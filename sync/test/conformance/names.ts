// Names: unicode normalisation forms, awkward characters, deep paths, case-only renames.
import assert from 'node:assert/strict';
import { type Ctx, collect, names } from './context.js';
import { readAll, text } from './data.js';

const NFC = 'caf\u00e9 na\u00efve'; // precomposed é, ï
const NFD = 'cafe\u0301 nai\u0308ve'; // e + combining acute, i + combining diaeresis

export function nameTests(ctx: Ctx): void {
  ctx.test('unicode names round-trip as listed (NFC and NFD)', async (t) => {
    const p = ctx.fx().provider;
    for (const [form, name] of [
      ['NFC', NFC],
      ['NFD', NFD],
    ] as const) {
      // Separate folders: providers that normalise would see the two as one name.
      const dir = ctx.dir(`uni-${form}`);
      await p.write(`${dir}/${name}.txt`, text(form));
      const listed = await collect(p.list(dir));
      assert.equal(listed.length, 1, `one entry in ${dir}`);
      const got = listed[0]!.path;
      assert.equal(
        got.normalize('NFC'),
        `${dir}/${name}.txt`.normalize('NFC'),
        'same name up to normalisation',
      );
      // Whatever form the listing shows must lead back to the file.
      assert.equal((await readAll(await p.read(got))).toString(), form);
      assert.equal((await p.stat(got))?.kind, 'file');
      t.diagnostic(
        `${form} name ${got === `${dir}/${name}.txt` ? 'kept as written' : `listed as ${got.normalize('NFC') === got ? 'NFC' : 'NFD'}`}`,
      );
    }
  });

  ctx.test('names with spaces, #, %, quotes, emoji and other awkward characters', async () => {
    const p = ctx.fx().provider;
    const dir = ctx.dir('odd');
    const odd = [
      'with space.txt',
      ' leading and trailing space .txt',
      'hash#tag.txt',
      'percent%20encoded%.txt',
      'quotes "double" and \'single\'.txt',
      'emoji 🎉📁.txt',
      'plus+and&amp=;.txt',
      'brackets [x] {y} (z).txt',
      '日本語のファイル.txt',
      'question?.txt',
    ];
    for (const name of odd) await p.write(`${dir}/${name}`, text(name));
    const listed = names(await collect(p.list(dir)));
    assert.deepEqual(listed, odd.map((n) => `${dir}/${n}`).sort());
    for (const name of odd) {
      assert.equal((await readAll(await p.read(`${dir}/${name}`))).toString(), name, `content of ${name}`);
    }
    // A folder with awkward characters, too.
    await p.write(`${dir}/sub #1 %/child 🎉.txt`, text('child'));
    assert.equal((await p.stat(`${dir}/sub #1 %`))?.kind, 'folder');
    assert.equal((await p.stat(`${dir}/sub #1 %/child 🎉.txt`))?.size, 5);
  });

  ctx.test('deep paths (20 levels) are created, listed and deleted', async () => {
    const p = ctx.fx().provider;
    const top = ctx.dir('deep');
    const levels = Array.from({ length: 20 }, (_, i) => `level${i + 1}`);
    const path = `${top}/${levels.join('/')}/leaf.txt`;
    await p.write(path, text('deep'));
    assert.equal((await readAll(await p.read(path))).toString(), 'deep');
    const listed = await collect(p.list(top));
    assert.ok(listed.some((e) => e.path === path && e.kind === 'file'));
    assert.equal((await p.stat(`${top}/${levels.slice(0, 10).join('/')}`))?.kind, 'folder');
    await p.delete(top);
    assert.equal(await p.stat(path), null);
    assert.equal(await p.stat(top), null);
  });

  ctx.test('case-only rename', async () => {
    const p = ctx.fx().provider;
    const dir = ctx.dir('case');
    await p.write(`${dir}/Readme.md`, text('read me'));
    const moved = await p.move(`${dir}/Readme.md`, `${dir}/README.md`);
    assert.equal(moved.path, `${dir}/README.md`);
    assert.deepEqual(names(await collect(p.list(dir))), [`${dir}/README.md`]);
    assert.equal((await readAll(await p.read(`${dir}/README.md`))).toString(), 'read me');
  });
}
