'use client';
import { ViewPage } from '../../../components/ViewPage';
import { RECENTS } from '../../../lib/operations';

export default function Page() {
  return (
    <ViewPage
      title="Recents"
      query={RECENTS}
      emptyTitle="No recent files"
      initialSort={{ field: 'MTIME', direction: 'DESC' }}
    />
  );
}
