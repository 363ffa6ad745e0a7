'use client';
// A grid of photo thumbnails grouped by day, loading the next timeline page when the end of
// the grid scrolls into view (and images themselves only when near the viewport).
import { useApolloClient, useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { type ReactNode, useCallback, useEffect, useRef, useState } from 'react';
import { Empty, ErrorState, Loading } from '../../../components/States';
import { TIMELINE, type TimelineItem, viaProxy } from '../_lib/operations';
import styles from '../photos.module.css';

const PAGE = 60;

export function PhotoGrid({
  favourites = false,
  albumId = null,
  empty,
  action,
}: {
  favourites?: boolean;
  albumId?: string | null;
  empty: ReactNode;
  /** Extra control under each photo (e.g. remove from album). */
  action?: (item: TimelineItem) => ReactNode;
}) {
  const client = useApolloClient();
  const { data, loading, error, refetch } = useQuery(TIMELINE, {
    variables: { first: PAGE, favourites, albumId },
  });
  const [more, setMore] = useState<TimelineItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [fetching, setFetching] = useState(false);
  const sentinel = useRef<HTMLDivElement>(null);

  // A fresh first page (refetch, live update) restarts the list.
  useEffect(() => {
    setMore([]);
    setCursor(data?.photoTimeline.nextCursor ?? null);
  }, [data]);

  const loadMore = useCallback(async () => {
    if (!cursor || fetching) return;
    setFetching(true);
    try {
      const r = await client.query({
        query: TIMELINE,
        variables: { first: PAGE, favourites, albumId, after: cursor },
        fetchPolicy: 'network-only',
      });
      const page = r.data?.photoTimeline;
      if (page) {
        setMore((m) => [...m, ...page.items]);
        setCursor(page.nextCursor);
      }
    } finally {
      setFetching(false);
    }
  }, [client, cursor, fetching, favourites, albumId]);

  useEffect(() => {
    const el = sentinel.current;
    if (!el) return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void loadMore();
      },
      { rootMargin: '800px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [loadMore]);

  if (error) return <ErrorState error={error} retry={() => void refetch()} />;
  if (!data) return loading ? <Loading label="Loading photos…" /> : null;
  const items = [...data.photoTimeline.items, ...more];
  if (items.length === 0) return <Empty title="No photos here">{empty}</Empty>;

  const days: { day: string; items: TimelineItem[] }[] = [];
  for (const item of items) {
    const last = days[days.length - 1];
    if (last && last.day === item.day) last.items.push(item);
    else days.push({ day: item.day, items: [item] });
  }
  return (
    <div>
      {days.map((d) => (
        <section key={`${d.day}-${d.items[0]!.file.id}`} className={styles.day}>
          <h2>
            {d.day
              ? new Date(`${d.day}T12:00:00Z`).toLocaleDateString(undefined, {
                  dateStyle: 'full',
                  timeZone: 'UTC',
                })
              : 'Undated'}
          </h2>
          <ul className={styles.grid}>
            {d.items.map((item) => (
              <li key={item.file.id} data-testid="photo">
                <Link href={`/photos/view/${encodeURIComponent(item.file.id)}`} title={item.file.name}>
                  {item.file.photo?.thumbnailUrl ? (
                    // biome-ignore lint/performance/noImgElement: renditions are already sized and cached by the gateway
                    <img
                      src={viaProxy(item.file.photo.thumbnailUrl)}
                      alt={item.file.name}
                      loading="lazy"
                      width={256}
                      height={256}
                    />
                  ) : (
                    <span className={styles.noThumb}>{item.file.photo?.note ?? item.file.name}</span>
                  )}
                </Link>
                {item.file.starred && (
                  <span className={styles.star} title="favourite">
                    ★
                  </span>
                )}
                {action?.(item)}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <div ref={sentinel} aria-hidden="true" />
      {fetching && <Loading label="Loading more…" />}
    </div>
  );
}
