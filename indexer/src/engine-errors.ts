// Maps search-engine and Kafka client errors onto SyncoxideError, so that retry decisions
// look at `retriable` alone (STYLE.md) instead of at each client's error classes.
import { errors } from '@opensearch-project/opensearch';
import { SyncoxideError } from '@syncoxide/core';

interface ResponseLike {
  statusCode?: number;
  body?: { error?: { type?: string; reason?: string } | string };
}

/** The engine's error type ("index_not_found_exception", ...) of a response error, if any. */
export function engineErrorType(err: unknown): string | undefined {
  const body = (err as { meta?: ResponseLike }).meta?.body;
  const error = body?.error;
  return typeof error === 'object' ? error?.type : undefined;
}

/** Wraps an OpenSearch client error: unreachable, overloaded or failing engines are retriable. */
export function searchEngineError(err: unknown, what: string): SyncoxideError {
  if (err instanceof SyncoxideError) return err;
  const message = `${what}: ${(err as Error)?.message ?? String(err)}`;
  if (
    err instanceof errors.ConnectionError ||
    err instanceof errors.NoLivingConnectionsError ||
    err instanceof errors.TimeoutError
  ) {
    return new SyncoxideError('UNAVAILABLE', message, { cause: err, retriable: true });
  }
  if (err instanceof errors.ResponseError) {
    const status = err.statusCode;
    if (status === 429) return new SyncoxideError('RATE_LIMITED', message, { cause: err });
    if (status >= 500) return new SyncoxideError('UNAVAILABLE', message, { cause: err });
    if (status === 404) return new SyncoxideError('NOT_FOUND', message, { cause: err });
    if (status === 409) return new SyncoxideError('CONFLICT', message, { cause: err });
    if (status === 400) return new SyncoxideError('INVALID_INPUT', message, { cause: err });
  }
  return new SyncoxideError('INTERNAL', message, { cause: err });
}

/** Wraps a kafkajs error; kafkajs already says whether its errors are retriable. */
export function kafkaError(err: unknown, what: string): SyncoxideError {
  if (err instanceof SyncoxideError) return err;
  const retriable = (err as { retriable?: boolean })?.retriable === true;
  const name = (err as Error)?.name ?? '';
  // Connection-level failures surface as non-retriable "KafkaJSNumberOfRetriesExceeded" or
  // connection errors after kafkajs's own retries; a broker coming back makes them succeed.
  const transient =
    retriable ||
    /Connection|NumberOfRetriesExceeded|RequestTimeout|BrokerNotFound|LeaderNotAvailable/.test(name);
  return new SyncoxideError(transient ? 'UNAVAILABLE' : 'INTERNAL', `${what}: ${(err as Error)?.message}`, {
    cause: err,
    retriable: transient,
  });
}
