'use client';
// Full search: results as you type (typos forgiven by the search engine), facet counts that
// double as filters, and the file manager's actions on the results.
import { useQuery } from '@apollo/client/react';
import { useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useEffect, useState } from 'react';
import { FileBrowser } from '../../../components/FileBrowser';
import { useDebounced } from '../../../components/SearchBox';
import { Loading } from '../../../components/States';
import { formatBytes } from '../../../lib/format';
import type { SearchFilters, SearchSort } from '../../../lib/gql/graphql';
import { globalId } from '../../../lib/ids';
import { ME, SEARCH } from '../../../lib/operations';

type Bucket = { key: string; count: number; from?: number | null; to?: number | null };

function toggle(list: string[] | null | undefined, v: string): string[] | null {
  const s = new Set(list ?? []);
  if (s.has(v)) s.delete(v);
  else s.add(v);
  return s.size ? [...s] : null;
}

function Facet({
  title,
  buckets,
  active,
  label = (b) => b.key,
  onToggle,
}: {
  title: string;
  buckets: Bucket[] | null | undefined;
  active: (b: Bucket) => boolean;
  label?: (b: Bucket) => string;
  onToggle: (b: Bucket) => void;
}) {
  if (!buckets?.length) return null;
  return (
    <fieldset className="facet">
      <legend>{title}</legend>
      {buckets
        .filter((b) => b.count > 0 || active(b))
        .map((b) => (
          <label key={b.key}>
            <input type="checkbox" checked={active(b)} onChange={() => onToggle(b)} /> {label(b)}{' '}
            <span className="muted">({b.count})</span>
          </label>
        ))}
    </fieldset>
  );
}

function SearchView() {
  const params = useSearchParams();
  const router = useRouter();
  const [text, setText] = useState(params.get('q') ?? '');
  const [filters, setFilters] = useState<SearchFilters>({});
  const [sort, setSort] = useState<SearchSort>('RELEVANCE');
  useEffect(() => setText(params.get('q') ?? ''), [params]);
  const q = useDebounced(text.trim());
  const { data, loading, error, refetch, previousData } = useQuery(SEARCH, {
    variables: { text: q || null, filters, sort },
  });
  const me = useQuery(ME, { fetchPolicy: 'cache-first' });
  const shown = data ?? previousData;
  const remoteName = (key: string) =>
    me.data?.remotes.find((r) => r.id === globalId('Remote', key))?.name ?? key;
  const f = shown?.search.facets;
  return (
    <div className="search-page">
      <search>
        <form
          className="search-form"
          onSubmit={(e) => {
            e.preventDefault();
            router.replace(`/search?q=${encodeURIComponent(text.trim())}`);
          }}
        >
          <label htmlFor="search-text">Search</label>
          <input
            id="search-text"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Names, paths, types…"
          />
          <label>
            Order{' '}
            <select value={sort} onChange={(e) => setSort(e.target.value as SearchSort)}>
              <option value="RELEVANCE">Best match</option>
              <option value="NAME">Name</option>
              <option value="MTIME">Modified</option>
              <option value="SIZE">Size</option>
            </select>
          </label>
          <label>
            <input
              type="checkbox"
              checked={filters.starred === true}
              onChange={(e) => setFilters({ ...filters, starred: e.target.checked ? true : null })}
            />{' '}
            Starred only
          </label>
          <label>
            <input
              type="checkbox"
              checked={filters.kinds?.[0] === 'folder'}
              onChange={(e) => setFilters({ ...filters, kinds: e.target.checked ? ['folder'] : null })}
            />{' '}
            Folders only
          </label>
        </form>
      </search>
      <div className="search-body">
        <aside className="facets" aria-label="Filters">
          <Facet
            title="Type"
            buckets={f?.category}
            active={(b) => !!filters.categories?.includes(b.key)}
            onToggle={(b) => setFilters({ ...filters, categories: toggle(filters.categories, b.key) })}
          />
          <Facet
            title="Extension"
            buckets={f?.extension}
            active={(b) => !!filters.extensions?.includes(b.key)}
            onToggle={(b) => setFilters({ ...filters, extensions: toggle(filters.extensions, b.key) })}
          />
          <Facet
            title="Remote"
            buckets={f?.remote}
            label={(b) => remoteName(b.key)}
            active={(b) => !!filters.remoteIds?.includes(globalId('Remote', b.key))}
            onToggle={(b) =>
              setFilters({
                ...filters,
                remoteIds: toggle(
                  filters.remoteIds as string[] | null | undefined,
                  globalId('Remote', b.key),
                ),
              })
            }
          />
          <Facet
            title="Size"
            buckets={f?.size}
            label={(b) => `${formatBytes(b.from ?? 0)} – ${b.to ? formatBytes(b.to) : 'more'}`}
            active={(b) => filters.sizeMin === (b.from ?? null) && filters.sizeMax === (b.to ?? null)}
            onToggle={(b) =>
              setFilters(
                filters.sizeMin === (b.from ?? null) && filters.sizeMax === (b.to ?? null)
                  ? { ...filters, sizeMin: null, sizeMax: null }
                  : { ...filters, sizeMin: b.from ?? null, sizeMax: b.to ?? null },
              )
            }
          />
        </aside>
        <FileBrowser
          title={shown ? `${shown.search.total} result${shown.search.total === 1 ? '' : 's'}` : 'Search'}
          items={shown?.search.edges.map((e) => e.node)}
          loading={loading}
          error={error}
          retry={() => void refetch()}
          emptyTitle={q ? `Nothing matches “${q}”` : 'Type to search all your remotes'}
          sort={{ field: 'NAME', direction: 'ASC' }}
        />
      </div>
    </div>
  );
}

export default function SearchPage() {
  return (
    <Suspense fallback={<Loading />}>
      <SearchView />
    </Suspense>
  );
}
