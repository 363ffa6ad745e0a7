// The write discipline (DESIGN-NOTES §4): a path shows old content or nothing while a write is
// in flight, keeps the old content when the writer dies, and `expect` guards every overwrite.
import assert from 'node:assert/strict';
import { type Ctx, collect, names, rejectsWith } from './context.js';
import { digest, pattern, readAll, text } from './data.js';

export function atomicityTests(ctx: Ctx): void {
  const sizes = () => {
    const part = ctx.options.partSize;
    // Two and a half parts, paused after one and a half: a part is already stored when we look.
    return { size: Math.floor(part * 2.5), pauseAt: Math.floor(part * 1.5) };
  };

  ctx.test('a reader never sees a partial file while a write is in flight', async () => {
    const p = ctx.fx().provider;
    const dir = ctx.dir('inflight');
    const { size, pauseAt } = sizes();

    // Nothing there before: the path stays absent until the write completes.
    const fresh = `${dir}/fresh.bin`;
    const source1 = pattern(size, { seed: 21, pauseAt });
    const writing1 = p.write(fresh, source1, { size });
    await source1.reached;
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(await p.stat(fresh), null, 'absent while the write is in flight');
    // The folder may not exist yet (S3 has no folders until an object is there): both are fine.
    const during = await collect(p.list(dir)).catch((err: { code?: string }) => {
      if (err.code === 'NOT_FOUND') return [];
      throw err;
    });
    assert.deepEqual(names(during), [], 'no temp file listed');
    source1.release();
    const entry1 = await writing1;
    assert.equal(entry1.size, size);

    // Old content there: readers keep seeing it whole until the new one replaces it.
    const old = await digest(await p.read(fresh));
    const source2 = pattern(size, { seed: 22, pauseAt });
    const writing2 = p.write(fresh, source2, { size });
    await source2.reached;
    await new Promise((r) => setTimeout(r, 200));
    assert.equal((await p.stat(fresh))?.size, size);
    assert.deepEqual(await digest(await p.read(fresh)), old, 'old content, whole');
    assert.deepEqual(names(await collect(p.list(dir))), [fresh], 'only the file itself is listed');
    source2.release();
    const entry2 = await writing2;
    assert.deepEqual(await digest(await p.read(fresh)), {
      size,
      md5: entry2.hashes.md5,
      sha1: entry2.hashes.sha1,
    });
  });

  ctx.test('an aborted write leaves the old file intact and no temp file visible', async () => {
    const p = ctx.fx().provider;
    const dir = ctx.dir('aborted');
    const { size, pauseAt } = sizes();
    const path = `${dir}/keep.bin`;
    const before = await p.write(path, text('the old content'));

    const source = pattern(size, { seed: 23, pauseAt });
    const writing = p.write(path, source, { size });
    await source.reached;
    // The writer's source dies midway, as when the process feeding it is killed.
    source.destroy(new Error('source killed'));
    await assert.rejects(writing);
    assert.equal((await readAll(await p.read(path))).toString(), 'the old content');
    assert.equal((await p.stat(path))?.size, before.size);
    assert.equal(await p.hash(path, 'sha1'), before.hashes.sha1);
    assert.deepEqual(names(await collect(p.list(dir))), [path], 'no temp file listed');

    // Same through an AbortSignal, on a path that did not exist.
    const controller = new AbortController();
    const source2 = pattern(size, { seed: 24, pauseAt });
    const writing2 = p.write(`${dir}/new.bin`, source2, { size, signal: controller.signal });
    await source2.reached;
    controller.abort();
    await assert.rejects(writing2);
    assert.equal(await p.stat(`${dir}/new.bin`), null);
    assert.deepEqual(names(await collect(p.list(dir))), [path]);
  });

  ctx.test('expect absent refuses an existing file with PRECONDITION_FAILED', async () => {
    const p = ctx.fx().provider;
    const path = `${ctx.dir('expect')}/a.txt`;
    await p.write(path, text('original'), { expect: { absent: true } });
    await rejectsWith(
      p.write(path, text('intruder'), { expect: { absent: true } }),
      'PRECONDITION_FAILED',
      path,
    );
    assert.equal((await readAll(await p.read(path))).toString(), 'original');
  });

  ctx.test('expect size+hash refuses a changed file and accepts the current one', async () => {
    const p = ctx.fx().provider;
    const dir = ctx.dir('expect');
    const path = `${dir}/b.txt`;
    const first = await p.write(path, text('version one'));
    const stale = { size: first.size, sha1: first.hashes.sha1!, md5: first.hashes.md5! };
    const second = await p.write(path, text('version two!'), { expect: stale });
    await rejectsWith(p.write(path, text('lost update'), { expect: stale }), 'PRECONDITION_FAILED', path);
    await rejectsWith(
      p.write(path, text('lost update'), { expect: { size: 999 } }),
      'PRECONDITION_FAILED',
      path,
    );
    assert.equal((await readAll(await p.read(path))).toString(), 'version two!');
    await rejectsWith(p.write(`${dir}/none.txt`, text('x'), { expect: stale }), 'PRECONDITION_FAILED');
    assert.equal(await p.stat(`${dir}/none.txt`), null);
    // Delete is guarded the same way.
    await rejectsWith(p.delete(path, { expect: stale }), 'PRECONDITION_FAILED', path);
    assert.ok(await p.stat(path));
    await p.delete(path, { expect: { size: second.size, md5: second.hashes.md5! } });
    assert.equal(await p.stat(path), null);
  });
}
