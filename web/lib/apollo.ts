// One Apollo Client per browser tab. Queries and mutations go over HTTP to /graphql (proxied to
// the gateway, same origin, so the session cookie rides along); subscriptions use the gateway's
// server-sent events over GET, which the browser's EventSource keeps open and reconnects.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { print } from 'graphql';
import { Observable } from 'rxjs';

const sseLink = new ApolloLink(
  (operation) =>
    new Observable((observer) => {
      const url = new URL('/graphql', window.location.origin);
      url.searchParams.set('query', print(operation.query));
      url.searchParams.set('variables', JSON.stringify(operation.variables ?? {}));
      if (operation.operationName) url.searchParams.set('operationName', operation.operationName);
      const source = new EventSource(url, { withCredentials: true });
      source.addEventListener('next', (e) => observer.next(JSON.parse((e as MessageEvent<string>).data)));
      source.addEventListener('complete', () => {
        source.close();
        observer.complete();
      });
      return () => source.close();
    }),
);

export function makeClient(): ApolloClient {
  return new ApolloClient({
    link: ApolloLink.split(
      (op) => op.operationType === 'subscription',
      sseLink,
      new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
    ),
    cache: new InMemoryCache({
      typePolicies: {
        // Connections are refetched whole per view; no cross-page merging.
        Query: { fields: {} },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
