'use client';
import { ViewPage } from '../../../components/ViewPage';
import { MY_DRIVE } from '../../../lib/operations';

export default function Page() {
  return (
    <ViewPage
      title="My Drive"
      query={MY_DRIVE}
      emptyTitle="Nothing here yet"
      uploads
      emptyHint={<p>Connect a remote or drop files here.</p>}
    />
  );
}
