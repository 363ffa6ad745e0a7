// File mutations: star, rename, move, copy, trash, restore, purge, create folder, link.
// Each needs files:write and acts only on the caller's own files.
import { builder } from '../builder.js';
import { rawId } from '../ids.js';
import { placeOf } from './args.js';
import { Link } from './details.js';
import { File } from './file.js';

const id = (v: unknown) => rawId(v, 'File');
const WRITE = { scope: 'files:write' } as const;

builder.mutationField('starFile', (t) =>
  t.field({
    type: File,
    authScopes: WRITE,
    args: { id: t.arg.id({ required: true }), starred: t.arg.boolean({ defaultValue: true }) },
    resolve: (_r, a, ctx) => ctx.services.ops.setStarred(ctx.caller!.userId, id(a.id), a.starred ?? true),
  }),
);

builder.mutationField('renameFile', (t) =>
  t.field({
    type: File,
    authScopes: WRITE,
    args: { id: t.arg.id({ required: true }), name: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => ctx.services.ops.rename(ctx.caller!.userId, id(a.id), a.name),
  }),
);

builder.mutationField('moveFile', (t) =>
  t.field({
    type: File,
    description: 'Moves into a folder (File id) or to the root of the same remote (Remote id).',
    authScopes: WRITE,
    args: { id: t.arg.id({ required: true }), to: t.arg.id({ required: true }) },
    resolve: (_r, a, ctx) => ctx.services.ops.move(ctx.caller!.userId, id(a.id), placeOf(a.to)),
  }),
);

builder.mutationField('copyFile', (t) =>
  t.boolean({
    description: 'Copies a file into a folder or remote root, on any of your remotes.',
    authScopes: WRITE,
    args: { id: t.arg.id({ required: true }), to: t.arg.id({ required: true }), name: t.arg.string() },
    resolve: async (_r, a, ctx) => {
      await ctx.services.ops.copy(ctx.caller!.userId, id(a.id), placeOf(a.to), a.name);
      return true;
    },
  }),
);

builder.mutationField('trashFile', (t) =>
  t.field({
    type: File,
    authScopes: WRITE,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, a, ctx) => ctx.services.ops.trash(ctx.caller!.userId, id(a.id)),
  }),
);

builder.mutationField('restoreFile', (t) =>
  t.field({
    type: File,
    authScopes: WRITE,
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, a, ctx) => ctx.services.ops.restore(ctx.caller!.userId, id(a.id)),
  }),
);

builder.mutationField('purgeFile', (t) =>
  t.boolean({
    description: 'Deletes a trashed file or folder for good, on its provider too.',
    authScopes: WRITE,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, a, ctx) => {
      await ctx.services.ops.purge(ctx.caller!.userId, id(a.id));
      return true;
    },
  }),
);

builder.mutationField('createFolder', (t) =>
  t.field({
    type: File,
    authScopes: WRITE,
    args: {
      parent: t.arg.id({ required: true, description: 'A folder or a remote.' }),
      name: t.arg.string({ required: true }),
    },
    resolve: (_r, a, ctx) => ctx.services.ops.createFolder(ctx.caller!.userId, placeOf(a.parent), a.name),
  }),
);

builder.mutationField('linkFiles', (t) =>
  t.field({
    type: Link,
    description: 'An internal link from one of your files to another.',
    authScopes: WRITE,
    args: { from: t.arg.id({ required: true }), to: t.arg.id({ required: true }), note: t.arg.string() },
    resolve: (_r, a, ctx) => ctx.services.ops.link(ctx.caller!.userId, id(a.from), id(a.to), a.note ?? null),
  }),
);
