import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSyncoxideError } from '@syncoxide/core';
import { buildFileSearch } from './query.js';

type Q = Record<string, unknown>;
const boolOf = (body: Q) => (body.query as { bool: Record<string, Q[]> }).bool;
const json = (v: unknown) => JSON.stringify(v);

test('every search is scoped to the caller and excludes tombstones and the trash', () => {
  const body = buildFileSearch({ ownerId: 'u1' });
  const bool = boolOf(body);
  assert.equal(
    json(bool.filter![0]),
    json({
      bool: {
        should: [{ term: { ownerId: 'u1' } }, { term: { sharedWith: 'u1' } }],
        minimum_should_match: 1,
      },
    }),
  );
  assert.deepEqual(bool.must_not, [{ term: { deleted: true } }]);
  assert.ok(bool.filter!.some((c) => json(c) === json({ term: { trashed: false } })));
  assert.equal(bool.must, undefined);
});

test('shared files can be left out; an empty caller is refused', () => {
  const bool = boolOf(buildFileSearch({ ownerId: 'u1', includeShared: false }));
  assert.equal(
    json(bool.filter![0]),
    json({ bool: { should: [{ term: { ownerId: 'u1' } }], minimum_should_match: 1 } }),
  );
  assert.throws(
    () => buildFileSearch({ ownerId: '' }),
    (e: unknown) => isSyncoxideError(e, 'INVALID_INPUT'),
  );
});

test('text searches word parts, prefixes and typos', () => {
  const body = buildFileSearch({ ownerId: 'u1', text: '  quart  ' });
  const text = json(boolOf(body).must);
  assert.match(text, /"name.prefix":\{"query":"quart"/);
  assert.match(text, /"fuzziness":"AUTO"/);
  assert.equal(json((body.sort as Q[])[0]), json({ _score: { order: 'desc' } }));
});

test('filters become filter clauses', () => {
  const body = buildFileSearch({
    ownerId: 'u1',
    filters: {
      remoteIds: ['r1'],
      categories: ['image'],
      extensions: ['.JPG'],
      sizeMin: 10,
      sizeMax: 20,
      mtimeFrom: '2024-01-01T00:00:00Z',
      mtimeTo: new Date(1_800_000_000_000),
      sharedWith: ['u9'],
      starred: true,
      trashed: true,
      folder: { remoteId: 'r1', path: '/Photos/2024/' },
    },
  });
  const { filter, must_not: mustNot } = boolOf(body);
  const all = json(filter);
  assert.match(all, /\{"terms":\{"remoteId":\["r1"\]\}\}/);
  assert.match(all, /\{"terms":\{"category":\["image"\]\}\}/);
  assert.match(all, /\{"terms":\{"extension":\["jpg"\]\}\}/);
  assert.match(all, /\{"range":\{"size":\{"gte":10,"lte":20\}\}\}/);
  assert.match(all, /"mtime":\{"format":"epoch_millis","gte":1704067200000,"lte":1800000000000\}/);
  assert.match(all, /\{"terms":\{"sharedWith":\["u9"\]\}\}/);
  assert.match(all, /\{"term":\{"starred":true\}\}/);
  assert.match(all, /\{"term":\{"trashed":true\}\}/);
  assert.match(all, /\{"term":\{"path":"Photos\/2024"\}\}/);
  assert.match(json(mustNot), /\{"term":\{"path.keyword":"Photos\/2024"\}\}/);
});

test('sort by field with a nodeId tiebreak; default is newest first without text', () => {
  assert.deepEqual(buildFileSearch({ ownerId: 'u1' }).sort, [
    { mtime: { order: 'desc', missing: '_last' } },
    { nodeId: { order: 'asc' } },
  ]);
  assert.deepEqual(buildFileSearch({ ownerId: 'u1', sort: { field: 'size', order: 'asc' } }).sort, [
    { size: { order: 'asc', missing: '_last' } },
    { nodeId: { order: 'asc' } },
  ]);
  assert.deepEqual(buildFileSearch({ ownerId: 'u1', sort: 'name' }).sort, [
    { 'name.sort': { order: 'asc' } },
    { nodeId: { order: 'asc' } },
  ]);
});

test('paging: from/size, searchAfter, limits', () => {
  const paged = buildFileSearch({ ownerId: 'u1', from: 20, size: 10 });
  assert.equal(paged.from, 20);
  assert.equal(paged.size, 10);
  const after = buildFileSearch({ ownerId: 'u1', searchAfter: [1, 'n1'] });
  assert.deepEqual(after.search_after, [1, 'n1']);
  assert.equal(after.from, undefined);
  const bad = (e: unknown) => isSyncoxideError(e, 'INVALID_INPUT');
  assert.throws(() => buildFileSearch({ ownerId: 'u1', size: 1000 }), bad);
  assert.throws(() => buildFileSearch({ ownerId: 'u1', from: 9990, size: 50 }), bad);
  assert.throws(() => buildFileSearch({ ownerId: 'u1', from: 5, searchAfter: [1] }), bad);
  assert.throws(() => buildFileSearch({ ownerId: 'u1', text: 'x'.repeat(300) }), bad);
  assert.throws(() => buildFileSearch({ ownerId: 'u1', filters: { mtimeFrom: 'soon' } }), bad);
});

test('highlight and facets are asked for only when wanted', () => {
  const plain = buildFileSearch({ ownerId: 'u1', text: 'x' });
  assert.equal(plain.highlight, undefined);
  assert.equal(plain.aggs, undefined);
  const rich = buildFileSearch({
    ownerId: 'u1',
    text: 'x',
    highlight: true,
    facets: ['category', 'extension', 'remote', 'size', 'mtime'],
    mtimeInterval: 'year',
  });
  assert.equal((rich.highlight as Q).encoder, 'html');
  assert.deepEqual(Object.keys(rich.aggs as Q).sort(), ['category', 'extension', 'mtime', 'remote', 'size']);
  assert.match(json(rich.aggs), /"calendar_interval":"year"/);
});
