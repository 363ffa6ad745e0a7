// Expected errors reach clients with a code in `extensions`; anything else is masked so no
// stack trace or internal detail leaks.
import { isSyncoxideError } from '@syncoxide/core';
import { GraphQLError } from 'graphql';
import type { Logger } from '@syncoxide/core';

export function maskError(logger: Logger) {
  return (error: unknown, message: string): Error => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (isSyncoxideError(original)) {
      return new GraphQLError(original.message, {
        ...(error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {}),
        extensions: {
          code: original.code,
          ...(original.code === 'RATE_LIMITED' ? { retryAfterSeconds: original.details?.retryAfterSeconds } : {}),
        },
      });
    }
    // Validation and parse errors from graphql-js carry no originalError: they are the client's.
    if (error instanceof GraphQLError && !error.originalError) return error;
    logger.error({ err: original }, 'unexpected error in a resolver');
    return new GraphQLError(message, {
      ...(error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {}),
      extensions: { code: 'INTERNAL' },
    });
  };
}
