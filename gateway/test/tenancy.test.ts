// Tenancy: a second user probing every query and mutation with the first user's ids gets the
// same answer as for a missing id or a malformed one (NOT_FOUND, "not found"), and nothing of
// the first user's changes.
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { encodeGlobalId } from '../src/ids.js';
import { all, connectLocal } from './fixtures.js';
import { type Client, startTestGateway, type TestGateway } from './harness.js';

let gw: TestGateway;
let alice: Client;
let bob: Client;
const A: Record<string, string> = {};
const B: Record<string, string> = {};

before(async () => {
  gw = await startTestGateway();
  alice = await gw.user('alice');
  bob = await gw.user('bob');
  const ra = await connectLocal(gw, alice, 'AliceDisk', { 'secret/plan.txt': 'secret plan', 'x.txt': 'x' });
  const rb = await connectLocal(gw, bob, 'BobDisk', { 'mine.txt': 'bob' });
  A.remote = ra.remoteId;
  A.root = ra.root;
  B.remote = rb.remoteId;
  const aRoot = await all(alice, 'myDrive', '', 50);
  A.folder = aRoot.find((i) => i.name === 'secret')!.id;
  A.file = aRoot.find((i) => i.name === 'x.txt')!.id;
  B.file = (await all(bob, 'myDrive', '', 50))[0]!.id;
  const rule = await alice.ok<{ createSyncRule: { id: string } }>(
    'mutation($r: JSON!) { createSyncRule(name: "r", rule: $r) { id } }',
    {
      r: {
        mode: 'copy',
        path1: { remote: A.remote, path: 'secret' },
        path2: { remote: A.remote, path: 'copy' },
      },
    },
  );
  A.rule = rule.createSyncRule.id;
});
after(() => gw.close());

const MISSING: Record<string, string> = {
  File: encodeGlobalId('File', '00000000-0000-4000-8000-000000000000'),
  Remote: encodeGlobalId('Remote', '00000000-0000-4000-8000-000000000000'),
  SyncRule: encodeGlobalId('SyncRule', '00000000-0000-4000-8000-000000000000'),
};
const MALFORMED = ["' OR 1=1 --", 'RmlsZTo=', '../../etc/passwd', 'x'.repeat(500), ''];

/** Each probe: an operation and the variable that carries the foreign id, with its type. */
const PROBES: Array<{ op: string; key: string; type: string; vars?: () => Record<string, unknown> }> = [
  { op: 'query($id: ID!) { file(id: $id) { name } }', key: 'file', type: 'File' },
  { op: 'query($id: ID!) { file(id: $id) { details { versions { id } } } }', key: 'file', type: 'File' },
  { op: 'query($id: ID!) { folder(id: $id) { edges { node { name } } } }', key: 'folder', type: 'File' },
  {
    op: 'query($id: ID!) { myDrive(remoteId: $id) { edges { node { name } } } }',
    key: 'remote',
    type: 'Remote',
  },
  { op: 'query($id: ID!) { syncRule(id: $id) { name } }', key: 'rule', type: 'SyncRule' },
  { op: 'mutation($id: ID!) { starFile(id: $id) { starred } }', key: 'file', type: 'File' },
  { op: 'mutation($id: ID!) { renameFile(id: $id, name: "pwned") { name } }', key: 'file', type: 'File' },
  {
    op: 'mutation($id: ID!, $to: ID!) { moveFile(id: $id, to: $to) { name } }',
    key: 'file',
    type: 'File',
    vars: () => ({ to: B.remote }),
  },
  {
    op: 'mutation($id: ID!, $f: ID!) { moveFile(id: $f, to: $id) { name } }',
    key: 'folder',
    type: 'File',
    vars: () => ({ f: B.file }),
  },
  {
    op: 'mutation($id: ID!, $to: ID!) { copyFile(id: $id, to: $to) }',
    key: 'file',
    type: 'File',
    vars: () => ({ to: B.remote }),
  },
  {
    op: 'mutation($id: ID!, $f: ID!) { copyFile(id: $f, to: $id) }',
    key: 'remote',
    type: 'Remote',
    vars: () => ({ f: B.file }),
  },
  { op: 'mutation($id: ID!) { trashFile(id: $id) { trashed } }', key: 'file', type: 'File' },
  { op: 'mutation($id: ID!) { restoreFile(id: $id) { trashed } }', key: 'file', type: 'File' },
  { op: 'mutation($id: ID!) { purgeFile(id: $id) }', key: 'file', type: 'File' },
  { op: 'mutation($id: ID!) { createFolder(parent: $id, name: "in") { id } }', key: 'folder', type: 'File' },
  {
    op: 'mutation($id: ID!) { createFolder(parent: $id, name: "in") { id } }',
    key: 'remote',
    type: 'Remote',
  },
  {
    op: 'mutation($id: ID!, $f: ID!) { linkFiles(from: $f, to: $id) { id } }',
    key: 'file',
    type: 'File',
    vars: () => ({ f: B.file }),
  },
  { op: 'mutation($id: ID!) { scanRemote(id: $id) { entries } }', key: 'remote', type: 'Remote' },
  { op: 'mutation($id: ID!) { removeRemote(id: $id) }', key: 'remote', type: 'Remote' },
  { op: 'mutation($id: ID!) { runSyncRule(id: $id) { result } }', key: 'rule', type: 'SyncRule' },
  {
    op: 'mutation($id: ID!) { setSyncRuleEnabled(id: $id, enabled: false) { id } }',
    key: 'rule',
    type: 'SyncRule',
  },
  {
    op: 'mutation($id: ID!) { updateSyncRule(id: $id, name: "x", rule: {}) { id } }',
    key: 'rule',
    type: 'SyncRule',
  },
  { op: 'mutation($id: ID!) { deleteSyncRule(id: $id) }', key: 'rule', type: 'SyncRule' },
  {
    op: 'mutation($r: JSON!) { createSyncRule(name: "steal", rule: $r) { id } }',
    key: 'remote',
    type: 'Remote',
    vars: () => ({ r: { mode: 'copy', path1: { remote: A.remote }, path2: { remote: B.remote } } }),
  },
];

async function answer(op: string, vars: Record<string, unknown>) {
  const r = await bob.gql(op, vars);
  return {
    code: r.errors?.[0]?.extensions?.code,
    message: r.errors?.[0]?.message,
    data: JSON.stringify(r.data ?? null),
  };
}

test("every query and mutation with alice's ids answers bob exactly like a missing id", async () => {
  for (const p of PROBES) {
    const extra = p.vars?.() ?? {};
    const withId = (id: string) =>
      p.op.includes('$r: JSON')
        ? { ...extra, r: { ...(extra.r as object), path1: { remote: id } } }
        : { ...extra, id };
    const theirs = await answer(p.op, withId(A[p.key]!));
    const missing = await answer(p.op, withId(MISSING[p.type]!));
    assert.equal(theirs.code, 'NOT_FOUND', `${p.op} with alice's ${p.key}: ${JSON.stringify(theirs)}`);
    assert.deepEqual(theirs, missing, p.op);
    for (const bad of MALFORMED)
      assert.deepEqual(await answer(p.op, withId(bad)), missing, `${p.op} with ${JSON.stringify(bad)}`);
  }
});

test('node(id) and lists show bob nothing of alice', async () => {
  for (const id of [A.file, A.folder, A.remote]) {
    const r = await bob.gql('query($id: ID!) { node(id: $id) { id } }', { id });
    assert.equal(r.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  }
  const lists = await bob.ok<Record<string, { edges: unknown[] } | unknown[]>>(
    '{ remotes { id } syncRules { id } starred { edges { cursor } } trash { edges { cursor } } sharedWithMe { edges { cursor } } }',
  );
  assert.equal((lists.remotes as unknown[]).length, 1);
  assert.equal((lists.syncRules as unknown[]).length, 0);
  const mine = await all(bob, 'myDrive', '', 50);
  assert.deepEqual(
    mine.map((i) => i.name),
    ['mine.txt'],
  );
});

test("alice's files, remote and rule are as they were", async () => {
  const root = await all(alice, 'myDrive', '', 50);
  assert.deepEqual(root.map((i) => `${i.name}:${(i as unknown as { starred: boolean }).starred}`).sort(), [
    'secret:false',
    'x.txt:false',
  ]);
  assert.deepEqual((await readdir(A.root!)).sort(), ['secret', 'x.txt']);
  const rule = await alice.ok<{ syncRule: { name: string; enabled: boolean } }>(
    'query($id: ID!) { syncRule(id: $id) { name enabled } }',
    { id: A.rule },
  );
  assert.deepEqual(rule.syncRule, { name: 'r', enabled: true });
  const remotes = await alice.ok<{ remotes: { id: string }[] }>('{ remotes { id } }');
  assert.deepEqual(
    remotes.remotes.map((r) => r.id),
    [A.remote],
  );
});
