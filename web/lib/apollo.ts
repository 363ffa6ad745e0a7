// One Apollo Client per browser tab. Queries and mutations go over HTTP to /graphql (proxied to
// the gateway, same origin, so the session cookie rides along); subscriptions use the gateway's
// server-sent events over GET, which EventSource keeps open and reconnects.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { print } from 'graphql';
import { Observable } from 'rxjs';

type StreamMessage = { id: number; type: 'next' | 'complete'; data?: string };

/**
 * Every tab's subscriptions share one set of event streams through a SharedWorker (see
 * public/sse-worker.js); where there is none (Chrome on Android), the tab opens its own.
 */
let port: MessagePort | null | undefined;
const listeners = new Map<number, (m: StreamMessage) => void>();
let nextId = 0;

function sharedPort(): MessagePort | null {
  if (port !== undefined) return port;
  try {
    const worker = new SharedWorker('/sse-worker.js', { name: 'syncoxide-streams' });
    port = worker.port;
    port.onmessage = (e: MessageEvent<StreamMessage>) => listeners.get(e.data.id)?.(e.data);
    port.start();
    window.addEventListener('pagehide', () => port?.postMessage({ type: 'bye' }));
  } catch {
    port = null;
  }
  return port;
}

function stream(url: string, onNext: (data: string) => void, onComplete: () => void): () => void {
  const shared = typeof SharedWorker === 'function' ? sharedPort() : null;
  if (!shared) {
    const source = new EventSource(url, { withCredentials: true });
    source.addEventListener('next', (e) => onNext((e as MessageEvent<string>).data));
    source.addEventListener('complete', () => {
      source.close();
      onComplete();
    });
    return () => source.close();
  }
  const id = ++nextId;
  listeners.set(id, (m) => {
    if (m.type === 'next' && m.data !== undefined) onNext(m.data);
    else if (m.type === 'complete') {
      listeners.delete(id);
      onComplete();
    }
  });
  shared.postMessage({ type: 'subscribe', id, url });
  return () => {
    listeners.delete(id);
    shared.postMessage({ type: 'unsubscribe', id });
  };
}

/** Streams are shared by URL: the user's id in it keeps one account's events from another's. */
let streamOwner = '';
export function setStreamOwner(userId: string): void {
  streamOwner = userId;
}

const sseLink = new ApolloLink(
  (operation) =>
    new Observable((observer) => {
      const url = new URL('/graphql', window.location.origin);
      url.searchParams.set('query', print(operation.query));
      url.searchParams.set('variables', JSON.stringify(operation.variables ?? {}));
      if (operation.operationName) url.searchParams.set('operationName', operation.operationName);
      url.searchParams.set('owner', streamOwner);
      return stream(
        url.toString(),
        (data) => observer.next(JSON.parse(data)),
        () => observer.complete(),
      );
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
