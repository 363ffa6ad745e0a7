import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { ResumableHashes } from './resumable-hash.js';

test('saved and reloaded hash states give the same digests as one pass', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 8 }),
      fc.nat(8),
      async (chunks, cut) => {
        const first = await ResumableHashes.create();
        const at = Math.min(cut, chunks.length);
        for (const c of chunks.slice(0, at)) first.update(c);
        const saved = JSON.parse(JSON.stringify(first.save()));
        const second = await ResumableHashes.create(saved);
        for (const c of chunks.slice(at)) second.update(c);
        const all = Buffer.concat(chunks);
        assert.deepEqual(second.digests(), {
          md5: createHash('md5').update(all).digest('hex'),
          sha1: createHash('sha1').update(all).digest('hex'),
        });
        assert.equal(second.bytes, all.length);
        // digests() leaves the state usable.
        second.update(Buffer.from('x'));
        assert.equal(
          second.digests().md5,
          createHash('md5')
            .update(Buffer.concat([all, Buffer.from('x')]))
            .digest('hex'),
        );
      },
    ),
    { numRuns: 60 },
  );
});
