// What only the local provider has: root confinement, temp files on disk, the watcher.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { isSyncoxideError } from '@syncoxide/core';
import { createLocalProvider, type LocalProvider } from '../src/providers/local/index.js';
import { createProvider } from '../src/providers/registry.js';
import type { Change } from '../src/providers/types.js';

let root: string;
let outside: string;
let p: LocalProvider;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'syncoxide-local-only-'));
  outside = await mkdtemp(join(tmpdir(), 'syncoxide-outside-'));
  await writeFile(join(outside, 'secret.txt'), 'outside the root');
  p = await createLocalProvider(root);
});

after(async () => {
  await p.close();
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

const invalid = (e: unknown) => isSyncoxideError(e, 'INVALID_INPUT');
const text = (s: string) => Readable.from([Buffer.from(s)]);

test('paths escaping the root are refused before touching the disk', async () => {
  for (const bad of ['../x.txt', 'a/../../x.txt', '/etc/passwd', 'a\0b', '..', 'a/..']) {
    await assert.rejects(p.write(bad, text('no')), invalid, `write ${JSON.stringify(bad)}`);
    await assert.rejects(p.read(bad), invalid, `read ${JSON.stringify(bad)}`);
    await assert.rejects(p.stat(bad), invalid, `stat ${JSON.stringify(bad)}`);
    await assert.rejects(p.delete(bad), invalid, `delete ${JSON.stringify(bad)}`);
  }
  await assert.rejects(p.move('x', '../y'), invalid);
  await assert.rejects(p.delete(''), invalid, 'the root itself cannot be deleted');
  await assert.rejects(p.write('.syncoxide-abc.partial', text('x')), invalid, 'temp names are reserved');
  assert.deepEqual(await readdir(outside), ['secret.txt']);
});

test('symlinks are not followed out of the root', async () => {
  await symlink(outside, join(root, 'link'));
  const listed = [];
  for await (const e of p.list('')) listed.push(e.path);
  assert.ok(!listed.some((path) => path.startsWith('link')), 'symlink skipped by listings');
  assert.equal(await p.stat('link'), null);
  await rm(join(root, 'link'));
});

test('a bad config is INVALID_INPUT naming the field; a missing root is NOT_FOUND', async () => {
  await assert.rejects(
    createProvider({ type: 'local' }),
    (e: unknown) => invalid(e) && /root/.test(String(e)),
  );
  await assert.rejects(
    createProvider({ type: 'nope', root: '/' }),
    (e: unknown) => invalid(e) && /type/.test(String(e)),
  );
  await assert.rejects(createProvider({ type: 'local', root: join(root, 'missing') }), (e: unknown) =>
    isSyncoxideError(e, 'NOT_FOUND'),
  );
  const built = await createProvider({ type: 'local', root });
  assert.equal(built.type, 'local');
});

test('the watcher reports creates, changes, moves and deletes in batches', async () => {
  const controller = new AbortController();
  const feed = p.changes({ cursor: null, signal: controller.signal })[Symbol.asyncIterator]();
  const first = await feed.next();
  assert.deepEqual(first.value?.changes, [], 'first batch: watching');
  const seen: Change[] = [];
  const waitFor = async (pred: (c: Change) => boolean) => {
    const deadline = Date.now() + 10_000;
    while (!seen.some(pred)) {
      assert.ok(Date.now() < deadline, `timed out; saw ${JSON.stringify(seen.map((c) => [c.type, c.path]))}`);
      const next = await feed.next();
      if (next.done) break;
      assert.ok(next.value.cursor.length > 0);
      seen.push(...next.value.changes);
    }
  };
  await p.write('w/a.txt', text('one'));
  await waitFor((c) => c.type === 'upsert' && c.path === 'w/a.txt' && c.entry?.size === 3);
  await p.write('w/a.txt', text('three'));
  await waitFor((c) => c.type === 'upsert' && c.path === 'w/a.txt' && c.entry?.size === 5);
  await p.move('w/a.txt', 'w/b.txt');
  await waitFor((c) => c.type === 'upsert' && c.path === 'w/b.txt');
  await waitFor((c) => c.type === 'delete' && c.path === 'w/a.txt');
  await p.delete('w/b.txt');
  await waitFor((c) => c.type === 'delete' && c.path === 'w/b.txt');
  assert.ok(!seen.some((c) => c.path.includes('.syncoxide-')), 'temp files never reported');
  controller.abort();
  await feed.return?.();
});
