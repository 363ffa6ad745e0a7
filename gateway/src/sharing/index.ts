// Sharing between users: wiring for services.ts.
import type { Logger } from '@syncoxide/core';
import type { GraphStore } from '@syncoxide/graph';
import type { Journal } from '@syncoxide/sync';
import type { AccountsRepository } from '../accounts/accounts.repository.js';
import type { Sql } from '../db/sql.js';
import type { EventsService } from '../events/events.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { ProviderPool } from '../remotes/providers.js';
import type { RemotesService } from '../remotes/remotes.service.js';
import { EncryptedShares, migrateEncryptedShares } from './encrypted-share.js';
import { ShareSync } from './share-sync.js';
import { migrateShares, SharesRepository } from './shares.repository.js';
import { SharesService } from './shares.service.js';
import { migrateUserKeys, UserKeys } from './user-keys.js';

export type { EncryptedFileRow } from './encrypted-share.js';
export type { ShareRunResult } from './share-sync.js';
export type { UserShareRow } from './shares.repository.js';
export { SharesService } from './shares.service.js';
export type { UserKeyPair, UserKeys } from './user-keys.js';

export async function buildSharing(d: {
  sql: Sql;
  accounts: AccountsRepository;
  graph: GraphStore;
  remotes: RemotesService;
  providers: ProviderPool;
  events: EventsService;
  notifications: NotificationsService;
  journal: Journal;
  webOrigin: string;
  /** The installation key (32 bytes): seals encrypted shares' session keys. */
  sealingKey: Buffer;
  /** Periodic reconcile of syncing shares in seconds (default 300; 0: none). */
  reconcileSeconds?: number;
  logger?: Logger;
}): Promise<{ shares: SharesService; sync: ShareSync; close(): Promise<void> }> {
  await migrateShares(d.sql);
  await migrateUserKeys(d.sql);
  await migrateEncryptedShares(d.sql);
  let shares: SharesService | null = null;
  const repo = new SharesRepository(d.sql);
  const keys = new UserKeys({
    sql: d.sql,
    accounts: d.accounts,
    shareBetween: (a, b) => repo.between(a, b),
    onChange: (userId) => shares!.rewrapFor(userId),
  });
  const encrypted = new EncryptedShares({
    sql: d.sql,
    providers: d.providers,
    sealingKey: d.sealingKey,
    sealed: (id) => repo.sealedSessionKey(id),
    publicKey: (userId) => keys.publicKey(userId),
  });
  const sync = new ShareSync({
    journal: d.journal,
    providers: d.providers,
    graph: d.graph,
    events: d.events,
    notifications: d.notifications,
    encrypted,
    rescan: (ownerId, remoteId) => d.remotes.scan(ownerId, remoteId),
    nameOf: (id) => shares!.nameOf(id),
    ...(d.reconcileSeconds !== undefined ? { reconcileSeconds: d.reconcileSeconds } : {}),
    ...(d.logger ? { logger: d.logger } : {}),
  });
  shares = new SharesService({
    repo,
    accounts: d.accounts,
    graph: d.graph,
    remotes: d.remotes,
    providers: d.providers,
    notifications: d.notifications,
    sync,
    keys,
    encrypted,
    sealingKey: d.sealingKey,
    webOrigin: d.webOrigin,
  });
  await shares.resume();
  return { shares, sync, close: () => sync.close() };
}
