// A byte flipped in flight (a transform between the source read and the destination write,
// injected through the executor's test seam) must be caught by the hash check, reported, and
// the file re-sent, both for a whole-file write and for a resumable multi-part upload.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { SyncEngine } from '../../src/engine/runner.js';
import { type KitEnv, localKit, providerMap } from './kits.js';
import { type TestJournal, testJournal } from './pg.js';
import { md5 } from './trees.js';

/** Flips one byte at `at` (counted over the stream) the first `times` streams it sees. */
function flipper(at: number, times: number): { make: () => Transform | null; flipped: () => number } {
  let left = times;
  let flipped = 0;
  return {
    flipped: () => flipped,
    make: () => {
      if (left <= 0) return null;
      left--;
      let seen = 0;
      return new Transform({
        transform(chunk: Buffer, _enc, cb: TransformCallback) {
          if (at >= seen && at < seen + chunk.length) {
            const copy = Buffer.from(chunk);
            copy[at - seen] = copy[at - seen]! ^ 0xff;
            flipped++;
            seen += chunk.length;
            return cb(null, copy);
          }
          seen += chunk.length;
          cb(null, chunk);
        },
      });
    },
  };
}

describe('corruption in flight', () => {
  let env: KitEnv;
  let db: TestJournal;
  before(async () => {
    env = await localKit.setup();
    db = await testJournal('corrupt');
  });
  after(async () => {
    await db?.close();
    await env?.cleanup();
  });

  for (const variant of [
    { name: 'whole-file write', sessionMinBytes: Number.MAX_SAFE_INTEGER, size: 300_000, at: 123_456 },
    {
      name: 'resumable upload, corrupted middle part',
      sessionMinBytes: 0,
      size: 3 * 1024 * 1024 + 17,
      at: 1_500_000,
    },
  ]) {
    it(`is detected by the hash check and re-sent (${variant.name})`, async () => {
      const data = randomBytes(variant.size);
      const folder = `c-${variant.sessionMinBytes}`;
      await env.path1.provider.mkdir(folder);
      await writeFile(join(env.path1.rawDir!, folder, 'payload.bin'), data);
      // Flip only in the part that holds the byte: parts are 1 MiB, so one wire per part.
      const flip = flipper(variant.sessionMinBytes === 0 ? variant.at - 1024 * 1024 : variant.at, 1);
      let wires = 0;
      const engine = new SyncEngine({
        journal: db.journal,
        provider: providerMap(env),
        partBytes: 1024 * 1024,
        sessionMinBytes: variant.sessionMinBytes,
        retryBaseMs: 10,
        // The second part of the first attempt gets the flipper (whole-file: the first stream).
        wire: () => (variant.sessionMinBytes === 0 && wires++ !== 1 ? null : flip.make()),
      });
      const corrupted: string[] = [];
      const retries: string[] = [];
      engine.events.on('op:corrupted', (e) => corrupted.push(e.message));
      engine.events.on('op:retry', (e) => retries.push(e.code));
      const report = await engine.run({
        id: `corrupt-${variant.sessionMinBytes}`,
        ownerId: 'o',
        path1: { remote: env.path1.remote, path: folder },
        path2: { remote: env.path2.remote, path: folder },
        mode: 'one-way',
      });
      assert.equal(flip.flipped(), 1, 'a byte was flipped on the wire');
      assert.equal(corrupted.length, 1, 'the mismatch was reported');
      assert.match(corrupted[0]!, /differ from the source/);
      assert.deepEqual(retries, ['CORRUPTED'], 'and the file re-sent');
      assert.equal(report.result, 'ok', JSON.stringify(report));
      assert.equal(report.corrupted, 1);
      const copied = await readFile(join(env.path2.rawDir!, folder, 'payload.bin'));
      assert.equal(md5(copied), md5(data), 'the destination holds exactly the source bytes');
    });
  }
});
