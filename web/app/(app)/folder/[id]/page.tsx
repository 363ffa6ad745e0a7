'use client';
// One folder of one remote, with breadcrumbs back to the remote's root.
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { FileBrowser } from '../../../../components/FileBrowser';
import { usePagedList } from '../../../../components/usePagedList';
import type { SortInput } from '../../../../lib/gql/graphql';
import { crumbHrefs } from '../../../../lib/ids';
import { FOLDER } from '../../../../lib/operations';

export default function FolderPage() {
  const id = decodeURIComponent(useParams<{ id: string }>().id);
  const [sort, setSort] = useState<SortInput>({ field: 'NAME', direction: 'ASC' });
  const { data, items, hasMore, loadMore, loading, error, refetch } = usePagedList(FOLDER, { id, sort });
  const file = data?.file;
  const title = (
    <nav aria-label="Breadcrumbs" className="crumbs">
      {crumbHrefs(file?.details.ancestors ?? []).map((c) => (
        <span key={c.href}>
          <Link href={c.href}>{c.name}</Link>
          {' / '}
        </span>
      ))}
      <span aria-current="page">{file?.name ?? '…'}</span>
    </nav>
  );
  return (
    <FileBrowser
      title={title}
      items={items}
      hasMore={hasMore}
      onLoadMore={() => void loadMore()}
      loading={loading}
      error={error}
      retry={() => void refetch()}
      emptyTitle="This folder is empty"
      sort={sort}
      onSort={setSort}
      targets={file ? [{ id, name: file.name }] : []}
    />
  );
}
