'use client';
// The root folder of one remote.
import { useQuery } from '@apollo/client/react';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { FileBrowser } from '../../../../components/FileBrowser';
import { usePagedList } from '../../../../components/usePagedList';
import type { SortInput } from '../../../../lib/gql/graphql';
import { ME, MY_DRIVE } from '../../../../lib/operations';

export default function RemotePage() {
  const id = decodeURIComponent(useParams<{ id: string }>().id);
  const [sort, setSort] = useState<SortInput>({ field: 'NAME', direction: 'ASC' });
  const { items, hasMore, loadMore, loading, error, refetch } = usePagedList(MY_DRIVE, {
    remoteId: id,
    sort,
  });
  const me = useQuery(ME, { fetchPolicy: 'cache-first' });
  const remote = me.data?.remotes.find((r) => r.id === id);
  return (
    <FileBrowser
      title={
        <nav aria-label="Breadcrumbs" className="crumbs">
          <span aria-current="page">{remote?.name ?? 'Remote'}</span>
        </nav>
      }
      items={items}
      hasMore={hasMore}
      onLoadMore={() => void loadMore()}
      loading={loading}
      error={error}
      retry={() => void refetch()}
      emptyTitle="This remote is empty"
      sort={sort}
      onSort={setSort}
      targets={[{ id, name: remote?.name ?? 'this remote' }]}
    />
  );
}
