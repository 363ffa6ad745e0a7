// Sharing between users: share a file or folder with an account (by email) or invite an email
// without one (single-use, expiring token); the recipient accepts into one of their own remotes
// (kept in sync by the sync engine) or view-only in the app, or declines; the sharer revokes,
// the recipient leaves, choosing whether the recipient's copy stays. Every step is recorded in
// PostgreSQL, mirrored as a graph Share while accepted, and notified to the other party.
import { createHash, randomBytes } from 'node:crypto';
import { newId, SyncoxideError } from '@syncoxide/core';
import type { GraphStore } from '@syncoxide/graph';
import type { Provider } from '@syncoxide/sync';
import { z } from 'zod';
import type { AccountsRepository } from '../accounts/accounts.repository.js';
import { notFound } from '../ids.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { ProviderPool } from '../remotes/providers.js';
import type { RemotesService } from '../remotes/remotes.service.js';
import { invalidInput } from '../validation.js';
import { type EncryptedShares, newSessionKey, SUFFIX } from './encrypted-share.js';
import { recipientPath } from './share-rule.js';
import type { ShareRunResult, ShareSync } from './share-sync.js';
import type { ShareAccess, SharesRepository, SyncOptions, UserShareRow } from './shares.repository.js';
import type { UserKeys } from './user-keys.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_INVITE_HOURS = 7 * 24;

const SyncOptionsInput = z
  .object({
    compare: z
      .array(z.enum(['size', 'modtime', 'checksum']))
      .min(1)
      .default(['size', 'modtime']),
    keep: z.enum(['newer', 'older', 'larger', 'smaller', 'path1', 'path2']).default('newer'),
    autoMerge: z.boolean().default(false),
  })
  .default({});

export const CreateShareInput = z.object({
  nodeId: z.string(),
  email: z.string().trim().toLowerCase().email('email is not a valid address').max(254),
  access: z.enum(['read', 'read-write']),
  message: z.string().trim().max(2000, 'message: at most 2000 characters').nullish(),
  sync: SyncOptionsInput,
  /** Content stored on the recipient's provider only as OpenPGP messages (read-only shares). */
  encrypted: z.boolean().default(false),
  inviteExpiresInHours: z
    .number()
    .int()
    .min(1)
    .max(30 * 24, 'an invitation lasts at most 30 days')
    .nullish(),
});

export const AcceptInput = z.discriminatedUnion('placement', [
  z.object({ placement: z.literal('view') }),
  z.object({
    placement: z.literal('sync'),
    remoteId: z.string().min(1, 'choose one of your remotes'),
    path: z.string().max(4096).default(''),
  }),
]);

export interface CreatedShare {
  share: UserShareRow;
  /** The invitation link, shown once, when the email has no account yet (null otherwise). */
  inviteUrl: string | null;
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function cleanPath(path: string): string {
  const p = path.replace(/^\/+|\/+$/g, '');
  if (p.split('/').some((s) => s === '..' || s === '.') || p.includes('\u0000'))
    throw new SyncoxideError('INVALID_INPUT', 'not a valid folder path');
  return p;
}

/** Creates a folder and any missing parents (providers make one level at a time). */
async function mkdirs(provider: Provider, path: string): Promise<void> {
  const parts = path.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const p = parts.slice(0, i).join('/');
    const e = await provider.stat(p);
    if (e && e.kind !== 'folder') throw new SyncoxideError('INVALID_INPUT', `${p} is a file`);
    if (!e) await provider.mkdir(p);
  }
}

export class SharesService {
  constructor(
    private readonly d: {
      repo: SharesRepository;
      accounts: AccountsRepository;
      graph: GraphStore;
      remotes: RemotesService;
      providers: ProviderPool;
      notifications: NotificationsService;
      sync: ShareSync;
      keys: UserKeys;
      encrypted: EncryptedShares;
      /** The installation key: seals each encrypted share's session key for the gateway. */
      sealingKey: Buffer;
      webOrigin: string;
    },
  ) {}

  /** Users' OpenPGP key pairs (for encrypted shares). */
  get keys(): UserKeys {
    return this.d.keys;
  }

  async nameOf(userId: string): Promise<string> {
    const u = await this.d.accounts.userById(userId);
    return u ? u.name || u.email : 'someone';
  }

  async create(ownerId: string, raw: unknown): Promise<CreatedShare> {
    const i = invalidInput(CreateShareInput, raw);
    const node = await this.d.graph.node(ownerId, i.nodeId).catch(() => null);
    // Only the owner shares: what others shared with the caller is not theirs to pass on.
    if (!node || node.ownerId !== ownerId || node.trashed || (node.kind !== 'file' && node.kind !== 'folder'))
      throw notFound();
    const recipient = await this.d.accounts.userByEmail(i.email);
    if (recipient?.id === ownerId) throw new SyncoxideError('INVALID_INPUT', 'cannot share with yourself');
    const live = (await this.d.repo.byOwner(ownerId)).find(
      (s) =>
        s.nodeId === node.id &&
        s.recipientEmail === i.email &&
        (s.state === 'pending' || s.state === 'accepted'),
    );
    if (live) throw new SyncoxideError('ALREADY_EXISTS', `"${node.name}" is already shared with ${i.email}`);
    const id = newId();
    const sessionKey = i.encrypted ? await this.encryptedKey(id, ownerId, recipient?.id ?? null, i) : null;
    // 256 random bits; only its hash is stored.
    const token = recipient ? null : randomBytes(32).toString('base64url');
    const share = await this.d.repo.insert({
      id,
      ownerId,
      nodeId: node.id,
      remoteId: node.remoteId,
      path: node.path,
      kind: node.kind,
      name: node.name,
      recipientId: recipient?.id ?? null,
      recipientEmail: i.email,
      access: i.access as ShareAccess,
      message: i.message ?? null,
      sync: i.sync as SyncOptions,
      inviteTokenHash: token ? tokenHash(token) : null,
      inviteExpiresAt: token
        ? new Date(Date.now() + (i.inviteExpiresInHours ?? DEFAULT_INVITE_HOURS) * 3600_000)
        : null,
      encrypted: i.encrypted,
      sessionKeyWrapped: sessionKey?.wrapped ?? null,
      sessionKeySealed: sessionKey?.sealed ?? null,
    });
    const who = await this.nameOf(ownerId);
    const what = `${who} shared "${node.name}" with you (${i.access === 'read' ? 'read-only' : 'read-write'}${i.encrypted ? ', encrypted' : ''})`;
    const text = i.message ? `${what}: "${i.message}"` : what;
    if (recipient) {
      await this.d.notifications.send(recipient.id, {
        kind: 'share.invited',
        title: `${who} shared "${node.name}" with you`,
        message: `${text}. Accept it to choose where it lives.`,
        data: { shareId: share.id },
      });
      return { share, inviteUrl: null };
    }
    const inviteUrl = `${this.d.webOrigin}/invite/${token}`;
    await this.d.notifications.email({
      to: i.email,
      subject: `${who} shared "${node.name}" with you on syncoxide`,
      text: `${text}.\n\nCreate your account and accept it here (the link works once, until ${share.inviteExpiresAt?.toISOString()}):\n${inviteUrl}\n`,
    });
    return { share, inviteUrl };
  }

  /**
   * An encrypted share needs both keys up front: the recipient's (an account with a key pair,
   * so not an email invitation) and the sharer's; it is read-only (one-way to the recipient).
   */
  private async encryptedKey(
    id: string,
    ownerId: string,
    recipientId: string | null,
    i: { access: string },
  ): Promise<{ sealed: string; wrapped: string }> {
    if (i.access !== 'read')
      throw new SyncoxideError('INVALID_INPUT', 'an encrypted share is read-only: use access READ');
    if (!recipientId)
      throw new SyncoxideError(
        'INVALID_INPUT',
        'an encrypted share needs a recipient with an account and a key pair',
      );
    const recipient = await this.d.keys.publicKey(recipientId);
    if (!recipient)
      throw new SyncoxideError(
        'INVALID_INPUT',
        'the recipient has no OpenPGP key pair yet: ask them to set one up',
      );
    const sharer = await this.d.keys.publicKey(ownerId);
    if (!sharer) throw new SyncoxideError('INVALID_INPUT', 'set up your own OpenPGP key pair first');
    return newSessionKey(id, this.d.sealingKey, [recipient, sharer]);
  }

  /** After a user's key changed: their encrypted shares' session keys are wrapped for the new key. */
  async rewrapFor(userId: string): Promise<void> {
    for (const s of await this.d.repo.liveEncrypted(userId)) {
      const wrapped = await this.d.encrypted.rewrap(s);
      if (wrapped) await this.d.repo.setWrappedSessionKey(s.id, wrapped);
    }
  }

  /** Files of an encrypted share (either party): path inside the share, plaintext size and hash. */
  async encryptedFiles(userId: string, id: string) {
    const share = await this.get(userId, id);
    if (!share.encrypted) throw new SyncoxideError('INVALID_INPUT', 'this share is not encrypted');
    return this.d.encrypted.files(share.id);
  }

  /** The ciphertext of a file of an accepted encrypted share: its recipient only. */
  async readEncrypted(userId: string, id: string, path: string) {
    const share = await this.asRecipient(userId, id);
    if (!share.encrypted || share.state !== 'accepted' || share.placement !== 'sync') throw notFound();
    return this.d.encrypted.read(share, path);
  }

  /** Binds an invitation to the signed-in caller; the token works once and until it expires. */
  async redeem(userId: string, token: string): Promise<UserShareRow> {
    const hash = /^[A-Za-z0-9_-]{43}$/.test(token) ? tokenHash(token) : null;
    const share = hash ? await this.d.repo.redeem(hash, userId) : null;
    if (share) {
      await this.d.notifications.send(userId, {
        kind: 'share.invited',
        title: `${await this.nameOf(share.ownerId)} shared "${share.name}" with you`,
        message: `${await this.nameOf(share.ownerId)} shared "${share.name}" with you. Accept it to choose where it lives.`,
        data: { shareId: share.id },
      });
      return share;
    }
    const why = hash ? await this.d.repo.inviteState(hash) : 'unknown';
    if (why === 'used') throw new SyncoxideError('CONFLICT', 'this invitation was already used');
    if (why === 'expired') throw new SyncoxideError('PERMISSION_DENIED', 'this invitation has expired');
    if (why === 'ended') throw new SyncoxideError('CONFLICT', 'this share was withdrawn');
    if (why === 'own') throw new SyncoxideError('INVALID_INPUT', 'cannot accept your own invitation');
    throw notFound();
  }

  async get(userId: string, id: string): Promise<UserShareRow> {
    const row = UUID.test(id) ? await this.d.repo.get(userId, id) : null;
    if (!row) throw notFound();
    return row;
  }

  sharedByMe(ownerId: string): Promise<UserShareRow[]> {
    return this.d.repo.byOwner(ownerId);
  }

  sharedWithMe(userId: string): Promise<UserShareRow[]> {
    return this.d.repo.byRecipient(userId);
  }

  private async asRecipient(userId: string, id: string): Promise<UserShareRow> {
    const share = await this.get(userId, id);
    if (share.recipientId !== userId) throw notFound();
    return share;
  }

  private async asOwner(userId: string, id: string): Promise<UserShareRow> {
    const share = await this.get(userId, id);
    if (share.ownerId !== userId) throw notFound();
    return share;
  }

  /**
   * Accepts a pending share: view-only in the app, or kept in sync into a folder of one of the
   * caller's remotes (a folder share needs an empty or new folder: it becomes the share's).
   * The first sync runs before this answers.
   */
  async accept(
    userId: string,
    id: string,
    raw: unknown,
  ): Promise<{ share: UserShareRow; run: ShareRunResult | null }> {
    const share = await this.asRecipient(userId, id);
    if (share.state !== 'pending') throw new SyncoxideError('CONFLICT', `this share is ${share.state}`);
    const i = invalidInput(AcceptInput, raw);
    if (share.encrypted && i.placement !== 'sync')
      throw new SyncoxideError(
        'INVALID_INPUT',
        'an encrypted share lives encrypted on one of your remotes: accept it with placement SYNC',
      );
    let place: { targetRemoteId: string; targetPath: string } | null = null;
    if (i.placement === 'sync') {
      await this.d.remotes.get(userId, i.remoteId); // a foreign remote is NOT_FOUND
      const targetPath = cleanPath(i.path);
      const provider = await this.d.providers.get(userId, i.remoteId);
      await this.prepareTarget(provider, share, targetPath);
      place = { targetRemoteId: i.remoteId, targetPath };
    }
    const grant = await this.d.graph.createShare({
      ownerId: share.ownerId,
      nodeId: share.nodeId,
      type: 'user',
      granteeId: userId,
      role: share.access === 'read-write' ? 'editor' : 'viewer',
    });
    const accepted = await this.d.repo.transition(share.id, ['pending'], 'accepted', {
      placement: i.placement,
      graphShareId: grant.id,
      ...(place ?? {}),
    });
    if (!accepted) {
      await this.d.graph.deleteShare(share.ownerId, grant.id).catch(() => {});
      throw new SyncoxideError('CONFLICT', 'this share changed meanwhile');
    }
    const who = await this.nameOf(userId);
    await this.d.notifications.send(share.ownerId, {
      kind: 'share.accepted',
      title: `${who} accepted "${share.name}"`,
      message:
        i.placement === 'sync'
          ? `${who} accepted "${share.name}"; it is kept in sync with their copy.`
          : `${who} accepted "${share.name}" to view in the app.`,
      data: { shareId: share.id },
    });
    if (i.placement !== 'sync') return { share: accepted, run: null };
    // Watched first: should the first run fail, the periodic reconcile tries again.
    this.d.sync.watch(accepted);
    const run = await this.d.sync.run(accepted);
    return { share: accepted, run };
  }

  private async prepareTarget(provider: Provider, share: UserShareRow, targetPath: string): Promise<void> {
    const at = targetPath === '' ? null : await provider.stat(targetPath);
    if (at && at.kind !== 'folder') throw new SyncoxideError('INVALID_INPUT', `${targetPath} is a file`);
    if (share.kind === 'folder') {
      if (at || targetPath === '')
        for await (const _ of provider.list(targetPath, { recursive: false }))
          throw new SyncoxideError('CONFLICT', 'choose an empty or new folder for a shared folder');
    } else if (
      await provider.stat(`${recipientPath({ ...share, targetPath })}${share.encrypted ? SUFFIX : ''}`)
    ) {
      throw new SyncoxideError('CONFLICT', `"${share.name}" already exists in that folder`);
    }
    if (targetPath !== '' && !at) await mkdirs(provider, targetPath);
  }

  async decline(userId: string, id: string): Promise<UserShareRow> {
    const share = await this.asRecipient(userId, id);
    const row = await this.d.repo.transition(share.id, ['pending'], 'declined');
    if (!row) throw new SyncoxideError('CONFLICT', `this share is ${share.state}`);
    const who = await this.nameOf(userId);
    await this.d.notifications.send(share.ownerId, {
      kind: 'share.declined',
      title: `${who} declined "${share.name}"`,
      message: `${who} declined "${share.name}".`,
      data: { shareId: share.id },
    });
    return row;
  }

  /** Runs an accepted, syncing share now (either party may ask). */
  async syncNow(userId: string, id: string): Promise<ShareRunResult> {
    const share = await this.get(userId, id);
    if (share.state !== 'accepted' || share.placement !== 'sync')
      throw new SyncoxideError('CONFLICT', 'this share is not kept in sync');
    return this.d.sync.run(share);
  }

  /** The sharer ends the share; the recipient's copy stops syncing and is kept or removed. */
  async revoke(userId: string, id: string, keepCopy: boolean): Promise<UserShareRow> {
    const share = await this.asOwner(userId, id);
    const row = await this.end(share, ['pending', 'accepted'], 'revoked', keepCopy);
    if (share.recipientId) {
      const who = await this.nameOf(userId);
      const copy =
        share.placement === 'sync'
          ? keepCopy
            ? ' Your copy was kept and no longer syncs.'
            : ' Your copy was removed.'
          : '';
      await this.d.notifications.send(share.recipientId, {
        kind: 'share.revoked',
        title: `${who} stopped sharing "${share.name}"`,
        message: `${who} stopped sharing "${share.name}" with you.${copy}`,
        data: { shareId: share.id, keptCopy: keepCopy },
      });
    }
    return row;
  }

  /** The recipient leaves an accepted (or pending) share; their copy is kept unless told otherwise. */
  async leave(userId: string, id: string, keepCopy: boolean): Promise<UserShareRow> {
    const share = await this.asRecipient(userId, id);
    const row = await this.end(share, ['pending', 'accepted'], 'left', keepCopy);
    const who = await this.nameOf(userId);
    await this.d.notifications.send(share.ownerId, {
      kind: 'share.left',
      title: `${who} left "${share.name}"`,
      message: `${who} left "${share.name}"; it no longer syncs with their copy.`,
      data: { shareId: share.id },
    });
    return row;
  }

  private async end(
    share: UserShareRow,
    from: ('pending' | 'accepted')[],
    to: 'revoked' | 'left',
    keepCopy: boolean,
  ): Promise<UserShareRow> {
    // Syncing stops first, so no run writes into a copy being removed.
    this.d.sync.unwatch(share.id);
    const row = await this.d.repo.transition(share.id, from, to, { keepCopy });
    if (!row) throw new SyncoxideError('CONFLICT', `this share is ${share.state}`);
    if (share.graphShareId) await this.d.graph.deleteShare(share.ownerId, share.graphShareId).catch(() => {});
    if (!keepCopy && share.state === 'accepted' && share.placement === 'sync') await this.removeCopy(share);
    return row;
  }

  /** Deletes the recipient's copy (files deepest first, then folders), then rescans their remote. */
  private async removeCopy(share: UserShareRow): Promise<void> {
    const recipientId = share.recipientId!;
    const remoteId = share.targetRemoteId!;
    const provider = await this.d.providers.get(recipientId, remoteId);
    const top = recipientPath(share);
    if (share.kind === 'file') {
      await provider.delete(`${top}${share.encrypted ? SUFFIX : ''}`).catch(() => {});
    } else {
      const entries = [];
      for await (const e of provider.list(top, { recursive: true })) entries.push(e);
      for (const e of entries.filter((x) => x.kind === 'file')) await provider.delete(e.path);
      const folders = entries.filter((x) => x.kind === 'folder').map((x) => x.path);
      folders.sort((a, b) => b.split('/').length - a.split('/').length);
      for (const f of folders) await provider.delete(f).catch(() => {});
      if (top !== '') await provider.delete(top).catch(() => {});
    }
    await this.d.remotes.scan(recipientId, remoteId);
  }

  /** Resumes syncing of every accepted share (after a restart). */
  async resume(): Promise<number> {
    const rows = await this.d.repo.syncing();
    for (const r of rows) this.d.sync.watch(r);
    return rows.length;
  }
}
