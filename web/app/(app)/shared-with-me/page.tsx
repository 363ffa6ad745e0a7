'use client';
import { ViewPage } from '../../../components/ViewPage';
import { SHARED_WITH_ME } from '../../../lib/operations';

export default function Page() {
  return (
    <ViewPage title="Shared with me" query={SHARED_WITH_ME} emptyTitle="Nothing is shared with you yet" />
  );
}
