// Live updates over SSE (Accept: text/event-stream) or any graphql-yoga transport; events come
// through Redis pub/sub, so a change made through any gateway process reaches every subscriber.

import { SyncoxideError } from '@syncoxide/core';
import type { Scope } from '../accounts/scopes.js';
import { builder } from '../builder.js';
import type { GatewayContext } from '../context.js';
import type { FileEvent, NotificationEvent, SyncProgressEvent } from '../events/events.service.js';
import { encodeGlobalId } from '../ids.js';

/** Scope checks run on resolve, not on subscribe: the subscription itself checks its caller. */
function callerFor(ctx: GatewayContext, scope: Scope | null): string {
  if (!ctx.caller) throw new SyncoxideError('UNAUTHENTICATED', 'sign in first');
  if (scope && !ctx.caller.scopes.has(scope))
    throw new SyncoxideError('PERMISSION_DENIED', 'this credential lacks the scope for that');
  return ctx.caller.userId;
}

const FileChange = builder.objectRef<FileEvent>('FileChange').implement({
  fields: (t) => ({
    change: t.exposeString('change', {
      description: 'created, updated, moved, trashed, restored, deleted, starred',
    }),
    fileId: t.id({ nullable: true, resolve: (e) => (e.nodeId ? encodeGlobalId('File', e.nodeId) : null) }),
    remoteId: t.id({ resolve: (e) => encodeGlobalId('Remote', e.remoteId) }),
    path: t.exposeString('path'),
    at: t.field({ type: 'DateTime', resolve: (e) => new Date(e.at) }),
  }),
});

const SyncProgress = builder.objectRef<SyncProgressEvent>('SyncProgress').implement({
  fields: (t) => ({
    ruleId: t.id({ resolve: (e) => encodeGlobalId('SyncRule', e.ruleId) }),
    stage: t.exposeString('stage', { description: 'planned, operation, finished' }),
    operations: t.exposeInt('operations'),
    done: t.exposeInt('done'),
    failed: t.exposeInt('failed'),
    bytes: t.exposeFloat('bytes'),
    path: t.exposeString('path', { nullable: true }),
    result: t.exposeString('result', { nullable: true }),
    at: t.field({ type: 'DateTime', resolve: (e) => new Date(e.at) }),
  }),
});

const Notification = builder.objectRef<NotificationEvent>('Notification').implement({
  fields: (t) => ({
    kind: t.exposeString('kind'),
    message: t.exposeString('message'),
    at: t.field({ type: 'DateTime', resolve: (e) => new Date(e.at) }),
  }),
});

builder.subscriptionField('fileChanges', (t) =>
  t.field({
    type: FileChange,
    authScopes: { scope: 'files:read' },
    subscribe: (_r, _a, ctx) => ctx.services.events.subscribe('files', callerFor(ctx, 'files:read')),
    resolve: (e) => e,
  }),
);

builder.subscriptionField('syncProgress', (t) =>
  t.field({
    type: SyncProgress,
    authScopes: { scope: 'sync' },
    subscribe: (_r, _a, ctx) => ctx.services.events.subscribe('sync', callerFor(ctx, 'sync')),
    resolve: (e) => e,
  }),
);

builder.subscriptionField('notifications', (t) =>
  t.field({
    type: Notification,
    authScopes: { authenticated: true },
    subscribe: (_r, _a, ctx) => ctx.services.events.subscribe('notifications', callerFor(ctx, null)),
    resolve: (e) => e,
  }),
);
