// search: names as you type, typo-tolerant, filtered and faceted, over the search index.
// Hits are shaped as File nodes straight from the index (no graph round trip per hit).
import type { StoredNode } from '@syncoxide/graph';
import type { FileDocument, FileHit } from '@syncoxide/indexer';
import { builder } from '../builder.js';
import { rawId } from '../ids.js';
import type { SearchPage } from '../search/search.service.js';
import { File, SortDirection } from './file.js';

function nodeOf(doc: FileDocument): StoredNode {
  return {
    id: doc.nodeId,
    ownerId: doc.ownerId,
    remoteId: doc.remoteId,
    parentId: '',
    path: doc.path,
    name: doc.name,
    kind: doc.kind,
    size: doc.size,
    mtime: doc.mtime,
    md5: doc.md5,
    sha1: doc.sha1,
    mime: doc.mime,
    providerId: doc.providerId,
    etag: null,
    revision: doc.revision,
    createdAt: 0,
    updatedAt: doc.changedAt ? Date.parse(doc.changedAt) : 0,
    starred: doc.starred,
    trashed: doc.trashed,
    trashedAt: null,
    trashRootId: null,
    trashedPath: null,
    logicalId: doc.logicalId,
    extra: {},
  };
}

const SearchSort = builder.enumType('SearchSort', {
  values: {
    RELEVANCE: { value: 'relevance' },
    NAME: { value: 'name' },
    SIZE: { value: 'size' },
    MTIME: { value: 'mtime' },
  } as const,
});
const SearchFacet = builder.enumType('SearchFacet', {
  values: {
    CATEGORY: { value: 'category' },
    EXTENSION: { value: 'extension' },
    REMOTE: { value: 'remote' },
    SIZE: { value: 'size' },
    MTIME: { value: 'mtime' },
  } as const,
});

const Filters = builder.inputType('SearchFilters', {
  fields: (t) => ({
    remoteIds: t.idList({ description: 'Remote global ids.' }),
    categories: t.stringList({ description: 'image, video, audio, document, pdf, spreadsheet, ...' }),
    extensions: t.stringList(),
    kinds: t.stringList({ description: 'file, folder' }),
    sizeMin: t.float(),
    sizeMax: t.float(),
    modifiedFrom: t.field({ type: 'DateTime' }),
    modifiedTo: t.field({ type: 'DateTime' }),
    sharedWith: t.idList({ description: 'User ids.' }),
    starred: t.boolean(),
    trashed: t.boolean({ description: 'true: only the trash; default: never the trash.' }),
  }),
});

const Bucket = builder
  .objectRef<{ key: string; count: number; from?: number; to?: number }>('FacetBucket')
  .implement({
    fields: (t) => ({
      key: t.exposeString('key'),
      count: t.exposeInt('count'),
      from: t.float({ nullable: true, resolve: (b) => b.from ?? null }),
      to: t.float({ nullable: true, resolve: (b) => b.to ?? null }),
    }),
  });

const Facets = builder.objectRef<SearchPage['facets']>('SearchFacets').implement({
  fields: (t) => ({
    category: t.field({ type: [Bucket], nullable: true, resolve: (f) => f.category ?? null }),
    extension: t.field({ type: [Bucket], nullable: true, resolve: (f) => f.extension ?? null }),
    remote: t.field({ type: [Bucket], nullable: true, resolve: (f) => f.remote ?? null }),
    size: t.field({ type: [Bucket], nullable: true, resolve: (f) => f.size ?? null }),
    modified: t.field({
      type: [Bucket],
      nullable: true,
      resolve: (f) => f.mtime?.map((b) => ({ key: new Date(b.at).toISOString(), count: b.count })) ?? null,
    }),
  }),
});

const Edge = builder.objectRef<{ hit: FileHit; page: SearchPage }>('SearchEdge').implement({
  fields: (t) => ({
    node: t.field({ type: File, resolve: (e) => nodeOf(e.hit.doc) }),
    cursor: t.string({ resolve: (e) => e.page.cursorOf(e.hit.sort) }),
    score: t.float({ nullable: true, resolve: (e) => e.hit.score }),
    highlight: t.string({
      nullable: true,
      description: 'The name with matches in <mark>, HTML-escaped.',
      resolve: (e) => e.hit.highlight ?? null,
    }),
  }),
});

const PageInfo = builder.objectRef<SearchPage>('SearchPageInfo').implement({
  fields: (t) => ({
    hasNextPage: t.boolean({ resolve: (p) => p.nextSearchAfter !== null }),
    hasPreviousPage: t.exposeBoolean('hasPreviousPage'),
    endCursor: t.string({
      nullable: true,
      resolve: (p) => (p.nextSearchAfter ? p.cursorOf(p.nextSearchAfter) : null),
    }),
  }),
});

const Result = builder.objectRef<SearchPage>('SearchResult').implement({
  fields: (t) => ({
    total: t.exposeInt('total'),
    edges: t.field({ type: [Edge], resolve: (p) => p.hits.map((hit) => ({ hit, page: p })) }),
    pageInfo: t.field({ type: PageInfo, resolve: (p) => p }),
    facets: t.field({ type: Facets, resolve: (p) => p.facets }),
  }),
});

builder.queryField('search', (t) =>
  t.field({
    type: Result,
    authScopes: { scope: 'files:read' },
    args: {
      text: t.arg.string(),
      filters: t.arg({ type: Filters }),
      sort: t.arg({ type: SearchSort }),
      order: t.arg({ type: SortDirection }),
      first: t.arg.int({ defaultValue: 50 }),
      after: t.arg.string(),
      highlight: t.arg.boolean({ defaultValue: false }),
      facets: t.arg({ type: [SearchFacet] }),
    },
    resolve: (_r, a, ctx) => {
      const f = a.filters;
      return ctx.services.search.search(ctx.caller!.userId, {
        text: a.text ?? undefined,
        sort: a.sort ?? undefined,
        order: a.order ?? undefined,
        first: a.first ?? 50,
        after: a.after,
        highlight: a.highlight ?? false,
        facets: a.facets ?? [],
        filters: f
          ? {
              remoteIds: f.remoteIds?.map((id) => rawId(id, 'Remote')),
              categories: f.categories ?? undefined,
              extensions: f.extensions ?? undefined,
              kinds: (f.kinds ?? undefined) as Array<'file' | 'folder'> | undefined,
              sizeMin: f.sizeMin ?? undefined,
              sizeMax: f.sizeMax ?? undefined,
              mtimeFrom: f.modifiedFrom ?? undefined,
              mtimeTo: f.modifiedTo ?? undefined,
              sharedWith: f.sharedWith?.map(String),
              starred: f.starred ?? undefined,
              trashed: f.trashed ?? undefined,
            }
          : undefined,
      });
    },
  }),
);
