'use client';
// Near-duplicate groups (bursts, resized or re-encoded copies), across every remote: open one
// to compare, and keep the best. Deleting goes through the usual file actions (or Cleanup).
import { useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { Empty, ErrorState, Loading } from '../../../components/States';
import { formatBytes } from '../../../lib/format';
import { PhotosNav } from '../_components/PhotosNav';
import { DUPLICATES, viaProxy } from '../_lib/operations';
import styles from '../photos.module.css';

export default function Page() {
  const { data, loading, error, refetch } = useQuery(DUPLICATES, { variables: { threshold: 10 } });
  return (
    <>
      <h1>Near-duplicate photos</h1>
      <PhotosNav />
      {error ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : !data ? (
        loading && <Loading />
      ) : data.photoDuplicates.length === 0 ? (
        <Empty title="No near-duplicates found" />
      ) : (
        data.photoDuplicates.map((g) => (
          <section key={g.files.map((f) => f.id).join()} className={styles.group}>
            <p>
              {g.files.length} photos, {formatBytes(g.bytes)}
            </p>
            <ul className={styles.grid}>
              {g.files.map((f) => (
                <li key={f.id}>
                  <Link
                    href={`/photos/view/${encodeURIComponent(f.id)}`}
                    title={`${f.path} (${formatBytes(f.size)})`}
                  >
                    {f.photo?.thumbnailUrl ? (
                      // biome-ignore lint/performance/noImgElement: a cached rendition of the gateway
                      <img src={viaProxy(f.photo.thumbnailUrl)} alt={f.name} loading="lazy" />
                    ) : (
                      <span className={styles.noThumb}>{f.name}</span>
                    )}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
