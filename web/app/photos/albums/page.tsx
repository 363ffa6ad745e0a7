'use client';
// Albums: photos gathered from any remote; create one here, fill it from the viewer.
import { useMutation, useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { useNotices } from '../../../components/Notices';
import { Empty, ErrorState, Loading } from '../../../components/States';
import { errorMessage } from '../../../lib/format';
import { PhotosNav } from '../_components/PhotosNav';
import { ALBUMS, CREATE_ALBUM, viaProxy } from '../_lib/operations';
import styles from '../photos.module.css';

export default function Page() {
  const { data, loading, error, refetch } = useQuery(ALBUMS);
  const [create, { loading: creating }] = useMutation(CREATE_ALBUM, { refetchQueries: [ALBUMS] });
  const [name, setName] = useState('');
  const { notify } = useNotices();

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await create({ variables: { name } });
      setName('');
    } catch (err) {
      notify('error', errorMessage(err));
    }
  }

  return (
    <>
      <h1>Albums</h1>
      <PhotosNav />
      <form onSubmit={submit} className={styles.row}>
        <label>
          New album <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        </label>
        <button type="submit" disabled={creating || !name.trim()}>
          Create
        </button>
      </form>
      {error ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : !data ? (
        loading && <Loading />
      ) : data.albums.length === 0 ? (
        <Empty title="No albums yet">
          <p>Create one, then add photos from any remote in the photo viewer.</p>
        </Empty>
      ) : (
        <ul className={styles.albums}>
          {data.albums.map((a) => (
            <li key={a.id}>
              <Link href={`/photos/albums/${encodeURIComponent(a.id)}`}>
                {a.cover?.photo?.thumbnailUrl ? (
                  // biome-ignore lint/performance/noImgElement: a cached rendition of the gateway
                  <img src={viaProxy(a.cover.photo.thumbnailUrl)} alt="" loading="lazy" />
                ) : (
                  <span className={styles.noThumb}>empty</span>
                )}
                <strong>{a.name}</strong>
              </Link>
              <div>{a.photoCount} photos</div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
