// Everything about one file: provider versions with hashes, copies on other remotes, shares,
// internal links, breadcrumbs, and the sync rules that cover it with their status.
import type { FileDetails, LinkRecord, ProviderVersion, StoredNode } from '@syncoxide/graph';
import { builder } from '../builder.js';
import { encodeGlobalId } from '../ids.js';
import { File } from './file.js';
import { SyncRule } from './rules.js';

const ms = (v: number | null) => (v === null ? null : new Date(v));

const Version = builder.objectRef<ProviderVersion>('ProviderVersion').implement({
  description: 'One content state of the file on its provider.',
  fields: (t) => ({
    id: t.exposeID('id'),
    size: t.float({ nullable: true, resolve: (v) => v.size }),
    mtime: t.field({ type: 'DateTime', nullable: true, resolve: (v) => ms(v.mtime) }),
    md5: t.exposeString('md5', { nullable: true }),
    sha1: t.exposeString('sha1', { nullable: true }),
    etag: t.exposeString('etag', { nullable: true }),
    providerId: t.exposeString('providerId', { nullable: true }),
    firstSeen: t.field({ type: 'DateTime', resolve: (v) => new Date(v.firstSeen) }),
    lastSeen: t.field({ type: 'DateTime', nullable: true, resolve: (v) => ms(v.lastSeen) }),
    current: t.exposeBoolean('current'),
  }),
});

const Copy = builder.objectRef<{ node: StoredNode; remoteName: string }>('FileCopy').implement({
  fields: (t) => ({
    file: t.field({ type: File, resolve: (c) => c.node }),
    remoteName: t.exposeString('remoteName'),
  }),
});

type ShareRow = FileDetails['shares'][number];
const Share = builder.objectRef<ShareRow>('Share').implement({
  fields: (t) => ({
    id: t.id({ resolve: (s) => encodeGlobalId('Share', s.id) }),
    type: t.exposeString('type'),
    role: t.exposeString('role'),
    granteeId: t.exposeString('granteeId', { nullable: true }),
    inherited: t.exposeBoolean('inherited'),
    expiresAt: t.field({ type: 'DateTime', nullable: true, resolve: (s) => ms(s.expiresAt) }),
    createdAt: t.field({ type: 'DateTime', resolve: (s) => new Date(s.createdAt) }),
  }),
});

export const Link = builder.objectRef<LinkRecord>('FileLink').implement({
  description: 'An internal link between two of your files.',
  fields: (t) => ({
    id: t.id({ resolve: (l) => encodeGlobalId('FileLink', l.id) }),
    from: t.field({ type: File, nullable: true, resolve: (l) => l.fromId }),
    to: t.field({ type: File, nullable: true, resolve: (l) => l.toId }),
    note: t.exposeString('note', { nullable: true }),
    createdAt: t.field({ type: 'DateTime', resolve: (l) => new Date(l.createdAt) }),
  }),
});

const Crumb = builder.objectRef<{ id: string; name: string }>('Breadcrumb').implement({
  fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name') }),
});

const Details = builder.objectRef<FileDetails>('FileDetails').implement({
  fields: (t) => ({
    ancestors: t.field({ type: [Crumb], resolve: (d) => d.ancestors }),
    versions: t.field({ type: [Version], resolve: (d) => d.versions }),
    copies: t.field({ type: [Copy], resolve: (d) => d.copies }),
    shares: t.field({ type: [Share], resolve: (d) => d.shares }),
    linksOut: t.field({ type: [Link], resolve: (d) => d.links.outgoing }),
    linksIn: t.field({ type: [Link], resolve: (d) => d.links.incoming }),
    syncRules: t.field({
      type: [SyncRule],
      description: 'Sync rules whose folders hold this file (their status says how it stands).',
      resolve: (d, _a, ctx) => ctx.services.rules.covering(ctx.caller!.userId, d.node),
    }),
  }),
});

builder.objectField(File, 'details', (t) =>
  t.field({
    type: Details,
    authScopes: { scope: 'files:read' },
    resolve: (n, _a, ctx) => ctx.services.views.details(ctx.caller!.userId, n.id),
  }),
);
