'use client';
// Client-side providers shared by every page.
import { ApolloProvider } from '@apollo/client/react';
import { type ReactNode, useState } from 'react';
import { NoticesProvider } from '../components/Notices';
import { makeClient } from '../lib/apollo';

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(makeClient);
  return (
    <ApolloProvider client={client}>
      <NoticesProvider>{children}</NoticesProvider>
    </ApolloProvider>
  );
}
