// Public links: share links (password, expiry, download limit, preview only, PGP) and file
// requests (deadline, late uploads, limits). The public side is REST (/s/, /r/: links/).
import { builder } from '../builder.js';
import { encodeGlobalId, rawId } from '../ids.js';
import type { FileRequestRow, RequestUploadRow } from '../links/requests.repository.js';
import { LATE_POLICIES } from '../links/requests.repository.js';
import type { ShareLinkRow } from '../links/share-links.repository.js';
import { placeOf } from './args.js';
import { File } from './file.js';

const LateUploads = builder.enumType('LateUploads', {
  description: 'Uploads after the deadline: not allowed, for 1/2/7/30 days, or always (marked late).',
  values: Object.fromEntries(
    LATE_POLICIES.map((p) => [
      p === 'none' ? 'NOT_ALLOWED' : p === 'always' ? 'ALWAYS' : `DAYS_${p.slice(0, -1)}`,
      { value: p },
    ]),
  ) as Record<string, { value: (typeof LATE_POLICIES)[number] }>,
});

export const ShareLink = builder.objectRef<ShareLinkRow>('ShareLink').implement({
  fields: (t) => ({
    id: t.id({ resolve: (l) => encodeGlobalId('ShareLink', l.id) }),
    token: t.exposeString('token', { description: 'The secret in the link (256 random bits).' }),
    url: t.string({
      description: 'The public page of the link.',
      resolve: (l, _a, ctx) => `${ctx.deps.config.web.publicUrl}/s/${l.token}`,
    }),
    file: t.field({
      type: File,
      nullable: true,
      description: 'The shared file or folder (null once it is gone).',
      resolve: (l) => l.nodeId,
    }),
    name: t.exposeString('name', { description: 'Name of the item when the link was made.' }),
    kind: t.exposeString('kind'),
    note: t.exposeString('note', { nullable: true }),
    hasPassword: t.boolean({ resolve: (l) => l.passwordHash !== null }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    maxDownloads: t.exposeInt('maxDownloads', { nullable: true }),
    downloads: t.exposeInt('downloads'),
    views: t.exposeInt('views'),
    previewOnly: t.exposeBoolean('previewOnly'),
    requirePgp: t.exposeBoolean('requirePgp'),
    state: t.string({
      description: 'active, revoked, expired or exhausted.',
      resolve: (l, _a, ctx) => ctx.services.links.shareLinks.state(l) ?? 'active',
    }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const FileRequestUpload = builder.objectRef<RequestUploadRow>('FileRequestUpload').implement({
  fields: (t) => ({
    path: t.exposeString('path', { description: 'Where it landed, in the destination remote.' }),
    size: t.exposeFloat('size'),
    late: t.exposeBoolean('late'),
    uploadedAt: t.field({ type: 'DateTime', resolve: (u) => u.doneAt! }),
  }),
});

export const FileRequest = builder.objectRef<FileRequestRow>('FileRequest').implement({
  fields: (t) => ({
    id: t.id({ resolve: (r) => encodeGlobalId('FileRequest', r.id) }),
    token: t.exposeString('token'),
    url: t.string({ resolve: (r, _a, ctx) => `${ctx.deps.config.web.publicUrl}/r/${r.token}` }),
    title: t.exposeString('title'),
    description: t.exposeString('description'),
    remoteId: t.id({ resolve: (r) => encodeGlobalId('Remote', r.remoteId) }),
    folderPath: t.exposeString('folderPath'),
    deadline: t.expose('deadline', { type: 'DateTime', nullable: true }),
    lateUploads: t.field({ type: LateUploads, resolve: (r) => r.lateUploads }),
    hasPassword: t.boolean({ resolve: (r) => r.passwordHash !== null }),
    maxFileBytes: t.exposeFloat('maxFileBytes', { nullable: true }),
    maxFiles: t.exposeInt('maxFiles', { nullable: true }),
    allowedTypes: t.exposeStringList('allowedTypes'),
    open: t.boolean({
      description: 'Does it take uploads now (not closed, deadline or late window not over)?',
      resolve: (r, _a, ctx) => ctx.services.links.requests.timing(r) !== 'closed',
    }),
    closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
    uploads: t.field({
      type: [FileRequestUpload],
      resolve: (r, _a, ctx) => ctx.services.links.requests.uploads(r.id),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.queryField('shareLinks', (t) =>
  t.field({
    type: [ShareLink],
    description: "The caller's share links (of one file or folder when `file` is given), newest first.",
    authScopes: { scope: 'shares' },
    args: { file: t.arg.id() },
    resolve: (_r, a, ctx) =>
      ctx.services.links.shareLinks.list(ctx.caller!.userId, a.file ? rawId(a.file, 'File') : null),
  }),
);

builder.mutationField('createShareLink', (t) =>
  t.field({
    type: ShareLink,
    authScopes: { scope: 'shares' },
    args: {
      file: t.arg.id({ required: true, description: 'A file or folder the caller owns.' }),
      password: t.arg.string(),
      expiresAt: t.arg({ type: 'DateTime' }),
      maxDownloads: t.arg.int(),
      previewOnly: t.arg.boolean(),
      requirePgp: t.arg.boolean({
        description: "Deliver files only encrypted to the downloader's OpenPGP key.",
      }),
      note: t.arg.string(),
    },
    resolve: (_r, a, ctx) =>
      ctx.services.links.shareLinks.create(ctx.caller!.userId, { ...a, nodeId: rawId(a.file, 'File') }),
  }),
);

builder.mutationField('revokeShareLink', (t) =>
  t.field({
    type: ShareLink,
    authScopes: { scope: 'shares' },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, a, ctx) =>
      ctx.services.links.shareLinks.revoke(ctx.caller!.userId, rawId(a.id, 'ShareLink')),
  }),
);

builder.queryField('fileRequests', (t) =>
  t.field({
    type: [FileRequest],
    authScopes: { scope: 'shares' },
    resolve: (_r, _a, ctx) => ctx.services.links.requests.list(ctx.caller!.userId),
  }),
);

builder.mutationField('createFileRequest', (t) =>
  t.field({
    type: FileRequest,
    authScopes: { scope: 'shares' },
    args: {
      title: t.arg.string({ required: true }),
      description: t.arg.string(),
      destination: t.arg.id({ required: true, description: 'A folder or a remote the caller owns.' }),
      deadline: t.arg({ type: 'DateTime' }),
      lateUploads: t.arg({ type: LateUploads }),
      password: t.arg.string(),
      maxFileBytes: t.arg.float(),
      maxFiles: t.arg.int(),
      allowedTypes: t.arg.stringList({ description: 'Extensions ("pdf") or media types ("image/*").' }),
    },
    resolve: (_r, a, ctx) =>
      ctx.services.links.requests.create(ctx.caller!.userId, { ...a, destination: placeOf(a.destination) }),
  }),
);

builder.mutationField('setFileRequestOpen', (t) =>
  t.field({
    type: FileRequest,
    description: 'Closes (false) or reopens (true) a request.',
    authScopes: { scope: 'shares' },
    args: { id: t.arg.id({ required: true }), open: t.arg.boolean({ required: true }) },
    resolve: (_r, a, ctx) =>
      ctx.services.links.requests.setOpen(ctx.caller!.userId, rawId(a.id, 'FileRequest'), a.open),
  }),
);
