// The one Pothos builder: context type and plugins. Types live one per file in schema/.
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { SyncoxideError } from '@syncoxide/core';
import type { Scope } from './accounts/scopes.js';
import type { GatewayContext } from './context.js';
import { decodeGlobalId, encodeGlobalId } from './ids.js';

export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  DefaultFieldNullability: false;
  AuthScopes: { authenticated: boolean; scope: Scope };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin, RelayPlugin, DataloaderPlugin],
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // A malformed or foreign id is NOT_FOUND, exactly like a missing one: ids reveal nothing.
    encodeGlobalID: (typename, id) => encodeGlobalId(typename, String(id)),
    decodeGlobalID: (globalID) => decodeGlobalId(globalID),
    nodeQueryOptions: { authScopes: { scope: 'files:read' } },
    nodesQueryOptions: false,
  },
  scopeAuth: {
    authScopes: (ctx) => ({
      authenticated: ctx.caller !== null,
      scope: (s) => ctx.caller?.scopes.has(s) ?? false,
    }),
    // Anonymous callers are told to sign in; signed-in callers lacking a scope are refused.
    unauthorizedError: (_parent, ctx) =>
      ctx.caller
        ? new SyncoxideError('PERMISSION_DENIED', 'this credential lacks the scope for that')
        : new SyncoxideError('UNAUTHENTICATED', 'sign in first'),
  },
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});

builder.scalarType('DateTime', {
  serialize: (d) => d.toISOString(),
  parseValue: (v) => {
    const d = new Date(String(v));
    if (Number.isNaN(d.getTime())) throw new SyncoxideError('INVALID_INPUT', 'not an ISO 8601 date-time');
    return d;
  },
});

builder.scalarType('JSON', {
  description: 'Any JSON value (validated by the field that takes it).',
  serialize: (v) => v,
  parseValue: (v) => v,
});
