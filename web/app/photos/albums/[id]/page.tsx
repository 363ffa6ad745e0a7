'use client';
// One album: its photos on a timeline, rename, delete (the photos stay), remove a photo.
import { useMutation, useQuery } from '@apollo/client/react';
import { useParams, useRouter } from 'next/navigation';
import { useState } from 'react';
import { useNotices } from '../../../../components/Notices';
import { ErrorState, Loading } from '../../../../components/States';
import { errorMessage } from '../../../../lib/format';
import { PhotoGrid } from '../../_components/PhotoGrid';
import { PhotosNav } from '../../_components/PhotosNav';
import {
  ALBUM,
  ALBUMS,
  DELETE_ALBUM,
  REMOVE_FROM_ALBUM,
  RENAME_ALBUM,
  TIMELINE,
} from '../../_lib/operations';
import styles from '../../photos.module.css';

export default function Page() {
  const id = decodeURIComponent(useParams<{ id: string }>().id);
  const router = useRouter();
  const { notify } = useNotices();
  const { data, error, refetch } = useQuery(ALBUM, { variables: { id } });
  const [rename] = useMutation(RENAME_ALBUM);
  const [remove] = useMutation(DELETE_ALBUM, { refetchQueries: [ALBUMS] });
  const [removePhoto] = useMutation(REMOVE_FROM_ALBUM, { refetchQueries: [TIMELINE, ALBUM] });
  const [name, setName] = useState<string | null>(null);

  if (error) return <ErrorState error={error} retry={() => void refetch()} />;
  if (!data) return <Loading />;
  const album = data.album;
  const run = (work: Promise<unknown>) => work.catch((err) => notify('error', errorMessage(err)));

  return (
    <>
      <h1>{album.name}</h1>
      <PhotosNav />
      <div className={styles.row}>
        <input aria-label="Album name" value={name ?? album.name} onChange={(e) => setName(e.target.value)} />
        <button
          type="button"
          disabled={!name || name === album.name}
          onClick={() =>
            void run(rename({ variables: { id, name: name ?? album.name } }).then(() => setName(null)))
          }
        >
          Rename
        </button>
        <button
          type="button"
          onClick={() => {
            if (!window.confirm(`Delete the album "${album.name}"? The photos stay where they are.`)) return;
            void run(remove({ variables: { id } }).then(() => router.push('/photos/albums')));
          }}
        >
          Delete album
        </button>
        <span>{album.photoCount} photos</span>
      </div>
      <PhotoGrid
        albumId={id}
        empty={<p>Add photos to this album from the photo viewer.</p>}
        action={(item) => (
          <button
            type="button"
            onClick={() => void run(removePhoto({ variables: { id, photoIds: [item.file.id] } }))}
          >
            Remove
          </button>
        )}
      />
    </>
  );
}
