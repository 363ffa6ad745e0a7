// File operations go through the write-ahead file-ops journal: a gateway killed with SIGKILL in
// the middle of a copy leaves a planned row, and recovery finishes the copy with the exact
// bytes, removes the dead writer's temporary file and tells the graph. A move whose provider
// step happened just before a crash (graph not told yet) is recognised and recorded.
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { decodeGlobalId } from '../src/ids.js';
import { all, connectLocal } from './fixtures.js';
import { type Client, startTestGateway, type TestGateway } from './harness.js';

let gw: TestGateway;
let alice: Client;

before(async () => {
  gw = await startTestGateway();
  alice = await gw.user('alice');
});
after(() => gw.close());

const sha1 = (path: string) =>
  new Promise<string>((resolve, reject) => {
    const h = createHash('sha1');
    createReadStream(path)
      .on('data', (d) => h.update(d))
      .on('end', () => resolve(h.digest('hex')))
      .on('error', reject);
  });

const table = () => `"${gw.names.pgSchema}".file_ops`;

async function rows() {
  const { rows } = await gw.conn.pool.query(`SELECT kind, state, spec FROM ${table()} ORDER BY created_at`);
  return rows as { kind: string; state: string; spec: { path: string; toPath?: string } }[];
}

/** What a lease running out looks like, without waiting a minute for it. */
const expireLeases = () =>
  gw.conn.pool.query(
    `UPDATE ${table()} SET lease_until = now() - interval '1 second' WHERE state = 'planned'`,
  );

describe('file-ops journal', () => {
  test('a copy killed with SIGKILL mid-transfer is finished by recovery, byte for byte', async () => {
    const big = 256 * 1024 * 1024;
    const source = await connectLocal(gw, alice, 'Source', { 'small.txt': 's' });
    const chunk = Buffer.alloc(1024 * 1024);
    const handle = await import('node:fs/promises').then((f) => f.open(join(source.root, 'big.bin'), 'w'));
    for (let i = 0; i < big / chunk.length; i++) {
      chunk.fill(i % 251);
      chunk.writeUInt32BE(i, 0);
      await handle.write(chunk);
    }
    await handle.close();
    // Rescan so the graph knows the file.
    const dest = await connectLocal(gw, alice, 'Dest', { 'keep.txt': 'k' });
    await alice.ok('mutation($id: ID!) { scanRemote(id: $id) { entries } }', { id: source.remoteId });
    const file = (await all(alice, 'myDrive', `remoteId: "${source.remoteId}"`, 50)).find(
      (i) => i.name === 'big.bin',
    );
    assert.ok(file, 'the big file is in the graph');

    const child = fork(
      new URL('./file-ops-child.ts', import.meta.url).pathname,
      [
        gw.names.pgSchema,
        gw.localRoot,
        alice.userId,
        decodeGlobalId(file.id).id,
        decodeGlobalId(dest.remoteId).id,
      ],
      { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
    let copied = false;
    child.on('message', (m) => {
      if (m === 'copied') copied = true;
    });
    // Kill once the journal row is written and the temporary file has started to grow.
    for (let i = 0; i < 3000; i++) {
      const planned = (await rows()).some((r) => r.state === 'planned');
      const temps = (await readdir(dest.root)).filter((n) => n.startsWith('.syncoxide-'));
      const grown = temps.length > 0 && (await stat(join(dest.root, temps[0]!)).catch(() => null))?.size;
      if (planned && grown) break;
      await sleep(5);
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    assert.equal(copied, false, 'the copy was interrupted, not finished');
    assert.deepEqual(
      (await readdir(dest.root)).filter((n) => n === 'big.bin'),
      [],
      'the destination never shows a partial file',
    );
    assert.equal((await rows()).filter((r) => r.state === 'planned').length, 1, 'the row survives the crash');

    assert.equal(await gw.services.ops.recover(), 0, 'a live lease is not taken over');
    await expireLeases();
    assert.equal(await gw.services.ops.recover({ staleMs: 0 }), 1);

    assert.equal(await sha1(join(dest.root, 'big.bin')), await sha1(join(source.root, 'big.bin')));
    assert.deepEqual(
      (await readdir(dest.root)).filter((n) => n.startsWith('.syncoxide-')),
      [],
      'no temporary file is left',
    );
    assert.deepEqual(
      (await rows()).map((r) => [r.kind, r.state]),
      [['copy', 'done']],
    );
    const listed = await all(alice, 'myDrive', `remoteId: "${dest.remoteId}"`, 50);
    assert.deepEqual(
      listed.map((i) => i.name),
      ['big.bin', 'keep.txt'],
      'the graph knows the copy',
    );
  });

  test('a move done on the provider just before a crash is recorded in the graph by recovery', async () => {
    const remote = await connectLocal(gw, alice, 'Moves', { 'a.txt': 'alpha', 'sub/keep.txt': 'k' });
    // The crash point: the row is written and the provider moved the file, the graph was not told.
    await gw.conn.pool.query(
      `INSERT INTO ${table()} (id, owner_id, kind, spec, holder, lease_until)
       VALUES (gen_random_uuid(), $1, 'move', $2, 'dead-gateway', now() - interval '1 second')`,
      [
        alice.userId,
        JSON.stringify({
          kind: 'move',
          ownerId: alice.userId,
          remoteId: decodeGlobalId(remote.remoteId).id,
          path: 'a.txt',
          toPath: 'sub/a.txt',
        }),
      ],
    );
    await rename(join(remote.root, 'a.txt'), join(remote.root, 'sub', 'a.txt'));
    assert.equal(await gw.services.ops.recover({ staleMs: 0 }), 1);
    const root = await all(alice, 'myDrive', `remoteId: "${remote.remoteId}"`, 50);
    assert.deepEqual(
      root.map((i) => i.name),
      ['sub'],
    );
    const sub = root.find((i) => i.name === 'sub')!;
    const inSub = await all(alice, 'folder', `id: "${sub.id}"`, 50);
    assert.deepEqual(
      inSub.map((i) => i.path),
      ['sub/a.txt', 'sub/keep.txt'],
    );
  });

  test('every API operation that touches a provider leaves a closed journal row; a refused one is failed', async () => {
    const remote = await connectLocal(gw, alice, 'Ops', { 'n.txt': 'note' });
    const before = (await rows()).length;
    const file = (await all(alice, 'myDrive', `remoteId: "${remote.remoteId}"`, 50)).find(
      (i) => i.name === 'n.txt',
    )!;
    await alice.ok('mutation($id: ID!) { renameFile(id: $id, name: "m.txt") { id } }', { id: file.id });
    const refused = await alice.gql('mutation($p: ID!) { createFolder(parent: $p, name: "m.txt") { id } }', {
      p: remote.remoteId,
    });
    assert.equal(refused.errors?.[0]?.extensions?.code, 'ALREADY_EXISTS');
    const mine = (await rows()).slice(before).map((r) => [r.kind, r.state]);
    assert.deepEqual(mine, [
      ['move', 'done'],
      ['mkdir', 'failed'],
    ]);
  });
});
