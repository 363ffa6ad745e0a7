// Sync rules through GraphQL: create (validated by the engine's schema), run through the sync
// engine and its journal (the file lands on the other remote and in the graph), pause, update,
// delete; progress arrives on the syncProgress subscription.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { all, connectLocal } from './fixtures.js';
import { type Client, startTestGateway, type TestGateway } from './harness.js';

let gw: TestGateway;
let alice: Client;
let a: { remoteId: string; root: string };
let b: { remoteId: string; root: string };

const RULE_FIELDS = 'id name mode enabled rule status { result movedFiles operationsDone pendingToPath2 }';

before(async () => {
  gw = await startTestGateway();
  alice = await gw.user('alice');
  a = await connectLocal(gw, alice, 'Laptop', { 'work/plan.txt': 'the plan', 'work/todo.txt': 'todo' });
  b = await connectLocal(gw, alice, 'Backup', { 'keep.txt': 'kept' });
});
after(() => gw.close());

test('create, run, pause, update and delete a copy rule', async () => {
  const made = await alice.ok<{
    createSyncRule: { id: string; status: null; rule: { path1: { remote: string } } };
  }>(`mutation($rule: JSON!) { createSyncRule(name: "work backup", rule: $rule) { ${RULE_FIELDS} } }`, {
    rule: {
      mode: 'copy',
      path1: { remote: a.remoteId, path: 'work' },
      path2: { remote: b.remoteId, path: 'work' },
    },
  });
  const rule = made.createSyncRule;
  assert.equal(rule.status, null, 'never ran');
  assert.equal(rule.rule.path1.remote, a.remoteId, 'remotes are shown as global ids');

  const ran = await alice.ok<{ runSyncRule: { result: string; movedFiles: number } }>(
    'mutation($id: ID!) { runSyncRule(id: $id) { result movedFiles operationsDone } }',
    { id: rule.id },
  );
  assert.equal(ran.runSyncRule.result, 'ok');
  assert.equal(ran.runSyncRule.movedFiles, 2);
  assert.equal(await readFile(join(b.root, 'work/plan.txt'), 'utf8'), 'the plan');
  const backupRoot = await all(alice, 'myDrive', `remoteId: "${b.remoteId}"`, 50);
  assert.deepEqual(
    backupRoot.map((i) => i.name),
    ['work', 'keep.txt'],
    'the graph learned the new files',
  );

  const listed = await alice.ok<{ syncRules: { status: { result: string } }[] }>(
    `{ syncRules { ${RULE_FIELDS} } }`,
  );
  assert.equal(listed.syncRules[0]?.status.result, 'ok');
  const history = await alice.ok<{
    syncRule: { history: { state: string; finishedAt: string | null; summary: unknown }[] };
  }>('query($id: ID!) { syncRule(id: $id) { history(first: 5) { state finishedAt summary } } }', {
    id: rule.id,
  });
  assert.equal(history.syncRule.history.length, 1, 'one run in the journal');
  assert.equal(history.syncRule.history[0]?.state, 'done');
  assert.ok(history.syncRule.history[0]?.finishedAt);

  await alice.ok('mutation($id: ID!) { setSyncRuleEnabled(id: $id, enabled: false) { enabled } }', {
    id: rule.id,
  });
  const paused = await alice.gql('mutation($id: ID!) { runSyncRule(id: $id) { result } }', { id: rule.id });
  assert.equal(paused.errors?.[0]?.extensions?.code, 'CONFLICT');

  const updated = await alice.ok<{ updateSyncRule: { mode: string; name: string } }>(
    'mutation($id: ID!, $rule: JSON!) { updateSyncRule(id: $id, name: "renamed", rule: $rule) { name mode } }',
    {
      id: rule.id,
      rule: {
        mode: 'two-way',
        path1: { remote: a.remoteId, path: 'work' },
        path2: { remote: b.remoteId, path: 'work' },
      },
    },
  );
  assert.deepEqual(updated.updateSyncRule, { name: 'renamed', mode: 'two-way' });

  await alice.ok('mutation($id: ID!) { deleteSyncRule(id: $id) }', { id: rule.id });
  const gone = await alice.gql('query($id: ID!) { syncRule(id: $id) { id } }', { id: rule.id });
  assert.equal(gone.errors?.[0]?.extensions?.code, 'NOT_FOUND');
});

test('invalid rules are refused naming the problem', async () => {
  const overlap = await alice.gql(
    'mutation($rule: JSON!) { createSyncRule(name: "x", rule: $rule) { id } }',
    {
      rule: {
        mode: 'copy',
        path1: { remote: a.remoteId, path: 'work' },
        path2: { remote: a.remoteId, path: 'work/sub' },
      },
    },
  );
  assert.equal(overlap.errors?.[0]?.extensions?.code, 'INVALID_INPUT');
  assert.match(overlap.errors?.[0]?.message ?? '', /overlap/);
  const badMode = await alice.gql(
    'mutation($rule: JSON!) { createSyncRule(name: "x", rule: $rule) { id } }',
    {
      rule: { mode: 'mirror-ish', path1: { remote: a.remoteId }, path2: { remote: b.remoteId } },
    },
  );
  assert.equal(badMode.errors?.[0]?.extensions?.code, 'INVALID_INPUT');
});
