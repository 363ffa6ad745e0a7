// Mapping and analyzers through a real OpenSearch: what a user types must find their files,
// and only theirs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { NodeState } from '@syncoxide/core';
import { bulkWrite } from '../src/bulk.js';
import { toFileDocument } from '../src/document.js';
import { dropFilesIndexes, ensureFilesIndex } from '../src/indexes.js';
import { filesAlias } from '../src/names.js';
import type { FileSearchParams } from '../src/search/query.js';
import { searchFiles } from '../src/search/search.js';
import { searchClient, state, uniqueNames } from './helpers.js';

const client = searchClient();
const names = uniqueNames('ix-search');
const MB = 1024 ** 2;
const t = (iso: string) => Date.parse(iso);

const fixtures: Array<[string, Partial<NodeState>, { deleted?: boolean }?]> = [
  [
    'n1',
    {
      name: 'Quarterly Report.xlsx',
      path: 'finance/2024/Quarterly Report.xlsx',
      size: 20_000,
      mtime: t('2024-03-01'),
    },
  ],
  [
    'n2',
    {
      name: 'quarterlyReport_final.pdf',
      path: 'finance/2024/drafts/quarterlyReport_final.pdf',
      size: 2 * MB,
      mtime: t('2024-04-01'),
    },
  ],
  [
    'n3',
    {
      name: 'holiday_photo_2023.JPG',
      path: 'photos/2023/holiday_photo_2023.JPG',
      size: 5 * MB,
      mtime: t('2023-08-01'),
      remoteId: 'r2',
    },
  ],
  ['n4', { name: 'main.rs', path: 'code/syncoxide/src/main.rs', size: 3_000, mtime: t('2022-01-01') }],
  [
    'n5',
    { name: 'budget-plan.v2.ods', path: 'finance/budget-plan.v2.ods', size: 50_000, mtime: t('2024-01-15') },
  ],
  [
    'n6',
    {
      name: 'IMG_20230415_1234.heic',
      path: 'photos/2023/IMG_20230415_1234.heic',
      size: 3 * MB,
      mtime: t('2023-04-15'),
      remoteId: 'r2',
    },
  ],
  ['n7', { kind: 'folder', name: 'finance', path: 'finance', size: null, mtime: t('2024-01-01') }],
  ['n8', { kind: 'folder', name: '2024', path: 'finance/2024', size: null, mtime: t('2024-01-02') }],
  ['n9', { name: 'Quarterly Report.xlsx', path: 'Quarterly Report.xlsx', ownerId: 'u2', remoteId: 'r9' }],
  [
    'n10',
    {
      name: 'secret-report.docx',
      path: 'secret-report.docx',
      ownerId: 'u2',
      remoteId: 'r9',
      sharedWith: ['u1'],
      size: 10,
    },
  ],
  ['n11', { name: 'trashed report.txt', path: 'trashed report.txt', trashed: true }],
  ['n12', { name: 'deleted report.txt', path: 'deleted report.txt' }, { deleted: true }],
  ['n13', { name: 'Ünïcode Rëport.md', path: 'notes/Ünïcode Rëport.md', size: 100, mtime: t('2021-06-01') }],
  [
    'n14',
    { name: '<b>bold</b> notes.txt', path: 'notes/<b>bold</b> notes.txt', size: 5, mtime: t('2021-07-01') },
  ],
];

const search = (params: Omit<FileSearchParams, 'ownerId'> & { ownerId?: string }) =>
  searchFiles(client, names.indexPrefix, { ownerId: 'u1', ...params });
const ids = async (params: Omit<FileSearchParams, 'ownerId'> & { ownerId?: string }) =>
  (await search(params)).hits.map((h) => h.nodeId).sort();

describe('file search through the mapping', () => {
  before(async () => {
    await ensureFilesIndex(client, names.indexPrefix);
    const ops = fixtures.map(([nodeId, overrides, ctx]) => ({
      nodeId,
      revision: 1,
      doc: toFileDocument(nodeId, 1, state(overrides), {
        deleted: ctx?.deleted ?? false,
        at: '2024-05-01T00:00:00Z',
      }),
    }));
    const written = await bulkWrite(client, filesAlias(names.indexPrefix), ops, {
      requireAlias: true,
      refresh: true,
    });
    assert.equal(written.applied, fixtures.length);
  });
  after(async () => {
    await dropFilesIndexes(client, names.indexPrefix);
    await client.close();
  });

  test('prefixes find files as you type', async () => {
    assert.deepEqual(await ids({ text: 'quart' }), ['n1', 'n2']);
    assert.deepEqual(await ids({ text: 'Quarterly Rep' }), ['n1', 'n2']);
    assert.deepEqual(await ids({ text: 'holi' }), ['n3']);
    assert.deepEqual(await ids({ text: 'bud pl' }), ['n5']);
  });

  test('typos still find files', async () => {
    assert.deepEqual(await ids({ text: 'qaurterly' }), ['n1', 'n2']);
    assert.deepEqual(await ids({ text: 'holyday' }), ['n3']);
    assert.deepEqual(await ids({ text: 'budgte' }), ['n5']);
  });

  test('word parts: camelCase, snake_case, dots, hyphens, digits, accents', async () => {
    assert.deepEqual(await ids({ text: 'report' }), ['n1', 'n10', 'n13', 'n2']);
    assert.deepEqual(await ids({ text: 'final' }), ['n2']);
    assert.deepEqual(await ids({ text: 'photo' }), ['n3']);
    assert.deepEqual(await ids({ text: 'plan' }), ['n5']);
    assert.deepEqual(await ids({ text: 'v2' }), ['n5']);
    assert.deepEqual(await ids({ text: '1234' }), ['n6']);
    assert.deepEqual(await ids({ text: 'unicode' }), ['n13']);
    assert.deepEqual(await ids({ text: 'quarterlyReport_final.pdf' }), ['n2']);
  });

  test('the exact name ranks first', async () => {
    const result = await search({ text: 'quarterly report.xlsx' });
    assert.equal(result.hits[0]?.nodeId, 'n1');
  });

  test('folder subtree filter', async () => {
    assert.deepEqual(await ids({ filters: { folder: { remoteId: 'r1', path: 'finance' } } }), [
      'n1',
      'n2',
      'n5',
      'n8',
    ]);
    assert.deepEqual(await ids({ filters: { folder: { remoteId: 'r1', path: '/finance/2024/' } } }), [
      'n1',
      'n2',
    ]);
    assert.deepEqual(await ids({ filters: { folder: { remoteId: 'r2', path: 'finance' } } }), []);
    assert.deepEqual(
      await ids({ text: 'report', filters: { folder: { remoteId: 'r1', path: 'finance/2024/drafts' } } }),
      ['n2'],
    );
  });

  test('filters: category, extension, remote, size, mtime, kind', async () => {
    assert.deepEqual(await ids({ filters: { categories: ['image'] } }), ['n3', 'n6']);
    assert.deepEqual(await ids({ filters: { extensions: ['JPG', '.heic'] } }), ['n3', 'n6']);
    assert.deepEqual(await ids({ filters: { remoteIds: ['r2'] } }), ['n3', 'n6']);
    assert.deepEqual(await ids({ filters: { sizeMin: MB, sizeMax: 4 * MB } }), ['n2', 'n6']);
    assert.deepEqual(await ids({ filters: { mtimeFrom: '2024-01-10', mtimeTo: new Date('2024-03-31') } }), [
      'n1',
      'n5',
    ]);
    assert.deepEqual(await ids({ filters: { kinds: ['folder'] } }), ['n7', 'n8']);
    assert.deepEqual(await ids({ filters: { trashed: true } }), ['n11']);
  });

  test('facet counts', async () => {
    const { facets, total } = await search({
      facets: ['category', 'extension', 'remote', 'size', 'mtime'],
      mtimeInterval: 'year',
    });
    assert.equal(total, 11); // n1-n8, n10 (shared), n13, n14
    const asObject = (buckets: Array<{ key: string; count: number }> | undefined) =>
      Object.fromEntries((buckets ?? []).map((b) => [b.key, b.count]));
    assert.deepEqual(asObject(facets.category), { spreadsheet: 2, image: 2, document: 3, pdf: 1, code: 1 });
    assert.equal(asObject(facets.extension).xlsx, 1);
    assert.equal(asObject(facets.extension).jpg, 1);
    assert.deepEqual(asObject(facets.remote), { r1: 8, r2: 2, r9: 1 });
    assert.deepEqual(asObject(facets.size), { tiny: 6, small: 3, medium: 0, large: 0, huge: 0 });
    const years = Object.fromEntries(
      (facets.mtime ?? []).map((b) => [new Date(b.at).getUTCFullYear(), b.count]),
    );
    assert.deepEqual(years, { 2021: 2, 2022: 1, 2023: 3, 2024: 5 });
  });

  test('sort by name, size and mtime; search_after pages through everything once', async () => {
    const byName = (await search({ sort: 'name', filters: { kinds: ['file'] } })).hits.map((h) => h.doc.name);
    const fold = (s: string) =>
      s
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase();
    assert.deepEqual(
      byName,
      [...byName].sort((a, b) => (fold(a) < fold(b) ? -1 : 1)),
    );
    assert.equal(byName.length, 9);
    const bySize = (await search({ sort: 'size', filters: { kinds: ['file'] } })).hits.map(
      (h) => h.doc.size ?? 0,
    );
    assert.deepEqual(
      bySize,
      [...bySize].sort((a, b) => b - a),
    );
    const byMtime = (await search({ sort: { field: 'mtime', order: 'asc' } })).hits.map(
      (h) => h.doc.mtime ?? 0,
    );
    assert.deepEqual(
      byMtime,
      [...byMtime].sort((a, b) => a - b),
    );
    const seen: string[] = [];
    let page = await search({ sort: 'name', size: 3 });
    for (;;) {
      seen.push(...page.hits.map((h) => h.nodeId));
      if (!page.nextSearchAfter) break;
      page = await search({ sort: 'name', size: 3, searchAfter: page.nextSearchAfter });
    }
    assert.equal(seen.length, 11);
    assert.equal(new Set(seen).size, 11);
  });

  test('highlight marks the match and escapes the name', async () => {
    const [hit] = (await search({ text: 'final', highlight: true })).hits;
    assert.match(hit?.highlight ?? '', /<mark>final<\/mark>/i);
    const [bold] = (await search({ text: 'bold', highlight: true })).hits;
    assert.match(bold?.highlight ?? '', /&lt;b&gt;/);
    assert.doesNotMatch(bold?.highlight ?? '', /<b>/);
  });

  test('tenants see only their own (and what is shared with them); never tombstones', async () => {
    assert.deepEqual(await ids({ ownerId: 'u2', text: 'quarterly' }), ['n9']);
    assert.deepEqual(await ids({ ownerId: 'u2', text: 'report' }), ['n10', 'n9']);
    assert.deepEqual(await ids({ text: 'report', includeShared: false }), ['n1', 'n13', 'n2']);
    assert.deepEqual(await ids({ ownerId: 'u3', text: 'report' }), []);
    assert.deepEqual(await ids({ text: 'deleted' }), []);
  });

  test('before any index exists there is nothing to find', async () => {
    const result = await searchFiles(client, uniqueNames('ix-none').indexPrefix, {
      ownerId: 'u1',
      text: 'x',
    });
    assert.equal(result.total, 0);
  });
});
