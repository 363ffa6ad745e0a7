// Search through the real pipeline: connect a local remote → scan into the graph → outbox
// relay → Kafka → indexer → OpenSearch → the search query.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { connectLocal } from './fixtures.js';
import { type Client, eventually, startTestGateway, type TestGateway } from './harness.js';

let gw: TestGateway;
let alice: Client;
let remote: { remoteId: string };

const SEARCH = `query($text: String, $filters: SearchFilters, $sort: SearchSort, $order: SortDirection,
  $first: Int, $after: String, $facets: [SearchFacet!]) {
  search(text: $text, filters: $filters, sort: $sort, order: $order, first: $first, after: $after,
    highlight: true, facets: $facets) {
    total
    edges { cursor score highlight node { id name path kind size starred } }
    pageInfo { hasNextPage endCursor }
    facets { category { key count } extension { key count } remote { key count } size { key count } }
  } }`;

type Hit = { highlight: string | null; node: { id: string; name: string; path: string; size: number } };
type Search = {
  search: {
    total: number;
    edges: Hit[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    facets: Record<string, { key: string; count: number }[] | null>;
  };
};

const search = (vars: Record<string, unknown>) => alice.ok<Search>(SEARCH, vars);
const names = (r: Search) => r.search.edges.map((e) => e.node.name);

before(async () => {
  gw = await startTestGateway({ pipeline: true });
  alice = await gw.user('alice');
  remote = await connectLocal(gw, alice);
  // The listing went through the relay and the indexer: wait until every entry is searchable.
  await eventually(
    async () => (await search({ filters: { kinds: ['file', 'folder'] } })).search.total === 12,
    60_000,
  );
});
after(() => gw.close());

test('a prefix finds the file as you type, a typo still finds it, highlighted', async () => {
  for (const text of ['quar', 'quarterly', 'quartrly', 'reprot']) {
    const r = await search({ text });
    assert.equal(names(r)[0], 'quarterly-report.pdf', `"${text}" should find the report first`);
  }
  const r = await search({ text: 'quarterly' });
  assert.match(r.search.edges[0]!.highlight ?? '', /<mark>quarterly<\/mark>/);
});

test('word parts of a name are found and ranked above weaker matches', async () => {
  assert.deepEqual(names(await search({ text: 'beach' })), ['holiday-beach.jpg']);
  const notes = names(await search({ text: 'notes' }));
  assert.deepEqual(notes.slice(0, 2).sort(), ['notes.txt', 'old-notes.txt']);
  assert.equal(notes[0], 'notes.txt', 'the exact name ranks first');
});

test('filters: remote, category, extension, size range, date range, starred, trashed', async () => {
  assert.equal(
    (await search({ filters: { remoteIds: [remote.remoteId], kinds: ['file'] } })).search.total,
    8,
  );
  assert.deepEqual(names(await search({ filters: { categories: ['image'] }, sort: 'NAME' })), [
    'holiday-beach.jpg',
    'sunset.png',
  ]);
  assert.deepEqual(names(await search({ filters: { extensions: ['mp3'] } })), ['song.mp3']);
  assert.deepEqual(
    names(await search({ filters: { sizeMin: 20, sizeMax: 30 }, sort: 'SIZE', order: 'ASC' })),
    ['alphabet.txt'],
  );
  assert.equal(
    (await search({ filters: { modifiedFrom: '2000-01-01T00:00:00Z', kinds: ['file'] } })).search.total,
    8,
  );
  assert.equal((await search({ filters: { modifiedTo: '2000-01-01T00:00:00Z' } })).search.total, 0);
  const song = (await search({ text: 'song' })).search.edges[0]!.node;
  await alice.ok('mutation($id: ID!) { starFile(id: $id) { starred } }', { id: song.id });
  await eventually(async () => names(await search({ filters: { starred: true } }))[0] === 'song.mp3');
  await alice.ok('mutation($id: ID!) { trashFile(id: $id) { trashed } }', { id: song.id });
  await eventually(async () => names(await search({ filters: { trashed: true } }))[0] === 'song.mp3');
  assert.equal((await search({ text: 'song' })).search.total, 0, 'search never shows the trash by default');
});

test('facets with counts', async () => {
  const r = await search({ facets: ['CATEGORY', 'EXTENSION', 'REMOTE', 'SIZE'] });
  const ext = Object.fromEntries((r.search.facets.extension ?? []).map((b) => [b.key, b.count]));
  assert.equal(ext.txt, 3);
  assert.equal(r.search.facets.remote?.[0]?.count, r.search.total);
  assert.ok((r.search.facets.category ?? []).some((b) => b.key === 'image' && b.count === 2));
  assert.ok((r.search.facets.size ?? []).some((b) => b.key === 'tiny' && b.count === r.search.total));
});

test('sort by name pages through every file once with cursors; bad cursors and sizes are refused', async () => {
  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const r: Search = await search({ sort: 'NAME', first: 3, after });
    seen.push(...names(r));
    if (!r.search.pageInfo.hasNextPage) break;
    after = r.search.pageInfo.endCursor;
  }
  assert.deepEqual(
    seen,
    [...seen].sort((a, b) => a.localeCompare(b)),
  );
  assert.equal(new Set(seen).size, seen.length);
  const other = await alice.gql(SEARCH, { text: 'other', after: after ?? 'x' });
  assert.equal(other.errors?.[0]?.extensions?.code, 'INVALID_INPUT', 'a cursor of another query');
  const big = await alice.gql(SEARCH, { first: 1000 });
  assert.equal(big.errors?.[0]?.extensions?.code, 'INVALID_INPUT');
  const long = await alice.gql(SEARCH, { text: 'x'.repeat(300) });
  assert.equal(long.errors?.[0]?.extensions?.code, 'INVALID_INPUT');
});

test('another user finds none of it', async () => {
  const bob = await gw.user('bob');
  const r = await bob.ok<Search>(SEARCH, { text: 'quarterly' });
  assert.equal(r.search.total, 0);
  const filtered = await bob.ok<Search>(SEARCH, { filters: { remoteIds: [remote.remoteId] } });
  assert.equal(filtered.search.total, 0);
});
