// Share links: an owner makes any number of links to a file or folder (password, expiry,
// download limit, preview only, PGP), lists them with their use counts and revokes them.
// Outsiders open a link by its token; `open` decides whether the link still works.
import { newId, SyncoxideError } from '@syncoxide/core';
import type { GraphStore, StoredNode } from '@syncoxide/graph';
import { z } from 'zod';
import { notFound } from '../ids.js';
import { invalidInput } from '../validation.js';
import { hashPassword, type LinkGrants, linkRefusal, newToken } from './secrets.js';
import type { ShareLinkRow, ShareLinksRepository } from './share-links.repository.js';

export const CreateShareLinkInput = z.object({
  nodeId: z.string(),
  password: z.string().nullish(),
  expiresAt: z.date().nullish(),
  maxDownloads: z.number().int().min(1, 'maxDownloads must be at least 1').max(1_000_000).nullish(),
  previewOnly: z.boolean().nullish(),
  requirePgp: z.boolean().nullish(),
  note: z.string().max(2000, 'note: at most 2000 characters').nullish(),
});
export type CreateShareLinkInput = z.input<typeof CreateShareLinkInput>;

/** A link that works, with the shared node as it is now. */
export interface OpenShareLink {
  link: ShareLinkRow;
  node: StoredNode;
}

export class ShareLinksService {
  constructor(
    private readonly repo: ShareLinksRepository,
    private readonly graph: GraphStore,
    private readonly grants: LinkGrants,
    private readonly now: () => number = Date.now,
  ) {}

  async create(ownerId: string, input: CreateShareLinkInput): Promise<ShareLinkRow> {
    const i = invalidInput(CreateShareLinkInput, input);
    const node = await this.graph.node(ownerId, i.nodeId).catch(() => null);
    // Only the owner shares: nodes shared with the caller are not theirs to publish.
    if (!node || node.ownerId !== ownerId || node.trashed) throw notFound();
    if (node.kind !== 'file' && node.kind !== 'folder') throw notFound();
    if (i.requirePgp && i.previewOnly)
      throw new SyncoxideError(
        'INVALID_INPUT',
        'a preview-only link cannot also deliver PGP-encrypted files',
      );
    const row = await this.repo.insert({
      id: newId(),
      ownerId,
      token: newToken(),
      nodeId: node.id,
      remoteId: node.remoteId,
      path: node.path,
      kind: node.kind,
      name: node.name,
      note: i.note ?? null,
      passwordHash: i.password ? await hashPassword(i.password) : null,
      expiresAt: i.expiresAt ?? null,
      maxDownloads: i.maxDownloads ?? null,
      previewOnly: i.previewOnly ?? false,
      requirePgp: i.requirePgp ?? false,
    });
    // Recorded in the graph too (views: shared by me); the secret stays in PostgreSQL.
    const share = await this.graph.createShare({
      ownerId,
      nodeId: node.id,
      type: 'link',
      linkRef: row.id,
      expiresAt: row.expiresAt?.getTime() ?? null,
    });
    await this.repo.setGraphShare(row.id, share.id);
    return { ...row, graphShareId: share.id };
  }

  list(ownerId: string, nodeId: string | null): Promise<ShareLinkRow[]> {
    return this.repo.list(ownerId, nodeId);
  }

  async revoke(ownerId: string, id: string): Promise<ShareLinkRow> {
    const row = await this.repo.revoke(ownerId, id);
    if (!row) throw notFound();
    if (row.graphShareId) {
      await this.graph.deleteShare(ownerId, row.graphShareId).catch(() => {});
      await this.repo.setGraphShare(row.id, null);
    }
    return { ...row, graphShareId: null };
  }

  /** Why a link no longer works, or null when it does (password aside). */
  state(link: ShareLinkRow): 'revoked' | 'expired' | 'exhausted' | null {
    if (link.revokedAt) return 'revoked';
    if (link.expiresAt && link.expiresAt.getTime() <= this.now()) return 'expired';
    if (link.maxDownloads !== null && link.downloads >= link.maxDownloads) return 'exhausted';
    return null;
  }

  private async byToken(token: string): Promise<ShareLinkRow> {
    const link = /^[A-Za-z0-9_-]{43}$/.test(token) ? await this.repo.byToken(token) : null;
    if (!link) throw linkRefusal(404, 'unknown', 'no such link');
    const why = this.state(link);
    if (why === 'revoked') throw linkRefusal(410, why, 'this link was revoked by its owner');
    if (why === 'expired') throw linkRefusal(410, why, 'this link has expired');
    if (why === 'exhausted') throw linkRefusal(410, why, 'this link reached its download limit');
    return link;
  }

  /** The link and its node for an outsider holding `grant` (needed when it has a password). */
  async open(token: string, grant: string | null): Promise<OpenShareLink> {
    const link = await this.byToken(token);
    if (link.passwordHash && !(await this.grants.valid('share', link.id, grant)))
      throw linkRefusal(401, 'password', 'this link needs its password');
    const node = await this.graph.node(link.ownerId, link.nodeId).catch(() => null);
    if (!node || node.trashed) throw linkRefusal(410, 'removed', 'the shared item is no longer there');
    return { link, node };
  }

  async unlock(token: string, guesses: unknown, clientIp: string): Promise<string> {
    const link = await this.byToken(token);
    if (!link.passwordHash) throw new SyncoxideError('INVALID_INPUT', 'this link has no password');
    return this.grants.unlock('share', link.id, link.passwordHash, guesses, clientIp);
  }

  /** Spends one download; refused with 410 when the limit was reached meanwhile. */
  async countDownload(link: ShareLinkRow): Promise<void> {
    if (link.previewOnly) throw linkRefusal(403, 'preview-only', 'this link allows preview only');
    if (!(await this.repo.countDownload(link.id)))
      throw linkRefusal(410, 'exhausted', 'this link reached its download limit');
  }

  countView(link: ShareLinkRow): Promise<void> {
    return this.repo.countView(link.id);
  }

  get repository(): ShareLinksRepository {
    return this.repo;
  }
}
