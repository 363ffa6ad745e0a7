// The walker and its index against messages made by openpgp exactly as encrypted shares make
// them (encryptWith, streamed input): every range read through the index, and walked from the
// start without one, is exactly the plaintext's bytes; a message of another shape gives no
// index rather than a wrong one; the dashboard's copy of the walker is this file.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import * as openpgp from 'openpgp';
import { type CipherIndex, indexingTap, nodeCfb, SEGMENT_BYTES } from './cipher-index.js';
import { encryptWith, type SessionKey } from './encrypted-share.js';
import { decryptRange, type RangeSource } from './pgp-walker.js';

const key: SessionKey = { data: new Uint8Array(randomBytes(32)), algorithm: 'aes256' };
const sha256Hex = async (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function encrypt(plain: Buffer, piece = 65536): Promise<{ cipher: Buffer; index: CipherIndex | null }> {
  const { publicKey } = await openpgp.generateKey({
    userIDs: [{ email: 'r@example.test' }],
    format: 'object',
  });
  const source = Readable.from(
    (function* () {
      for (let i = 0; i < plain.length; i += piece) yield plain.subarray(i, i + piece);
    })(),
  );
  const tap = indexingTap(key.data);
  const out: Buffer[] = [];
  for await (const c of (await encryptWith(source, key, [publicKey], 'f.bin')).pipe(tap)) out.push(c);
  return {
    cipher: Buffer.concat(out),
    index: tap.result({ size: plain.length, sha256: createHash('sha256').update(plain).digest('hex') }),
  };
}

function source(
  cipher: Buffer,
  size: number,
  segments: RangeSource['segments'],
  fetched: number[],
): RangeSource {
  return {
    size,
    segments,
    fetch: async (start, end) => {
      fetched.push(start, end ?? cipher.length);
      return new Blob([new Uint8Array(cipher.subarray(start, end ?? undefined))]).stream();
    },
  };
}

test('any range decrypts to exactly its plaintext, with the index and without', async () => {
  const plain = randomBytes(3 * 1024 * 1024 + 7);
  // Odd input pieces: the partial-length framing then falls anywhere.
  const { cipher, index } = await encrypt(plain, 40_001);
  assert.ok(index && index.segments.length >= 8, 'an index of several segments');
  const ranges: [number, number][] = [
    [0, 0],
    [0, plain.length - 1],
    [plain.length - 1, plain.length - 1],
    [SEGMENT_BYTES - 3, SEGMENT_BYTES + 3],
    [1_500_000, 1_500_000 + 1024 * 1024 - 1],
  ];
  for (let k = 0; k < 20; k++) {
    const a = Math.floor(Math.random() * plain.length);
    ranges.push([a, Math.min(plain.length - 1, a + Math.floor(Math.random() * 700_000))]);
  }
  for (const [a, b] of ranges) {
    const fetched: number[] = [];
    const r = await decryptRange(
      source(cipher, plain.length, index.segments, fetched),
      nodeCfb(key.data),
      sha256Hex,
      a,
      b,
    );
    assert.ok(r.verified);
    assert.ok(Buffer.from(r.bytes).equals(plain.subarray(a, b + 1)), `indexed ${a}-${b}`);
    assert.equal(r.cipherRead, fetched[1]! - fetched[0]!);
    const old = await decryptRange(
      source(cipher, plain.length, null, []),
      nodeCfb(key.data),
      sha256Hex,
      a,
      b,
    );
    assert.equal(old.verified, false);
    assert.ok(Buffer.from(old.bytes).equals(plain.subarray(a, b + 1)), `from the start ${a}-${b}`);
  }
  // 1 MiB from the middle needs at most the segments around it, never the file.
  const fetched: number[] = [];
  await decryptRange(
    source(cipher, plain.length, index.segments, fetched),
    nodeCfb(key.data),
    sha256Hex,
    1_500_000,
    1_500_000 + (1 << 20) - 1,
  );
  assert.ok(
    fetched[1]! - fetched[0]! < (1 << 20) + 3 * SEGMENT_BYTES,
    `${fetched[1]! - fetched[0]!} bytes fetched`,
  );
});

test('small and empty files', async () => {
  for (const size of [0, 1, 511, 512, 5000]) {
    const plain = randomBytes(size);
    const { cipher, index } = await encrypt(plain);
    assert.equal(index?.segments.length, 1, `${size} bytes: one segment from the start`);
    if (size === 0) continue;
    const r = await decryptRange(
      source(cipher, size, index.segments, []),
      nodeCfb(key.data),
      sha256Hex,
      0,
      size - 1,
    );
    assert.ok(Buffer.from(r.bytes).equals(plain));
  }
});

test('a changed ciphertext is refused by the hashes, not returned as wrong bytes', async () => {
  const plain = randomBytes(1024 * 1024);
  const { cipher, index } = await encrypt(plain);
  const at = index!.segments[1]!.at!;
  const bad = Buffer.from(cipher);
  bad[at.file + 50] = bad[at.file + 50]! ^ 0x80;
  await assert.rejects(
    decryptRange(
      source(bad, plain.length, index!.segments, []),
      nodeCfb(key.data),
      sha256Hex,
      at.plain,
      at.plain + 100,
    ),
    /does not match its index/,
  );
  await assert.rejects(
    decryptRange(
      source(cipher, plain.length, index!.segments, []),
      nodeCfb(key.data),
      sha256Hex,
      0,
      plain.length,
    ),
    RangeError,
  );
});

test('a message of another shape (compressed) gets no index', async () => {
  const { publicKey } = await openpgp.generateKey({
    userIDs: [{ email: 'r@example.test' }],
    format: 'object',
  });
  const plain = randomBytes(100_000);
  const cipher = (await openpgp.encrypt({
    message: await openpgp.createMessage({ binary: plain }),
    encryptionKeys: publicKey,
    sessionKey: key,
    format: 'binary',
    config: { preferredCompressionAlgorithm: openpgp.enums.compression.zlib },
  })) as Uint8Array;
  const tap = indexingTap(key.data);
  const done = new Promise((r) => tap.on('finish', r));
  tap.resume();
  tap.end(Buffer.from(cipher));
  await done;
  assert.equal(
    tap.result({ size: plain.length, sha256: createHash('sha256').update(plain).digest('hex') }),
    null,
  );
});

test("the dashboard's copy of the walker is this file", async () => {
  const here = await readFile(new URL('./pgp-walker.ts', import.meta.url), 'utf8');
  const web = await readFile(new URL('../../../web/lib/pgp-walker.ts', import.meta.url), 'utf8');
  assert.equal(web, here, 'web/lib/pgp-walker.ts must be a copy of gateway/src/sharing/pgp-walker.ts');
});
