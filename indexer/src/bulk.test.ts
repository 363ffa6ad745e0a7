import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyItem } from './bulk.js';

test('bulk item answers: applied, stale, retry later, or never', () => {
  assert.equal(classifyItem({ status: 201 }), 'applied');
  assert.equal(classifyItem({ status: 200 }), 'applied');
  assert.equal(classifyItem({ status: 409, error: { type: 'version_conflict_engine_exception' } }), 'stale');
  assert.equal(classifyItem({ status: 429, error: { type: 'es_rejected_execution_exception' } }), 'retry');
  assert.equal(classifyItem({ status: 503, error: { type: 'unavailable_shards_exception' } }), 'retry');
  assert.equal(classifyItem({ status: 404, error: { type: 'index_not_found_exception' } }), 'retry');
  assert.equal(classifyItem({ status: 403, error: { type: 'cluster_block_exception' } }), 'retry');
  assert.equal(classifyItem({ status: 400, error: { type: 'mapper_parsing_exception' } }), 'rejected');
  assert.equal(classifyItem({ status: 400, error: { type: 'document_parsing_exception' } }), 'rejected');
});
