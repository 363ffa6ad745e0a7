// Memory stays flat with file size: a 2 GiB file (generated, never held in memory) is written
// to the local provider, streamed from there into S3 (multipart, default 16 MiB parts) and
// read back from S3 to check its hash, in a child process whose peak RSS must stay under
// 200 MB. SYNCOXIDE_MEMORY_TEST_BYTES overrides the size (e.g. for a quick run).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { s3Config } from './s3-fixture.js';

const SIZE = Number(process.env.SYNCOXIDE_MEMORY_TEST_BYTES ?? 2 * 1024 ** 3);
const LIMIT_MB = 200;
const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'memory-child.ts');

test(`streaming ${(SIZE / 1024 ** 3).toFixed(2)} GiB through local and S3 keeps peak RSS under ${LIMIT_MB} MB`, async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'syncoxide-memory-'));
  try {
    const job = { root, size: SIZE, s3: await s3Config({ partSize: 16 * 1024 * 1024 }) };
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CHILD], {
      env: { ...process.env, SYNCOXIDE_MEMORY_JOB: JSON.stringify(job) },
      maxBuffer: 1024 * 1024,
    });
    const result = JSON.parse(stdout.trim().split('\n').pop()!);
    assert.equal(result.readBack.size, SIZE);
    assert.equal(result.uploaded.sha1, result.written.sha1, 'S3 stored what the local copy holds');
    assert.equal(result.readBack.md5, result.written.md5, 'and reads it back whole');
    const p = result.peakMb;
    const report =
      `peak RSS (MB): at start ${p.atStart}, after local write ${p.afterLocal}, ` +
      `after local→S3 transfer ${p.afterTransfer}, after S3 read ${p.afterRead}`;
    t.diagnostic(report);
    console.log(report);
    assert.ok(p.afterRead < LIMIT_MB, report);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
