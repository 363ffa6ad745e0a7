// The File node (files and folders alike, as in Drive): loaded in batches per request through
// a dataloader, scoped to the caller. Fields that cost a lookup (details, sync state) resolve
// only when asked for.
import type { StoredNode } from '@syncoxide/graph';
import { builder } from '../builder.js';
import { encodeGlobalId } from '../ids.js';
import { forwardOnly, toConnection } from './connection.js';

export const FileKind = builder.enumType('FileKind', { values: ['FILE', 'FOLDER'] as const });

export const SortField = builder.enumType('SortField', {
  values: {
    NAME: { value: 'name' },
    SIZE: { value: 'size' },
    MTIME: { value: 'mtime' },
    UPDATED_AT: { value: 'updatedAt' },
    CREATED_AT: { value: 'createdAt' },
    TRASHED_AT: { value: 'trashedAt' },
  } as const,
});
export const SortDirection = builder.enumType('SortDirection', {
  values: { ASC: { value: 'asc' }, DESC: { value: 'desc' } } as const,
});
export const SortInput = builder.inputType('SortInput', {
  fields: (t) => ({
    field: t.field({ type: SortField, required: true }),
    direction: t.field({ type: SortDirection, defaultValue: 'asc' }),
  }),
});

export const File = builder.loadableNodeRef<StoredNode, string>('File', {
  id: { resolve: (n) => n.id },
  sort: (n) => n.id,
  load: (ids, ctx) => ctx.services.views.loadMany(ctx.caller?.userId ?? null, ids),
});

File.implement({
  description: 'A file or folder on one of your remotes (or shared with you).',
  fields: (t) => ({
    name: t.exposeString('name'),
    path: t.exposeString('path', { description: 'Path inside its remote, without a leading slash.' }),
    kind: t.field({ type: FileKind, resolve: (n) => (n.kind === 'folder' ? 'FOLDER' : 'FILE') }),
    size: t.float({
      nullable: true,
      description: 'Bytes (a Float: files can exceed 2^31).',
      resolve: (n) => n.size,
    }),
    mtime: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (n) => (n.mtime === null ? null : new Date(n.mtime)),
    }),
    mime: t.exposeString('mime', { nullable: true }),
    md5: t.exposeString('md5', { nullable: true }),
    sha1: t.exposeString('sha1', { nullable: true }),
    starred: t.exposeBoolean('starred'),
    trashed: t.exposeBoolean('trashed'),
    trashedAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (n) => (n.trashedAt ? new Date(n.trashedAt) : null),
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (n) => new Date(n.createdAt) }),
    updatedAt: t.field({ type: 'DateTime', resolve: (n) => new Date(n.updatedAt) }),
    revision: t.exposeInt('revision'),
    sharedWithMe: t.boolean({ resolve: (n, _a, ctx) => n.ownerId !== ctx.caller?.userId }),
    remoteId: t.id({ resolve: (n) => encodeGlobalId('Remote', n.remoteId) }),
    parent: t.field({
      type: File,
      nullable: true,
      description: 'The parent folder; null at the root of a remote.',
      resolve: (n) => (n.parentId === n.remoteId ? null : n.parentId),
    }),
    contentUrl: t.string({
      nullable: true,
      description: 'GET it (same session or token) for the bytes; supports Range and ETag.',
      resolve: (n) => (n.kind === 'file' ? `/files/${encodeGlobalId('File', n.id)}/content` : null),
    }),
    children: t.connection({
      type: File,
      args: { sort: t.arg({ type: SortInput }) },
      description: "A folder's content, folders first; empty for files.",
      resolve: async (n, args, ctx) => {
        if (n.kind !== 'folder') return toConnection({ items: [], nextCursor: null }, null);
        const page = forwardOnly(args);
        return toConnection(
          await ctx.services.views.folder(ctx.caller!.userId, n.id, { ...page, sort: args.sort }),
          page.after,
        );
      },
    }),
  }),
});

export const FileConnection = builder.connectionObject({ type: File, name: 'FileConnection' });
