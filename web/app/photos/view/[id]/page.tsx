'use client';
// The photo viewer: the preview, the metadata panel (date taken, camera, lens, size, exposure,
// place), favourite, albums, and edits (each saved as a new version; the original is kept).
import { useMutation, useQuery } from '@apollo/client/react';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { useNotices } from '../../../../components/Notices';
import { ErrorState, Loading } from '../../../../components/States';
import { errorMessage, formatBytes } from '../../../../lib/format';
import { PhotosNav } from '../../_components/PhotosNav';
import { ADD_TO_ALBUM, ALBUMS, EDIT, PHOTO, STAR, viaProxy } from '../../_lib/operations';
import styles from '../../photos.module.css';

function exposure(seconds: number | null): string | null {
  if (!seconds) return null;
  return seconds >= 1 ? `${seconds} s` : `1/${Math.round(1 / seconds)} s`;
}

export default function Page() {
  const id = decodeURIComponent(useParams<{ id: string }>().id);
  const { notify } = useNotices();
  const { data, error, refetch } = useQuery(PHOTO, { variables: { id } });
  const albums = useQuery(ALBUMS);
  const [star] = useMutation(STAR);
  const [addTo] = useMutation(ADD_TO_ALBUM, { refetchQueries: [PHOTO, ALBUMS] });
  const [edit, { loading: editing }] = useMutation(EDIT, { refetchQueries: [PHOTO] });
  const [albumId, setAlbumId] = useState('');

  if (error) return <ErrorState error={error} retry={() => void refetch()} />;
  if (!data) return <Loading />;
  const file = data.node;
  if (!file?.photo) return <ErrorState error={new Error('not a photo of yours')} />;
  const p = file.photo;
  const run = (work: Promise<unknown>, done?: string) =>
    work.then(() => done && notify('success', done)).catch((err) => notify('error', errorMessage(err)));
  const rows: [string, string | null][] = [
    ['Taken', p.takenAt ? new Date(p.takenAt).toLocaleString() : null],
    ['File time', file.mtime ? new Date(file.mtime).toLocaleString() : null],
    ['Camera', p.camera],
    ['Lens', p.lens],
    ['Size', p.width && p.height ? `${p.width} × ${p.height} px` : null],
    ['File', `${file.path} (${formatBytes(file.size)})`],
    ['ISO', p.iso ? String(p.iso) : null],
    ['Exposure', exposure(p.exposureTime)],
    ['Aperture', p.fNumber ? `f/${p.fNumber}` : null],
    ['Focal length', p.focalLength ? `${p.focalLength} mm` : null],
    ['Location', p.location ? `${p.location.lat.toFixed(5)}, ${p.location.lon.toFixed(5)}` : null],
    ['Albums', p.albums.map((a) => a.name).join(', ') || null],
    ['Note', p.note],
  ];

  return (
    <>
      <h1>{file.name}</h1>
      <PhotosNav />
      <div className={styles.viewer}>
        <div>
          {p.previewUrl ? (
            // biome-ignore lint/performance/noImgElement: a cached rendition of the gateway
            <img src={viaProxy(p.largeUrl ?? p.previewUrl)} alt={file.name} />
          ) : (
            <p className={styles.noThumb}>{p.note ?? 'No preview'}</p>
          )}
        </div>
        <aside className={styles.panel} aria-label="Photo details">
          <dl>
            {rows
              .filter(([, v]) => v)
              .map(([k, v]) => (
                <div key={k} style={{ display: 'contents' }}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
          </dl>
          <div className={styles.row}>
            <button
              type="button"
              onClick={() => void run(star({ variables: { id, starred: !file.starred } }))}
              aria-pressed={file.starred}
            >
              {file.starred ? '★ Favourite' : '☆ Add to favourites'}
            </button>
            {file.contentUrl && (
              <a href={file.contentUrl} download>
                Download original
              </a>
            )}
          </div>
          <div className={styles.row}>
            <select aria-label="Album" value={albumId} onChange={(e) => setAlbumId(e.target.value)}>
              <option value="">Add to album…</option>
              {albums.data?.albums.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={!albumId}
              onClick={() =>
                void run(addTo({ variables: { id: albumId, photoIds: [id] } }), 'Added to the album')
              }
            >
              Add
            </button>
          </div>
          {p.kind === 'image' && (
            <div className={styles.row}>
              <span>Edit (saved as a new version, the original kept):</span>
              <button
                type="button"
                disabled={editing}
                onClick={() =>
                  void run(edit({ variables: { id, edits: [{ kind: 'ROTATE', degrees: -90 }] } }), 'Rotated')
                }
              >
                ⟲ Rotate left
              </button>
              <button
                type="button"
                disabled={editing}
                onClick={() =>
                  void run(edit({ variables: { id, edits: [{ kind: 'ROTATE', degrees: 90 }] } }), 'Rotated')
                }
              >
                ⟳ Rotate right
              </button>
              <button
                type="button"
                disabled={editing || !p.width || p.width <= 2048}
                onClick={() =>
                  void run(edit({ variables: { id, edits: [{ kind: 'RESIZE', width: 2048 }] } }), 'Resized')
                }
              >
                Resize to 2048 wide
              </button>
            </div>
          )}
        </aside>
      </div>
    </>
  );
}
