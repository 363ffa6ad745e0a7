import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathFilter } from '@syncoxide/sync';
import { literalGlob, parentOf, recipientPath, shareRule } from './share-rule.js';
import type { UserShareRow } from './shares.repository.js';

const base = {
  id: '00000000-0000-4000-8000-000000000001',
  ownerId: 'alice',
  remoteId: 'r1',
  targetRemoteId: 'r2',
  targetPath: 'from alice',
  sync: { compare: ['size', 'modtime'], keep: 'newer', autoMerge: false },
} as unknown as UserShareRow;

test('a read-write folder share is a two-way rule between the two copies', () => {
  const rule = shareRule({
    ...base,
    kind: 'folder',
    path: 'work/project',
    name: 'project',
    access: 'read-write',
  });
  assert.equal(rule.mode, 'two-way');
  assert.deepEqual(rule.path1, { remote: 'r1', path: 'work/project' });
  assert.deepEqual(rule.path2, { remote: 'r2', path: 'from alice' });
  assert.deepEqual(rule.exclude, []);
});

test('a read-only file share is one-way and sees nothing but the file', () => {
  const name = 'q(1)|*.txt';
  const rule = shareRule({ ...base, kind: 'file', path: `docs/${name}`, name, access: 'read' });
  assert.equal(rule.mode, 'one-way');
  assert.equal(rule.path1.path, 'docs');
  const f = pathFilter(rule);
  assert.equal(f.accepts(name, 'file'), true);
  assert.equal(f.accepts('other.txt', 'file'), false);
  assert.equal(f.accepts('sub', 'folder'), false);
  assert.equal(f.accepts(`sub/${name}`, 'file'), false);
  assert.equal(recipientPath({ ...base, kind: 'file', name, targetPath: '' } as UserShareRow), name);
});

test('helpers', () => {
  assert.equal(parentOf('a/b/c.txt'), 'a/b');
  assert.equal(parentOf('c.txt'), '');
  assert.equal(literalGlob('a.b'), 'a\\.b');
});
