// Search over the files index through the indexer's query builder. Input is validated here;
// the builder scopes every query to the caller. Cursors carry the engine's search_after values
// and a hash of the query they belong to, so a cursor cannot be replayed on another query.
import { createHash } from 'node:crypto';
import type { Client } from '@opensearch-project/opensearch';
import { SyncoxideError } from '@syncoxide/core';
import {
  FILE_CATEGORIES,
  type FileSearchParams,
  type FileSearchResult,
  searchFiles,
} from '@syncoxide/indexer';
import { z } from 'zod';
import { invalidInput } from '../validation.js';

const Filters = z
  .object({
    remoteIds: z.array(z.string().max(100)).max(50).optional(),
    categories: z
      .array(z.enum(FILE_CATEGORIES as unknown as [string, ...string[]]))
      .max(20)
      .optional(),
    extensions: z.array(z.string().max(20)).max(50).optional(),
    kinds: z.array(z.enum(['file', 'folder'])).optional(),
    sizeMin: z.number().int().min(0).optional(),
    sizeMax: z.number().int().min(0).optional(),
    mtimeFrom: z.date().optional(),
    mtimeTo: z.date().optional(),
    sharedWith: z.array(z.string().max(100)).max(50).optional(),
    starred: z.boolean().optional(),
    trashed: z.boolean().optional(),
  })
  .strip();

export const SearchInput = z.object({
  text: z.string().max(256, 'search text is longer than 256 characters').optional(),
  filters: Filters.optional(),
  sort: z.enum(['relevance', 'name', 'size', 'mtime']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  first: z.number().int().min(1).max(200, 'first must be at most 200').default(50),
  after: z.string().max(4000).nullish(),
  highlight: z.boolean().default(false),
  facets: z.array(z.enum(['category', 'extension', 'remote', 'size', 'mtime'])).default([]),
});
export type SearchInput = z.input<typeof SearchInput>;

export interface SearchPage extends FileSearchResult {
  cursorOf(sort: Array<string | number | null>): string;
  hasPreviousPage: boolean;
}

export class SearchService {
  constructor(
    private readonly client: Client,
    private readonly indexPrefix: string,
  ) {}

  async search(callerId: string, raw: SearchInput): Promise<SearchPage> {
    const input = invalidInput(SearchInput, raw);
    const f = input.filters ?? {};
    const queryHash = createHash('sha256')
      .update(JSON.stringify([callerId, input.text ?? '', f, input.sort ?? '', input.order ?? '']))
      .digest('base64url')
      .slice(0, 12);
    const params: FileSearchParams = {
      ownerId: callerId,
      text: input.text,
      filters: f as FileSearchParams['filters'],
      ...(input.sort ? { sort: { field: input.sort, ...(input.order ? { order: input.order } : {}) } } : {}),
      size: input.first,
      highlight: input.highlight,
      facets: input.facets,
      ...(input.after ? { searchAfter: decodeCursor(input.after, queryHash) } : {}),
    };
    const result = await searchFiles(this.client, this.indexPrefix, params);
    return {
      ...result,
      hasPreviousPage: Boolean(input.after),
      cursorOf: (sort) => Buffer.from(JSON.stringify({ q: queryHash, s: sort })).toString('base64url'),
    };
  }
}

function decodeCursor(cursor: string, queryHash: string): Array<string | number | null> {
  try {
    const body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      q?: unknown;
      s?: unknown;
    };
    const values = body.s;
    if (
      body.q === queryHash &&
      Array.isArray(values) &&
      values.length <= 5 &&
      values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')
    ) {
      return values as Array<string | number | null>;
    }
  } catch {
    // falls through to the error below
  }
  throw new SyncoxideError('INVALID_INPUT', 'this cursor does not belong to this search');
}
