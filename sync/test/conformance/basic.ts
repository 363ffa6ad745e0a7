// Reading and writing: empty files, ranges, overwrite, hashes checked by independent tools,
// modification times, large files across part boundaries, usage.
import assert from 'node:assert/strict';
import type { Ctx } from './context.js';
import { digest, pattern, patternDigest, readAll, systemHash, text } from './data.js';

const EMPTY_MD5 = 'd41d8cd98f00b204e9800998ecf8427e';
const EMPTY_SHA1 = 'da39a3ee5e6b4b0d3255bfef95601890afd80709';

export function basicTests(ctx: Ctx): void {
  ctx.test('writes and reads a 0-byte file', async () => {
    const p = ctx.fx().provider;
    const path = `${ctx.dir('empty')}/zero.bin`;
    const entry = await p.write(path, text(''), { size: 0 });
    assert.equal(entry.size, 0);
    assert.equal(entry.kind, 'file');
    assert.equal(entry.hashes.md5, EMPTY_MD5);
    assert.equal(entry.hashes.sha1, EMPTY_SHA1);
    const stat = await p.stat(path);
    assert.equal(stat?.size, 0);
    assert.equal(stat?.kind, 'file');
    assert.equal((await readAll(await p.read(path))).length, 0);
    assert.equal(await p.hash(path, 'md5'), EMPTY_MD5);
  });

  ctx.test('stat of a missing path is null', async () => {
    const p = ctx.fx().provider;
    assert.equal(await p.stat(`${ctx.dir('missing')}/nothing.txt`), null);
  });

  ctx.test('reads byte ranges: start only, start-end, last byte', async () => {
    const p = ctx.fx().provider;
    const path = `${ctx.dir('range')}/r.bin`;
    const size = 300_000;
    await p.write(path, pattern(size, { seed: 7 }), { size });
    const all = await readAll(pattern(size, { seed: 7 }));
    assert.deepEqual(await readAll(await p.read(path, { start: 250_000 })), all.subarray(250_000));
    assert.deepEqual(
      await readAll(await p.read(path, { start: 1000, end: 70_000 })),
      all.subarray(1000, 70_001),
    );
    assert.deepEqual(
      await readAll(await p.read(path, { start: size - 1, end: size - 1 })),
      all.subarray(size - 1),
    );
    assert.deepEqual(await readAll(await p.read(path, { start: 0, end: 0 })), all.subarray(0, 1));
  });

  ctx.test('overwrites a file with new content', async () => {
    const p = ctx.fx().provider;
    const path = `${ctx.dir('over')}/o.txt`;
    await p.write(path, text('first version, longer than the second'));
    const second = await p.write(path, text('second'));
    assert.equal(second.size, 6);
    assert.equal((await readAll(await p.read(path))).toString(), 'second');
    assert.equal((await p.stat(path))?.size, 6);
  });

  ctx.test('write result md5/sha1 match md5sum and sha1sum of the same bytes', async () => {
    const p = ctx.fx().provider;
    const path = `${ctx.dir('hash')}/h.bin`;
    const size = 1_234_567;
    const entry = await p.write(path, pattern(size, { seed: 3 }));
    const md5 = await systemHash('md5sum', pattern(size, { seed: 3 }));
    const sha1 = await systemHash('sha1sum', pattern(size, { seed: 3 }));
    assert.equal(entry.size, size);
    assert.equal(entry.hashes.md5, md5);
    assert.equal(entry.hashes.sha1, sha1);
    assert.equal(await p.hash(path, 'md5'), md5);
    assert.equal(await p.hash(path, 'sha1'), sha1);
    // What comes back out is what md5sum saw going in.
    assert.equal(await systemHash('md5sum', await p.read(path)), md5);
    const stat = await p.stat(path);
    for (const type of p.capabilities.hashes) {
      assert.equal(stat?.hashes[type], type === 'md5' ? md5 : sha1, `stat reports ${type}`);
    }
  });

  ctx.test('modtime round-trips within the stated precision', async (t) => {
    const p = ctx.fx().provider;
    const { modtime } = p.capabilities;
    if (!modtime.supported || !modtime.settable) {
      t.skip('provider cannot set modification times (capabilities.modtime.settable is false)');
      return;
    }
    const path = `${ctx.dir('mtime')}/m.txt`;
    const mtime = Date.UTC(2021, 4, 17, 10, 20, 30, 456);
    const entry = await p.write(path, text('mtime'), { mtime });
    const tolerance = Math.max(modtime.precisionMs, 1);
    assert.ok(
      Math.abs((entry.mtime ?? 0) - mtime) <= tolerance,
      `write result mtime ${entry.mtime} vs ${mtime}`,
    );
    const stat = await p.stat(path);
    assert.ok(Math.abs((stat?.mtime ?? 0) - mtime) <= tolerance, `stat mtime ${stat?.mtime} vs ${mtime}`);
  });

  ctx.test('large file across multipart boundaries, size known and unknown', async () => {
    const p = ctx.fx().provider;
    const size = ctx.options.largeFileSize;
    const expected = await patternDigest(size, 11);
    const known = `${ctx.dir('large')}/known.bin`;
    let progress = 0;
    const entry = await p.write(known, pattern(size, { seed: 11 }), {
      size,
      onProgress: (bytes) => {
        progress = bytes;
      },
    });
    assert.equal(entry.size, size);
    assert.equal(entry.hashes.md5, expected.md5);
    assert.equal(entry.hashes.sha1, expected.sha1);
    assert.equal(progress, size, 'onProgress reached the full size');
    assert.deepEqual(await digest(await p.read(known)), expected);
    // Without a size the provider must still stream (and split into parts) correctly.
    const unknown = `${ctx.dir('large')}/unknown.bin`;
    const second = await p.write(unknown, pattern(size, { seed: 11 }));
    assert.equal(second.hashes.sha1, expected.sha1);
    assert.equal((await p.stat(unknown))?.size, size);
    // A range that straddles the first part boundary.
    const boundary = ctx.options.partSize;
    const slice = await readAll(await p.read(unknown, { start: boundary - 10, end: boundary + 9 }));
    const reference = await readAll(pattern(boundary + 10, { seed: 11, start: boundary - 10 }));
    assert.deepEqual(slice, reference);
  });

  ctx.test('usage() returns numbers or null', async () => {
    const usage = await ctx.fx().provider.usage();
    if (usage === null) return;
    assert.ok(Number.isFinite(usage.used) && usage.used >= 0, 'used is a non-negative number');
    for (const key of ['free', 'total'] as const) {
      const v = usage[key];
      assert.ok(v === null || (Number.isFinite(v) && v >= 0), `${key} is null or a non-negative number`);
    }
  });
}
