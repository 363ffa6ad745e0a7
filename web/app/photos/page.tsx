'use client';
// The timeline: every photo of every remote, newest first by date taken (else file time).
import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { LocationSetting } from './_components/LocationSetting';
import { PhotoGrid } from './_components/PhotoGrid';
import { PhotosNav } from './_components/PhotosNav';

function Timeline() {
  const favourites = useSearchParams().get('favourites') === '1';
  return (
    <>
      <h1>{favourites ? 'Favourites' : 'Photos'}</h1>
      <PhotosNav favourites={favourites} />
      {!favourites && <LocationSetting />}
      <PhotoGrid
        key={favourites ? 'fav' : 'all'}
        favourites={favourites}
        empty={
          favourites ? (
            <p>Star a photo to see it here.</p>
          ) : (
            <p>Photos appear here once the photos worker has seen them on your remotes.</p>
          )
        }
      />
    </>
  );
}

export default function Page() {
  return (
    <Suspense>
      <Timeline />
    </Suspense>
  );
}
