'use client';
import { ViewPage } from '../../../components/ViewPage';
import { SHARED_BY_ME } from '../../../lib/operations';

export default function Page() {
  return <ViewPage title="Shared" query={SHARED_BY_ME} emptyTitle="You have not shared anything" />;
}
