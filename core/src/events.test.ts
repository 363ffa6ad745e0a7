import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GRAPH_DIFF_SCHEMA, GRAPH_DIFF_VERSION, graphDiffTopic, parseGraphDiffEvent } from './events.js';

const event = {
  schema: GRAPH_DIFF_SCHEMA,
  version: GRAPH_DIFF_VERSION,
  id: 'e1',
  kind: 'created',
  nodeId: 'n1',
  revision: 1,
  state: {
    kind: 'file',
    ownerId: 'u1',
    remoteId: 'r1',
    path: 'docs/a.txt',
    name: 'a.txt',
    size: 3,
    mtime: 1700000000000,
    md5: null,
    sha1: null,
    mime: 'text/plain',
    providerId: null,
    logicalId: null,
    starred: false,
    trashed: false,
    sharedWith: [],
  },
  at: new Date(0).toISOString(),
  cause: { type: 'scan', ref: null },
};

test('a valid event round-trips through JSON', () => {
  const parsed = parseGraphDiffEvent(JSON.stringify(event));
  assert.equal(parsed.nodeId, 'n1');
  assert.equal(parsed.previousPath, null);
  assert.deepEqual(parsed.state.extra, {});
});

test('an unknown schema version is refused', () => {
  assert.throws(() => parseGraphDiffEvent(JSON.stringify({ ...event, version: 2 })));
});

test('topic name carries the schema version', () => {
  assert.equal(graphDiffTopic('syncoxide.'), 'syncoxide.graph-diffs.v1');
});
