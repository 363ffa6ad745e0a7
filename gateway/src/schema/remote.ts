// Remotes: the storage a user connected (local folder, S3, SFTP, WebDAV, rclone), with live
// connection status and usage, its root as a connection, and connect/test/scan/remove.
import type { IngestStats, RemoteRecord } from '@syncoxide/graph';
import { builder } from '../builder.js';
import { notFound, rawId } from '../ids.js';
import type { RemoteStatus } from '../remotes/remotes.service.js';
import { forwardOnly, toConnection } from './connection.js';
import { File, SortInput } from './file.js';

const Status = builder.objectRef<RemoteStatus>('RemoteStatus').implement({
  fields: (t) => ({
    connected: t.exposeBoolean('connected'),
    error: t.exposeString('error', { nullable: true }),
    used: t.float({ nullable: true, resolve: (s) => s.used }),
    free: t.float({ nullable: true, resolve: (s) => s.free }),
    total: t.float({ nullable: true, resolve: (s) => s.total }),
  }),
});

export const Remote = builder.loadableNodeRef<RemoteRecord, string>('Remote', {
  id: { resolve: (r) => r.id },
  sort: (r) => r.id,
  // One listing of the caller's remotes answers every id asked for in the request.
  load: async (ids, ctx) => {
    const mine = ctx.caller ? await ctx.services.remotes.list(ctx.caller.userId) : [];
    return ids.map((id) => mine.find((r) => r.id === id) ?? notFound('no such remote'));
  },
});

Remote.implement({
  fields: (t) => ({
    name: t.exposeString('name'),
    type: t.exposeString('type'),
    root: t.exposeString('root'),
    hashes: t.stringList({ resolve: (r) => r.capabilities.hashes }),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => new Date(r.createdAt) }),
    status: t.field({
      type: Status,
      description: 'Connects to the provider now (up to 5 s).',
      resolve: (r, _a, ctx) => ctx.services.remotes.status(ctx.caller!.userId, r.id),
    }),
    files: t.connection({
      type: File,
      description: "The remote's root folder.",
      args: { sort: t.arg({ type: SortInput }) },
      resolve: async (r, args, ctx) => {
        const page = forwardOnly(args);
        return toConnection(
          await ctx.services.views.myDrive(ctx.caller!.userId, r.id, { ...page, sort: args.sort }),
          page.after,
        );
      },
    }),
  }),
});

const ScanStats = builder.objectRef<IngestStats>('ScanStats').implement({
  fields: (t) => ({
    entries: t.exposeInt('entries'),
    created: t.exposeInt('created'),
    modified: t.exposeInt('modified'),
    moved: t.exposeInt('moved'),
    deleted: t.exposeInt('deleted'),
    unchanged: t.exposeInt('unchanged'),
  }),
});

const Connected = builder
  .objectRef<{ remote: RemoteRecord; scan: IngestStats }>('ConnectRemotePayload')
  .implement({
    fields: (t) => ({
      remote: t.field({ type: Remote, resolve: (p) => p.remote }),
      scan: t.field({ type: ScanStats, resolve: (p) => p.scan }),
    }),
  });

builder.queryField('remotes', (t) =>
  t.field({
    type: [Remote],
    authScopes: { scope: 'files:read' },
    resolve: (_r, _a, ctx) => ctx.services.remotes.list(ctx.caller!.userId),
  }),
);

const CONFIG_HELP =
  'Provider settings: {"type":"local","root"} | {"type":"s3","endpoint","bucket","accessKeyId","secretAccessKey",...} | ' +
  '{"type":"sftp","host","port","username","password"|"privateKey",...} | {"type":"webdav","url","username","password"} | ' +
  '{"type":"rclone","remote","rcloneConfig"}. Checked by connecting before anything is saved.';

builder.mutationField('connectRemote', (t) =>
  t.field({
    type: Connected,
    description:
      'Connects a remote: credentials are tried, stored encrypted, and the remote is scanned once.',
    authScopes: { scope: 'remotes' },
    args: {
      name: t.arg.string({ required: true }),
      config: t.arg({ type: 'JSON', required: true, description: CONFIG_HELP }),
    },
    resolve: (_r, a, ctx) => ctx.services.remotes.connect(ctx.caller!.userId, a),
  }),
);

builder.mutationField('testRemote', (t) =>
  t.field({
    type: Status,
    description: 'Tries settings without saving anything.',
    authScopes: { scope: 'remotes' },
    args: { config: t.arg({ type: 'JSON', required: true, description: CONFIG_HELP }) },
    resolve: (_r, a, ctx) => ctx.services.remotes.test(a.config),
  }),
);

builder.mutationField('scanRemote', (t) =>
  t.field({
    type: ScanStats,
    authScopes: { scope: 'remotes' },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, a, ctx) => ctx.services.remotes.scan(ctx.caller!.userId, rawId(a.id, 'Remote')),
  }),
);

builder.mutationField('removeRemote', (t) =>
  t.boolean({
    description: "Forgets a remote and its credentials; the provider's files are untouched.",
    authScopes: { scope: 'remotes' },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, a, ctx) => {
      await ctx.services.remotes.remove(ctx.caller!.userId, rawId(a.id, 'Remote'));
      return true;
    },
  }),
);
