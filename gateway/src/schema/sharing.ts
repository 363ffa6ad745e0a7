// Sharing between users: share a file or folder by email (read-only or read-write, with a
// message), accept into one of your remotes (kept in sync) or view-only, decline, sync now,
// revoke, leave; lists of what you shared and what was shared with you, with state and place.
import { builder } from '../builder.js';
import type { GatewayContext } from '../context.js';
import { encodeGlobalId, rawId } from '../ids.js';
import type { EncryptedFileRow, ShareRunResult, UserKeyPair, UserShareRow } from '../sharing/index.js';
import { File, FileKind } from './file.js';
import { Remote } from './remote.js';

const ShareAccess = builder.enumType('ShareAccess', {
  values: { READ: { value: 'read' }, READ_WRITE: { value: 'read-write' } } as const,
});
const ShareState = builder.enumType('UserShareState', {
  values: {
    PENDING: { value: 'pending' },
    ACCEPTED: { value: 'accepted' },
    DECLINED: { value: 'declined' },
    REVOKED: { value: 'revoked' },
    LEFT: { value: 'left' },
  } as const,
});
const SharePlacement = builder.enumType('SharePlacement', {
  description: 'SYNC: kept in sync with a folder of one of your remotes; VIEW: view-only in the app.',
  values: { SYNC: { value: 'sync' }, VIEW: { value: 'view' } } as const,
});
const CompareKind = builder.enumType('ShareCompare', {
  values: {
    SIZE: { value: 'size' },
    MODTIME: { value: 'modtime' },
    CHECKSUM: { value: 'checksum' },
  } as const,
});
const KeepMode = builder.enumType('ShareConflictKeep', {
  description:
    'Which version keeps the name when both sides changed a file (the other is kept beside it as a conflict copy): SHARER, RECIPIENT, NEWER, OLDER, LARGER, SMALLER.',
  values: {
    NEWER: { value: 'newer' },
    OLDER: { value: 'older' },
    LARGER: { value: 'larger' },
    SMALLER: { value: 'smaller' },
    SHARER: { value: 'path1' },
    RECIPIENT: { value: 'path2' },
  } as const,
});

const ShareSyncInput = builder.inputType('ShareSyncInput', {
  fields: (t) => ({
    compare: t.field({
      type: [CompareKind],
      description: 'How a change is noticed (default SIZE, MODTIME).',
    }),
    keep: t.field({ type: KeepMode, description: 'Conflict resolution (default NEWER).' }),
    autoMerge: t.boolean({ description: 'Three-way merge of small text files changed on both sides.' }),
  }),
});

interface Party {
  id: string | null;
  email: string;
  name: string | null;
}
const ShareParty = builder.objectRef<Party>('ShareParty').implement({
  fields: (t) => ({
    id: t.exposeID('id', { nullable: true, description: 'Null for an invitation not yet redeemed.' }),
    email: t.exposeString('email'),
    name: t.exposeString('name', { nullable: true }),
  }),
});

interface Location {
  remoteId: string;
  path: string;
}
const ShareLocation = builder.objectRef<Location>('ShareLocation').implement({
  fields: (t) => ({
    remote: t.field({ type: Remote, resolve: (l) => l.remoteId }),
    path: t.exposeString('path', { description: 'Folder in the remote ("" for its root).' }),
  }),
});

const ShareSyncSettings = builder.objectRef<UserShareRow['sync']>('ShareSyncSettings').implement({
  fields: (t) => ({
    compare: t.field({ type: [CompareKind], resolve: (s) => s.compare }),
    keep: t.field({ type: KeepMode, resolve: (s) => s.keep }),
    autoMerge: t.exposeBoolean('autoMerge'),
  }),
});

async function party(ctx: GatewayContext, id: string | null, email: string | null): Promise<Party> {
  if (!id) return { id: null, email: email ?? '', name: null };
  const u = await ctx.services.accounts.user(id);
  return { id, email: u?.email ?? email ?? '', name: u?.name ?? null };
}

const EncryptedShareFile = builder.objectRef<EncryptedFileRow>('EncryptedShareFile').implement({
  description:
    "A file of an encrypted share, stored on the recipient's provider as `<path>.pgp` (download it from GET /user-shares/{id}/encrypted?path=<path>).",
  fields: (t) => ({
    path: t.exposeString('path', { description: 'Path inside the share, without the .pgp suffix.' }),
    size: t.exposeFloat('size', { description: 'Plaintext bytes.' }),
    sha256: t.exposeString('sha256', { description: 'SHA-256 of the plaintext (hex).' }),
    cipherSize: t.exposeFloat('cipherSize', { description: 'Bytes of the OpenPGP message.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export const UserShare = builder.objectRef<UserShareRow>('UserShare').implement({
  description: 'A file or folder shared between two users.',
  fields: (t) => ({
    id: t.id({ resolve: (s) => encodeGlobalId('UserShare', s.id) }),
    file: t.field({
      type: File,
      nullable: true,
      description: 'The shared item (for the recipient: once accepted, until it ends).',
      resolve: async (s, _a, ctx) => {
        const [n] = await ctx.services.views.loadMany(ctx.caller!.userId, [s.nodeId]);
        return n instanceof Error || !n ? null : n;
      },
    }),
    name: t.exposeString('name'),
    kind: t.field({ type: FileKind, resolve: (s) => (s.kind === 'folder' ? 'FOLDER' : 'FILE') }),
    access: t.field({ type: ShareAccess, resolve: (s) => s.access }),
    message: t.exposeString('message', { nullable: true }),
    state: t.field({ type: ShareState, resolve: (s) => s.state }),
    sharedBy: t.field({ type: ShareParty, resolve: (s, _a, ctx) => party(ctx, s.ownerId, null) }),
    sharedWith: t.field({
      type: ShareParty,
      resolve: (s, _a, ctx) => party(ctx, s.recipientId, s.recipientEmail),
    }),
    byMe: t.boolean({ resolve: (s, _a, ctx) => s.ownerId === ctx.caller!.userId }),
    placement: t.field({ type: SharePlacement, nullable: true, resolve: (s) => s.placement }),
    location: t.field({
      type: ShareLocation,
      nullable: true,
      description:
        "Where the caller's copy is: the sharer's original, or the recipient's synced folder (null when view-only or not accepted).",
      resolve: (s, _a, ctx) => {
        if (s.ownerId === ctx.caller!.userId) return { remoteId: s.remoteId, path: s.path };
        if (s.placement === 'sync' && s.targetRemoteId)
          return { remoteId: s.targetRemoteId, path: s.targetPath ?? '' };
        return null;
      },
    }),
    sync: t.field({ type: ShareSyncSettings, resolve: (s) => s.sync }),
    lastSyncedAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: async (s, _a, ctx) => {
        const st = s.placement === 'sync' ? await ctx.services.rules.status(s.id) : null;
        return st ? new Date(st.lastRunAt) : null;
      },
    }),
    lastSyncResult: t.string({
      nullable: true,
      description: 'ok, partial, failed, aborted or unchanged.',
      resolve: async (s, _a, ctx) =>
        s.placement === 'sync' ? ((await ctx.services.rules.status(s.id))?.result ?? null) : null,
    }),
    invitationExpiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'For an email without an account: until when its invitation works (sharer only).',
      resolve: (s, _a, ctx) => (s.ownerId === ctx.caller!.userId ? s.inviteExpiresAt : null),
    }),
    encrypted: t.exposeBoolean('encrypted', {
      description:
        "Stored on the recipient's provider only as OpenPGP messages (read-only for the recipient).",
    }),
    sessionKey: t.exposeString('sessionKeyWrapped', {
      nullable: true,
      description:
        "Encrypted shares: the share's session key as armored OpenPGP key packets for the recipient's and the sharer's public keys (openpgp.decryptSessionKeys with your private key).",
    }),
    encryptedFiles: t.field({
      type: [EncryptedShareFile],
      nullable: true,
      description: 'Encrypted shares: the files encrypted so far.',
      resolve: (s, _a, ctx) =>
        s.encrypted ? ctx.services.shares.encryptedFiles(ctx.caller!.userId, s.id) : null,
    }),
    keptCopy: t.exposeBoolean('keepCopy', {
      nullable: true,
      description: 'Once ended: was the recipient copy kept?',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    respondedAt: t.expose('respondedAt', { type: 'DateTime', nullable: true }),
    endedAt: t.expose('endedAt', { type: 'DateTime', nullable: true }),
  }),
});

const CreatedUserShare = builder
  .objectRef<{ share: UserShareRow; inviteUrl: string | null }>('CreatedUserShare')
  .implement({
    fields: (t) => ({
      share: t.field({ type: UserShare, resolve: (c) => c.share }),
      inviteUrl: t.exposeString('inviteUrl', {
        nullable: true,
        description:
          'Shown once: the invitation link for an email without an account (also emailed when SMTP is set up).',
      }),
    }),
  });

const ShareSyncRun = builder.objectRef<ShareRunResult>('ShareSyncRun').implement({
  fields: (t) => ({
    result: t.string({ resolve: (r) => r.result }),
    toSharer: t.stringList({
      description: "Files written on the sharer's side.",
      resolve: (r) => r.toSharer,
    }),
    toRecipient: t.stringList({
      description: "Files written on the recipient's side.",
      resolve: (r) => r.toRecipient,
    }),
    conflicts: t.stringList({ resolve: (r) => r.conflicts }),
  }),
});

const AcceptedShare = builder
  .objectRef<{ share: UserShareRow; run: ShareRunResult | null }>('AcceptedShare')
  .implement({
    fields: (t) => ({
      share: t.field({ type: UserShare, resolve: (a) => a.share }),
      firstSync: t.field({ type: ShareSyncRun, nullable: true, resolve: (a) => a.run }),
    }),
  });

const shareId = (id: unknown) => rawId(id, 'UserShare');

builder.queryField('userSharesByMe', (t) =>
  t.field({
    type: [UserShare],
    description: 'What you shared with other users, newest first, with state.',
    authScopes: { scope: 'shares' },
    args: { state: t.arg({ type: ShareState }) },
    resolve: async (_r, a, ctx) =>
      (await ctx.services.shares.sharedByMe(ctx.caller!.userId)).filter(
        (s) => !a.state || s.state === a.state,
      ),
  }),
);

builder.queryField('userSharesWithMe', (t) =>
  t.field({
    type: [UserShare],
    description: 'What other users shared with you (pending, accepted, ended), newest first.',
    authScopes: { scope: 'shares' },
    args: { state: t.arg({ type: ShareState }) },
    resolve: async (_r, a, ctx) =>
      (await ctx.services.shares.sharedWithMe(ctx.caller!.userId)).filter(
        (s) => !a.state || s.state === a.state,
      ),
  }),
);

builder.queryField('userShare', (t) =>
  t.field({
    type: UserShare,
    authScopes: { scope: 'shares' },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, a, ctx) => ctx.services.shares.get(ctx.caller!.userId, shareId(a.id)),
  }),
);

builder.mutationField('shareWithUser', (t) =>
  t.field({
    type: CreatedUserShare,
    description:
      'Shares a file or folder you own with a user by email; an email without an account gets a single-use, expiring invitation.',
    authScopes: { scope: 'shares' },
    args: {
      file: t.arg.id({ required: true }),
      email: t.arg.string({ required: true }),
      access: t.arg({ type: ShareAccess, required: true }),
      message: t.arg.string(),
      sync: t.arg({ type: ShareSyncInput }),
      inviteExpiresInHours: t.arg.int({ description: 'Invitation lifetime (default 168, at most 720).' }),
      encrypted: t.arg.boolean({
        description:
          "Store it on the recipient's provider only OpenPGP-encrypted (READ only; both of you need a key pair).",
      }),
    },
    resolve: (_r, a, ctx) =>
      ctx.services.shares.create(ctx.caller!.userId, {
        nodeId: rawId(a.file, 'File'),
        email: a.email,
        access: a.access,
        message: a.message,
        inviteExpiresInHours: a.inviteExpiresInHours,
        encrypted: a.encrypted ?? false,
        sync: {
          ...(a.sync?.compare ? { compare: a.sync.compare } : {}),
          ...(a.sync?.keep ? { keep: a.sync.keep } : {}),
          ...(a.sync?.autoMerge != null ? { autoMerge: a.sync.autoMerge } : {}),
        },
      }),
  }),
);

builder.mutationField('redeemShareInvitation', (t) =>
  t.field({
    type: UserShare,
    description: 'Binds an invitation (the token of its link) to your account; it then waits for acceptance.',
    authScopes: { scope: 'shares' },
    args: { token: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => ctx.services.shares.redeem(ctx.caller!.userId, a.token),
  }),
);

builder.mutationField('acceptShare', (t) =>
  t.field({
    type: AcceptedShare,
    description:
      'Accepts a share: SYNC into a folder of one of your remotes (a shared folder needs an empty or new folder; the first sync runs before this answers), or VIEW in the app.',
    authScopes: { scope: 'shares' },
    args: {
      id: t.arg.id({ required: true }),
      placement: t.arg({ type: SharePlacement, required: true }),
      remote: t.arg.id({ description: 'One of your remotes (SYNC).' }),
      path: t.arg.string({ description: 'Folder in that remote (SYNC; default its root).' }),
    },
    resolve: (_r, a, ctx) =>
      ctx.services.shares.accept(
        ctx.caller!.userId,
        shareId(a.id),
        a.placement === 'sync'
          ? { placement: 'sync', remoteId: a.remote ? rawId(a.remote, 'Remote') : '', path: a.path ?? '' }
          : { placement: 'view' },
      ),
  }),
);

builder.mutationField('declineShare', (t) =>
  t.field({
    type: UserShare,
    authScopes: { scope: 'shares' },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, a, ctx) => ctx.services.shares.decline(ctx.caller!.userId, shareId(a.id)),
  }),
);

builder.mutationField('syncShare', (t) =>
  t.field({
    type: ShareSyncRun,
    description: 'Runs an accepted share now (either side may ask) and answers when the run is over.',
    authScopes: { scope: 'shares' },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, a, ctx) => ctx.services.shares.syncNow(ctx.caller!.userId, shareId(a.id)),
  }),
);

builder.mutationField('revokeUserShare', (t) =>
  t.field({
    type: UserShare,
    description: "Ends a share you made; the recipient's copy stops syncing and is kept or removed.",
    authScopes: { scope: 'shares' },
    args: {
      id: t.arg.id({ required: true }),
      keepRecipientCopy: t.arg.boolean({ required: true }),
    },
    resolve: (_r, a, ctx) =>
      ctx.services.shares.revoke(ctx.caller!.userId, shareId(a.id), a.keepRecipientCopy),
  }),
);

builder.mutationField('leaveShare', (t) =>
  t.field({
    type: UserShare,
    description: 'Leaves a share made with you; your copy stops syncing and is kept (default) or removed.',
    authScopes: { scope: 'shares' },
    args: { id: t.arg.id({ required: true }), keepCopy: t.arg.boolean({ defaultValue: true }) },
    resolve: (_r, a, ctx) => ctx.services.shares.leave(ctx.caller!.userId, shareId(a.id), a.keepCopy ?? true),
  }),
);

const KeyPair = builder.objectRef<UserKeyPair>('UserKeyPair').implement({
  description: 'Your OpenPGP key pair; the private key is only ever stored encrypted with your passphrase.',
  fields: (t) => ({
    fingerprint: t.exposeString('fingerprint'),
    publicKey: t.exposeString('publicKey', { description: 'Armored public key.' }),
    privateKey: t.exposeString('privateKey', {
      description: 'Armored private key, encrypted with your passphrase: decrypt it in the app (openpgp).',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryField('myKeyPair', (t) =>
  t.field({
    type: KeyPair,
    nullable: true,
    authScopes: { scope: 'shares' },
    resolve: (_r, _a, ctx) => ctx.services.shares.keys.mine(ctx.caller!.userId),
  }),
);

builder.queryField('userPublicKey', (t) =>
  t.string({
    description: "Another user's armored public key: only while a share between you exists.",
    authScopes: { scope: 'shares' },
    args: { user: t.arg.id({ required: true }) },
    resolve: (_r, a, ctx) => ctx.services.shares.keys.publicKeyOf(ctx.caller!.userId, String(a.user)),
  }),
);

builder.mutationField('setMyKeyPair', (t) =>
  t.field({
    type: KeyPair,
    description:
      'Stores a key pair made in the app; the private key must already be encrypted with your passphrase (a clear one is refused).',
    authScopes: { scope: 'shares' },
    args: {
      publicKey: t.arg.string({ required: true }),
      privateKey: t.arg.string({ required: true }),
    },
    resolve: (_r, a, ctx) => ctx.services.shares.keys.set(ctx.caller!.userId, a.publicKey, a.privateKey),
  }),
);

builder.mutationField('deleteMyKeyPair', (t) =>
  t.boolean({
    description:
      'Deletes your key pair (false: you had none). Files of encrypted shares made for you can no longer be decrypted by you, and those shares receive no new files until you set a new pair.',
    authScopes: { scope: 'shares' },
    resolve: (_r, _a, ctx) => ctx.services.shares.keys.remove(ctx.caller!.userId),
  }),
);

builder.mutationField('generateMyKeyPair', (t) =>
  t.field({
    type: KeyPair,
    description:
      'Convenience for clients without OpenPGP: the server makes a pair, encrypted with the passphrase as it is made; neither the passphrase nor a clear key is kept.',
    authScopes: { scope: 'shares' },
    args: { passphrase: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => ctx.services.shares.keys.generate(ctx.caller!.userId, a.passphrase),
  }),
);
