// Expected errors reach clients with a code in `extensions`; anything else is masked so no
// stack trace or internal detail leaks.

import type { Logger } from '@syncoxide/core';
import { isSyncoxideError } from '@syncoxide/core';
import { GraphQLError } from 'graphql';

export function maskError(logger: Logger) {
  return (error: unknown, message: string): Error => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (isSyncoxideError(original)) {
      return new GraphQLError(original.message, {
        ...(error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {}),
        extensions: {
          code: original.code,
          ...(original.code === 'RATE_LIMITED'
            ? { retryAfterSeconds: original.details?.retryAfterSeconds }
            : {}),
        },
      });
    }
    // Parse, validation and query-limit errors carry no originalError and no path: they are
    // the client's request being wrong, so they get a code and a 400 (GraphQL over HTTP).
    if (error instanceof GraphQLError && !error.originalError) {
      if (error.path) return error;
      return new GraphQLError(error.message, {
        nodes: error.nodes,
        extensions: {
          ...error.extensions,
          code: error.extensions.code ?? 'GRAPHQL_VALIDATION_FAILED',
          http: { status: 400 },
        },
      });
    }
    logger.error({ err: original }, 'unexpected error in a resolver');
    return new GraphQLError(message, {
      ...(error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {}),
      extensions: { code: 'INTERNAL' },
    });
  };
}
