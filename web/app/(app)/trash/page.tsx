'use client';
import { ViewPage } from '../../../components/ViewPage';
import { TRASH } from '../../../lib/operations';

export default function Page() {
  return (
    <ViewPage
      title="Trash"
      query={TRASH}
      emptyTitle="Trash is empty"
      trashView
      initialSort={{ field: 'TRASHED_AT', direction: 'DESC' }}
    />
  );
}
