// The views: My Drive (all remotes or one), folders, Recents, Starred, Trash, Shared by me,
// Shared with me, Computers, and one file by id. All forward-paginated connections.
import type { Computer } from '@syncoxide/graph';
import { builder } from '../builder.js';
import { rawId } from '../ids.js';
import { forwardOnly, toConnection } from './connection.js';
import { File, FileConnection, SortInput } from './file.js';
import { Remote } from './remote.js';

const VIEWS = {
  recents: 'Recently modified files, newest first.',
  starred: 'What you starred.',
  trash: 'What you trashed (a trashed folder once, not its content), newest first.',
  sharedByMe: 'What you shared with others.',
  sharedWithMe: 'What others shared with you.',
} as const;

for (const [view, description] of Object.entries(VIEWS) as [keyof typeof VIEWS, string][]) {
  builder.queryField(view, (t) =>
    t.connection(
      {
        type: File,
        description,
        authScopes: { scope: 'files:read' },
        args: { sort: t.arg({ type: SortInput }) },
        resolve: async (_r, args, ctx) => {
          const page = forwardOnly(args);
          return toConnection(
            await ctx.services.views.view(ctx.caller!.userId, view, { ...page, sort: args.sort }),
            page.after,
          );
        },
      },
      FileConnection,
    ),
  );
}

builder.queryField('myDrive', (t) =>
  t.connection(
    {
      type: File,
      description: 'The roots of all your remotes together, or of one (remoteId).',
      authScopes: { scope: 'files:read' },
      args: { remoteId: t.arg.id(), sort: t.arg({ type: SortInput }) },
      resolve: async (_r, args, ctx) => {
        const page = forwardOnly(args);
        const remoteId = args.remoteId != null ? rawId(args.remoteId, 'Remote') : null;
        return toConnection(
          await ctx.services.views.myDrive(ctx.caller!.userId, remoteId, { ...page, sort: args.sort }),
          page.after,
        );
      },
    },
    FileConnection,
  ),
);

builder.queryField('folder', (t) =>
  t.connection(
    {
      type: File,
      description: "A folder's content (yours or shared with you), folders first.",
      authScopes: { scope: 'files:read' },
      args: { id: t.arg.id({ required: true }), sort: t.arg({ type: SortInput }) },
      resolve: async (_r, args, ctx) => {
        const page = forwardOnly(args);
        return toConnection(
          await ctx.services.views.folder(ctx.caller!.userId, rawId(args.id, 'File'), {
            ...page,
            sort: args.sort,
          }),
          page.after,
        );
      },
    },
    FileConnection,
  ),
);

builder.queryField('file', (t) =>
  t.field({
    type: File,
    authScopes: { scope: 'files:read' },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, a, ctx) => ctx.services.views.node(ctx.caller!.userId, rawId(a.id, 'File')),
  }),
);

const ComputerRef = builder.objectRef<Computer>('Computer').implement({
  fields: (t) => ({
    id: t.id({ resolve: (c) => c.device.id }),
    name: t.string({ resolve: (c) => c.device.name }),
    hostname: t.string({ nullable: true, resolve: (c) => c.device.hostname }),
    platform: t.string({ nullable: true, resolve: (c) => c.device.platform }),
    remotes: t.field({ type: [Remote], resolve: (c) => c.remotes }),
  }),
});

builder.queryField('computers', (t) =>
  t.connection({
    type: ComputerRef,
    description: 'Your computers, each with the remotes on it.',
    authScopes: { scope: 'files:read' },
    resolve: async (_r, args, ctx) => {
      const page = forwardOnly(args);
      return toConnection(await ctx.services.views.computers(ctx.caller!.userId, page), page.after);
    },
  }),
);
