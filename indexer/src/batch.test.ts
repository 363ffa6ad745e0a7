import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GRAPH_DIFF_SCHEMA, GRAPH_DIFF_VERSION } from '@syncoxide/core';
import { prepareBatch } from './batch.js';

function event(nodeId: string, revision: number, kind = 'modified') {
  return JSON.stringify({
    schema: GRAPH_DIFF_SCHEMA,
    version: GRAPH_DIFF_VERSION,
    id: `${nodeId}-${revision}`,
    kind,
    nodeId,
    revision,
    state: {
      kind: 'file',
      ownerId: 'u1',
      remoteId: 'r1',
      path: `${nodeId}.txt`,
      name: `${nodeId}.txt`,
      size: revision,
      mtime: 0,
      md5: null,
      sha1: null,
      mime: null,
      providerId: null,
      logicalId: null,
      starred: false,
      trashed: false,
      sharedWith: [],
    },
    at: '2024-01-01T00:00:00.000Z',
    cause: { type: 'scan', ref: null },
  });
}

test('valid events become one write per node, the newest; invalid ones dead letters', () => {
  const { ops, invalid } = prepareBatch([
    { key: 'a', value: event('a', 1), offset: '0' },
    { key: 'a', value: event('a', 3, 'deleted'), offset: '1' },
    { key: 'x', value: '{not json', offset: '2' },
    { key: 'b', value: event('b', 2), offset: '3' },
    { key: 'a', value: event('a', 2), offset: '4' },
    { key: 'y', value: JSON.stringify({ schema: GRAPH_DIFF_SCHEMA, version: 1, nodeId: 'y' }), offset: '5' },
    { key: 'z', value: null, offset: '6' },
  ]);
  const byNode = Object.fromEntries(ops.map((o) => [o.nodeId, o]));
  assert.equal(ops.length, 2);
  assert.equal(byNode.a!.revision, 3);
  assert.equal(byNode.a!.doc.deleted, true);
  assert.equal(byNode.a!.message.offset, '1');
  assert.equal(byNode.b!.revision, 2);
  assert.deepEqual(
    invalid.map((l) => [l.offset, l.stage]),
    [
      ['2', 'schema'],
      ['5', 'schema'],
      ['6', 'schema'],
    ],
  );
  assert.match(invalid[1]!.reason, /revision/);
});
