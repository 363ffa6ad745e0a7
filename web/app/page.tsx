'use client';
// Entry: the file manager when signed in, sign-in otherwise (AppShell decides).
import { useQuery } from '@apollo/client/react';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { ErrorState, Loading } from '../components/States';
import { isUnauthenticated } from '../lib/format';
import { ME } from '../lib/operations';

export default function Home() {
  const { data, loading, error, refetch } = useQuery(ME);
  const router = useRouter();
  const signedOut = isUnauthenticated(error) || (!loading && !error && !data?.me);
  useEffect(() => {
    if (signedOut) router.replace('/sign-in');
    else if (data?.me) router.replace(data.remotes.length ? '/drive' : '/welcome');
  }, [data, signedOut, router]);
  return error && !signedOut ? <ErrorState error={error} retry={() => void refetch()} /> : <Loading />;
}
