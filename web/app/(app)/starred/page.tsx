'use client';
import { ViewPage } from '../../../components/ViewPage';
import { STARRED } from '../../../lib/operations';

export default function Page() {
  return (
    <ViewPage
      title="Starred"
      query={STARRED}
      emptyTitle="No starred files"
      emptyHint={<p>Star files to find them here quickly.</p>}
    />
  );
}
