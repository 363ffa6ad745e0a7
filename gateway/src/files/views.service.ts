// Reading the file tree: views, folder pages, single nodes (batched per request through a
// dataloader) and details. Thin over the graph: it already scopes every read to the caller.
import type { GraphStore, Page, PageRequest, SortField, StoredNode } from '@syncoxide/graph';
import { z } from 'zod';
import { notFound } from '../ids.js';
import { invalidInput } from '../validation.js';

export const PageInput = z.object({
  first: z.number().int().min(1, 'first must be at least 1').max(500, 'first must be at most 500').optional(),
  after: z.string().max(2000, 'cursor too long').nullish(),
  sort: z
    .object({
      field: z.enum(['name', 'size', 'mtime', 'updatedAt', 'createdAt', 'trashedAt']),
      direction: z.enum(['asc', 'desc']).nullish(),
    })
    .nullish(),
});
export type PageInput = z.input<typeof PageInput>;

function pageRequest(input: PageInput): PageRequest {
  const p = invalidInput(PageInput, input);
  return {
    first: p.first,
    after: p.after ?? null,
    ...(p.sort ? { sort: { field: p.sort.field as SortField, direction: p.sort.direction ?? 'asc' } } : {}),
  };
}

export type View = 'recents' | 'starred' | 'trash' | 'sharedByMe' | 'sharedWithMe';

export class ViewsService {
  constructor(private readonly graph: GraphStore) {}

  myDrive(callerId: string, remoteId: string | null, input: PageInput): Promise<Page<StoredNode>> {
    return this.graph.myDrive(callerId, { ...pageRequest(input), remoteId }).catch(asNotFound);
  }

  view(callerId: string, view: View, input: PageInput): Promise<Page<StoredNode>> {
    const req = pageRequest(input);
    switch (view) {
      case 'recents':
        return this.graph.recents(callerId, req);
      case 'starred':
        return this.graph.starred(callerId, req);
      case 'trash':
        return this.graph.listTrash(callerId, req);
      case 'sharedByMe':
        return this.graph.sharedByMe(callerId, req);
      case 'sharedWithMe':
        return this.graph.sharedWithMe(callerId, req);
    }
  }

  folder(callerId: string, folderId: string, input: PageInput): Promise<Page<StoredNode>> {
    return this.graph.folder(callerId, folderId, pageRequest(input)).catch(asNotFound);
  }

  computers(callerId: string, input: PageInput) {
    const { first, after } = pageRequest(input);
    return this.graph.computers(callerId, { first, after });
  }

  /** Nodes by id for the dataloader: one result per id, an Error for ids the caller cannot read. */
  loadMany(callerId: string | null, ids: readonly string[]): Promise<Array<StoredNode | Error>> {
    return Promise.all(
      ids.map((id) =>
        callerId ? this.graph.node(callerId, id).catch(() => notFound('no such file or folder')) : notFound(),
      ),
    );
  }

  node(callerId: string, id: string): Promise<StoredNode> {
    return this.graph.node(callerId, id).catch(asNotFound);
  }

  details(callerId: string, id: string) {
    return this.graph.details(callerId, id).catch(asNotFound);
  }
}

/** Every not-found reads the same, whatever the graph said about it. */
function asNotFound(err: unknown): never {
  if ((err as { code?: string }).code === 'NOT_FOUND') throw notFound('no such file or folder');
  throw err;
}
