// One Apollo Client per browser tab, pointed at the gateway's GraphQL endpoint.
import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

export function makeClient(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({
      uri: `${process.env.NEXT_PUBLIC_GATEWAY_URL ?? 'http://localhost:4000'}/graphql`,
      credentials: 'include',
    }),
    cache: new InMemoryCache(),
  });
}
