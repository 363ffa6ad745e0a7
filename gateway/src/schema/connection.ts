// Relay connections over the graph's keyset pages. The graph hands out one cursor per page
// (after its last item), so that cursor is the last edge's and pageInfo.endCursor; earlier
// edges repeat the page's start cursor. Only forward paging (first/after) is offered.
import { SyncoxideError } from '@syncoxide/core';
import type { Page } from '@syncoxide/graph';

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export function forwardOnly(args: ConnectionArgs): { first?: number; after: string | null } {
  if (args.last != null || args.before != null) {
    throw new SyncoxideError('INVALID_INPUT', 'only forward paging (first/after) is supported');
  }
  return { ...(args.first != null ? { first: args.first } : {}), after: args.after ?? null };
}

export function toConnection<T>(page: Page<T>, after: string | null | undefined) {
  const start = after ?? '';
  const end = page.nextCursor ?? '';
  return {
    edges: page.items.map((node, i) => ({ node, cursor: i === page.items.length - 1 ? end : start })),
    pageInfo: {
      hasNextPage: page.nextCursor !== null,
      hasPreviousPage: Boolean(after),
      startCursor: page.items.length ? start : null,
      endCursor: page.nextCursor,
    },
  };
}
