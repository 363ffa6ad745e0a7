'use client';
// A file list in pages of 25 (the gateway's query cost limit caps a page): the first page on
// load, more on demand, appended to what is shown.
import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import type { FileFieldsFragment } from '../lib/gql/graphql';

type ListData = {
  list: {
    edges: { node: FileFieldsFragment }[];
    pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  };
};

export function usePagedList<D extends ListData, V extends OperationVariables>(
  query: TypedDocumentNode<D, V>,
  variables: V,
) {
  const result = useQuery(query, { variables } as never);
  const data = result.data as D | undefined;
  const page = data?.list;
  const loadMore = () =>
    result.fetchMore({
      variables: { after: page?.pageInfo.endCursor } as never,
      updateQuery: ((prev: D, { fetchMoreResult }: { fetchMoreResult: D }) => ({
        ...fetchMoreResult,
        list: { ...fetchMoreResult.list, edges: [...prev.list.edges, ...fetchMoreResult.list.edges] },
      })) as never,
    });
  return {
    data,
    items: page?.edges.map((e) => e.node),
    hasMore: page?.pageInfo.hasNextPage ?? false,
    loadMore,
    loading: result.loading,
    error: result.error,
    refetch: result.refetch,
  };
}
