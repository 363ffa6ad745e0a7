// A photo edit is ONE operation of the gateway's write-ahead file-ops journal ('edit'): the
// original is kept beside the file and the new version written, and a crash anywhere in between
// is finished by recovery. Photos are real JPEGs generated here on a local remote; the photo
// facts the worker would write are put on the node directly (this test is about the journal,
// gateway/test/photos.test.ts runs the worker). Crashes: a gateway child killed with SIGKILL
// while it computes the edit (row planned, nothing written), and the states a crash leaves after
// the first step and after both provider steps (written as the move test of file-ops does).
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { copyFile, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import sharp from 'sharp';
import { scene } from '../../photos/test/helpers/images.js';
import { decodeGlobalId } from '../src/ids.js';
import { all, connectLocal } from './fixtures.js';
import { type Client, startTestGateway, type TestGateway } from './harness.js';

let gw: TestGateway;
let alice: Client;
let root: string;
let remoteId: string;

const table = () => `"${gw.names.pgSchema}".file_ops`;

async function rows(since = 0) {
  const { rows } = await gw.conn.pool.query(
    `SELECT kind, state, error, spec FROM ${table()} ORDER BY created_at`,
  );
  return (rows as { kind: string; state: string; error: string | null; spec: { path: string } }[]).slice(
    since,
  );
}

const expireLeases = () =>
  gw.conn.pool.query(
    `UPDATE ${table()} SET lease_until = now() - interval '1 second' WHERE state = 'planned'`,
  );

/** Puts a JPEG on the remote, rescans, and marks the node a photo as the worker would. */
async function photo(name: string, width: number, height: number, seed: number) {
  const bytes = await scene(seed, width, height, { noise: 8 }).jpeg({ quality: 90 }).toBuffer();
  await writeFile(join(root, name), bytes);
  await alice.ok('mutation($id: ID!) { scanRemote(id: $id) { entries } }', { id: remoteId });
  const item = (await all(alice, 'myDrive', `remoteId: "${remoteId}"`, 50)).find((i) => i.name === name);
  assert.ok(item, `${name} is in the graph`);
  const nodeId = decodeGlobalId(item.id).id;
  await gw.services.graph.setExtra(alice.userId, nodeId, { photo: { kind: 'image', width, height } });
  return { id: item.id, nodeId, bytes };
}

/** What a journaled edit row holds, as PhotosService.edit writes it. */
async function editSpec(nodeId: string, name: string, keepOriginal = true) {
  const node = await gw.services.graph.node(alice.userId, nodeId);
  return {
    kind: 'edit',
    ownerId: alice.userId,
    remoteId: node.remoteId,
    path: name,
    toPath: name.replace(/\.jpg$/, ' (original).jpg'),
    expect: { size: node.size, mtime: node.mtime },
    nodeId,
    data: { edits: [{ op: 'rotate', degrees: 90 }], keepOriginal },
  };
}

/** A row as a gateway that died mid-operation leaves it: planned, its lease run out. */
async function abandoned(spec: Record<string, unknown>) {
  await gw.conn.pool.query(
    `INSERT INTO ${table()} (id, owner_id, kind, spec, holder, lease_until)
     VALUES (gen_random_uuid(), $1, 'edit', $2, 'dead-gateway', now() - interval '1 second')`,
    [alice.userId, JSON.stringify(spec)],
  );
}

const size = async (path: string) => {
  const m = await sharp(await readFile(path)).metadata();
  return [m.width, m.height];
};

/** The graph's size for a file of the remote. */
async function graphSize(name: string) {
  const item = (await all(alice, 'myDrive', `remoteId: "${remoteId}"`, 50)).find((n) => n.name === name);
  if (!item) return null;
  return (await gw.services.graph.node(alice.userId, decodeGlobalId(item.id).id)).size;
}

before(async () => {
  gw = await startTestGateway();
  alice = await gw.user('alice');
  ({ root, remoteId } = await connectLocal(gw, alice, 'Edits', { 'readme.txt': 'photos below' }));
});
after(() => gw.close());

test('an edit is one journaled operation: new version written, original kept, one row done', async () => {
  const before = (await rows()).length;
  const a = await photo('a.jpg', 600, 400, 1);
  const edited = await alice.ok<{ editPhoto: { id: string } }>(
    'mutation($id: ID!) { editPhoto(id: $id, edits: [{ kind: ROTATE, degrees: 90 }]) { id } }',
    { id: a.id },
  );
  assert.equal(edited.editPhoto.id, a.id);
  assert.deepEqual(await size(join(root, 'a.jpg')), [400, 600], 'the new version is turned');
  assert.deepEqual(await readFile(join(root, 'a (original).jpg')), a.bytes, 'the original, byte for byte');
  // One row for both steps: no separate copy row.
  assert.deepEqual(
    (await rows(before)).map((r) => [r.kind, r.state, r.spec.path]),
    [['edit', 'done', 'a.jpg']],
  );
  assert.equal(
    await graphSize('a.jpg'),
    (await stat(join(root, 'a.jpg'))).size,
    'the graph has the new version',
  );
  assert.equal(await graphSize('a (original).jpg'), a.bytes.length, 'and the kept original');

  // A second edit keeps the first original as it was.
  await alice.ok('mutation($id: ID!) { editPhoto(id: $id, edits: [{ kind: RESIZE, width: 200 }]) { id } }', {
    id: a.id,
  });
  assert.deepEqual(await size(join(root, 'a.jpg')), [200, 300]);
  assert.deepEqual(await readFile(join(root, 'a (original).jpg')), a.bytes);
  assert.deepEqual(
    (await rows(before)).map((r) => [r.kind, r.state]),
    [
      ['edit', 'done'],
      ['edit', 'done'],
    ],
  );
});

test('a refused edit writes nothing and its row is failed', async () => {
  const before = (await rows()).length;
  const b = await photo('refused.jpg', 300, 200, 2);
  const bad = await alice.gql(
    'mutation($id: ID!) { editPhoto(id: $id, edits: [{ kind: CROP, left: 250, top: 0, width: 100, height: 100 }]) { id } }',
    { id: b.id },
  );
  assert.equal(bad.errors?.[0]?.extensions?.code, 'INVALID_INPUT');
  assert.deepEqual(await readFile(join(root, 'refused.jpg')), b.bytes);
  await assert.rejects(stat(join(root, 'refused (original).jpg')), { code: 'ENOENT' });
  assert.deepEqual(
    (await rows(before)).map((r) => [r.kind, r.state]),
    [['edit', 'failed']],
  );
});

test('a gateway killed with SIGKILL mid-edit leaves a planned row; recovery does both steps', async () => {
  // Big enough that decoding and encoding take a while: the kill lands before anything is written.
  const big = await photo('big.jpg', 6000, 4000, 3);
  const child = fork(
    new URL('./photos-edit-child.ts', import.meta.url).pathname,
    [gw.names.pgSchema, gw.localRoot, alice.userId, big.nodeId],
    { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  let edited = false;
  child.on('message', (m) => {
    if (m === 'edited') edited = true;
  });
  for (let i = 0; i < 6000; i++) {
    if ((await rows()).some((r) => r.state === 'planned' && r.spec.path === 'big.jpg')) break;
    await sleep(5);
  }
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  assert.equal(edited, false, 'the edit was interrupted, not finished');
  assert.deepEqual(await readFile(join(root, 'big.jpg')), big.bytes, 'the file is untouched');
  const planned = (await rows()).filter((r) => r.state === 'planned');
  assert.deepEqual(
    planned.map((r) => [r.kind, r.spec.path]),
    [['edit', 'big.jpg']],
    'the row survives the crash',
  );

  assert.equal(await gw.services.ops.recover(), 0, 'a live lease is not taken over');
  await expireLeases();
  assert.equal(await gw.services.ops.recover({ staleMs: 0 }), 1);
  // Turned a quarter (4000 × 6000), fitted to 1500 wide.
  assert.deepEqual(await size(join(root, 'big.jpg')), [1500, 2250]);
  assert.deepEqual(await readFile(join(root, 'big (original).jpg')), big.bytes);
  assert.equal((await rows()).filter((r) => r.state === 'planned').length, 0);
  assert.equal(await graphSize('big.jpg'), (await stat(join(root, 'big.jpg'))).size);
});

test('a crash after the original was kept: recovery writes the new version', async () => {
  const c = await photo('c.jpg', 640, 480, 4);
  await abandoned(await editSpec(c.nodeId, 'c.jpg'));
  // The first step happened before the crash.
  await copyFile(join(root, 'c.jpg'), join(root, 'c (original).jpg'));
  assert.equal(await gw.services.ops.recover({ staleMs: 0 }), 1);
  assert.deepEqual(await size(join(root, 'c.jpg')), [480, 640]);
  assert.deepEqual(await readFile(join(root, 'c (original).jpg')), c.bytes);
  const last = (await rows()).at(-1)!;
  assert.deepEqual([last.kind, last.state, last.spec.path], ['edit', 'done', 'c.jpg']);
  assert.equal(await graphSize('c.jpg'), (await stat(join(root, 'c.jpg'))).size);
  assert.equal(await graphSize('c (original).jpg'), c.bytes.length);
});

test('a crash after both provider steps: recovery only tells the graph', async () => {
  const d = await photo('d.jpg', 640, 480, 5);
  await abandoned(await editSpec(d.nodeId, 'd.jpg'));
  await copyFile(join(root, 'd.jpg'), join(root, 'd (original).jpg'));
  const turned = await sharp(d.bytes).rotate(90).jpeg().toBuffer();
  await writeFile(join(root, 'd.jpg'), turned);
  assert.equal(await gw.services.ops.recover({ staleMs: 0 }), 1);
  assert.deepEqual(await readFile(join(root, 'd.jpg')), turned, 'not edited a second time');
  assert.equal(await graphSize('d.jpg'), turned.length);
  assert.equal(await graphSize('d (original).jpg'), d.bytes.length);
  assert.equal((await rows()).at(-1)!.state, 'done');
});

test('recovery refuses a file someone else changed before the original was kept', async () => {
  const e = await photo('e.jpg', 320, 240, 6);
  await abandoned(await editSpec(e.nodeId, 'e.jpg'));
  const foreign = await scene(99, 320, 240).jpeg().toBuffer();
  await writeFile(join(root, 'e.jpg'), foreign);
  assert.equal(await gw.services.ops.recover({ staleMs: 0 }), 0);
  assert.deepEqual(await readFile(join(root, 'e.jpg')), foreign, 'their change is left as it is');
  await assert.rejects(stat(join(root, 'e (original).jpg')), { code: 'ENOENT' });
  const last = (await rows()).at(-1)!;
  assert.equal(last.state, 'failed');
  assert.match(last.error ?? '', /changed/);
});
