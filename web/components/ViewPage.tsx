'use client';
// One global view (My Drive, Recents, Starred, …) as a file list. Every view query answers
// `list: FileConnection`, so one component serves them all.
import type { TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { type ReactNode, useState } from 'react';
import type { FileFieldsFragment, SortInput } from '../lib/gql/graphql';
import { ME } from '../lib/operations';
import { FileBrowser } from './FileBrowser';
import { usePagedList } from './usePagedList';

type ViewData = {
  list: {
    edges: { node: FileFieldsFragment }[];
    pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  };
};

export function ViewPage({
  title,
  query,
  emptyTitle,
  emptyHint,
  initialSort = { field: 'NAME', direction: 'ASC' },
  uploads = false,
  trashView = false,
}: {
  title: string;
  query: TypedDocumentNode<ViewData, { sort?: SortInput | null; after?: string | null }>;
  emptyTitle: string;
  emptyHint?: ReactNode;
  initialSort?: SortInput;
  uploads?: boolean;
  trashView?: boolean;
}) {
  const [sort, setSort] = useState<SortInput>(initialSort);
  const { items, hasMore, loadMore, loading, error, refetch } = usePagedList(query, { sort });
  const me = useQuery(ME, { fetchPolicy: 'cache-first' });
  return (
    <FileBrowser
      title={title}
      items={items}
      hasMore={hasMore}
      onLoadMore={() => void loadMore()}
      loading={loading}
      error={error}
      retry={() => void refetch()}
      emptyTitle={emptyTitle}
      emptyHint={emptyHint}
      sort={sort}
      onSort={setSort}
      targets={uploads ? (me.data?.remotes ?? []).map((r) => ({ id: r.id, name: r.name })) : []}
      trashView={trashView}
      remoteName={(id) => me.data?.remotes.find((r) => r.id === id)?.name}
    />
  );
}
