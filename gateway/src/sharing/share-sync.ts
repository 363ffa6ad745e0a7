// Runs accepted shares with the sync engine and its journal: a rule whose two sides belong to
// two owners, each side's provider opened with its own owner's credentials. What a run writes
// goes back into the graph under the owner of the remote it landed on, and tells that owner
// that the other side changed the file. Runs come on demand, after acceptance, when a change
// made through the gateway touches a shared folder, and on a periodic reconcile. A run's own
// writes publish no file event (its notifications are live already), so a run never triggers
// another.
import type { Logger } from '@syncoxide/core';
import type { GraphStore } from '@syncoxide/graph';
import type { RunReport } from '@syncoxide/sync';
import {
  type Change,
  type ChangeSink,
  isConflictName,
  type Journal,
  type Provider,
  SyncEngine,
  SyncEvents,
} from '@syncoxide/sync';
import type { EventsService, FileEvent } from '../events/events.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { ProviderPool } from '../remotes/providers.js';
import type { EncryptedShares } from './encrypted-share.js';
import { parentOf, shareRule } from './share-rule.js';
import type { UserShareRow } from './shares.repository.js';

export interface ShareSyncOptions {
  journal: Journal;
  providers: ProviderPool;
  graph: GraphStore;
  events: EventsService;
  notifications: NotificationsService;
  /** Encrypted shares are transferred by their own one-way pass, not the engine. */
  encrypted: EncryptedShares;
  /** Rescans a remote (the recipient's, after an encrypted pass wrote to it) into the graph. */
  rescan: (ownerId: string, remoteId: string) => Promise<unknown>;
  /** Display names of users, for messages ("alice changed report.txt"). */
  nameOf: (userId: string) => Promise<string>;
  /** Periodic reconcile of every syncing share (default 300 s; 0: none). */
  reconcileSeconds?: number;
  /** Quiet time after a triggering change before the run (default 1 s). */
  debounceMs?: number;
  logger?: Logger;
}

export interface ShareRunResult {
  result: string;
  /** The engine's report (null for an encrypted share, which the engine does not run). */
  report: RunReport | null;
  /** Files written on the sharer's side (changes that came from the recipient). */
  toSharer: string[];
  /** Files written on the recipient's side (changes that came from the sharer). */
  toRecipient: string[];
  conflicts: string[];
}

/** Forwards a run's writes to the graph under each remote's own owner, and remembers them. */
class TwoOwnerSink implements ChangeSink {
  readonly written = new Map<string, Change[]>();
  constructor(
    private readonly graph: GraphStore,
    private readonly owners: Map<string, string>,
  ) {}

  async applyChanges(input: Parameters<ChangeSink['applyChanges']>[0]): Promise<unknown> {
    const ownerId = this.owners.get(input.remoteId) ?? input.ownerId;
    this.written.set(input.remoteId, [...(this.written.get(input.remoteId) ?? []), ...input.changes]);
    return this.graph.applyChanges({ ...input, ownerId });
  }
}

interface Slot {
  share: UserShareRow;
  timer: NodeJS.Timeout | null;
  reconcile: NodeJS.Timeout | null;
  running: Promise<unknown> | null;
  again: boolean;
}

export class ShareSync {
  private readonly slots = new Map<string, Slot>();
  private readonly listening = new Map<string, AbortController>();
  private closed = false;

  constructor(private readonly o: ShareSyncOptions) {}

  /** Runs the share's rule now (waiting for a run in progress elsewhere), then tells each side. */
  async run(share: UserShareRow): Promise<ShareRunResult> {
    if (share.encrypted) return this.runEncrypted(share);
    const rule = shareRule(share);
    const recipientId = share.recipientId!;
    const owners = new Map([
      [rule.path1.remote, share.ownerId],
      [rule.path2.remote, recipientId],
    ]);
    const open = new Map<string, Provider>();
    for (const [remote, owner] of owners) open.set(remote, await this.o.providers.get(owner, remote));
    const sink = new TwoOwnerSink(this.o.graph, owners);
    const events = new SyncEvents();
    const conflicts: string[] = [];
    // The winner's write of a conflict (not the copy kept beside it), as a path inside the share.
    const inside = [rule.path1.path, rule.path2.path].sort((a, b) => b.length - a.length);
    events.on('op:done', (e) => {
      if (!e.reason.startsWith('changed on both sides') || isConflictName(e.path)) return;
      const base = inside.find((b) => b === '' || e.path.startsWith(`${b}/`));
      if (base !== undefined) conflicts.push(base === '' ? e.path : e.path.slice(base.length + 1));
    });
    const engine = new SyncEngine({
      journal: this.o.journal,
      provider: (r) => open.get(r)!,
      events,
      graph: sink,
    });
    const report = await engine.run(rule, { waitForLockMs: 120_000 });
    const files = (remote: string, base: string) =>
      [
        ...new Set(
          (sink.written.get(remote) ?? [])
            .filter((c) => c.type === 'delete' || c.entry?.kind === 'file')
            .map((c) => (base === '' ? c.path : c.path.slice(base.length + 1))),
        ),
      ].sort();
    const result = {
      result: report.result,
      report,
      toSharer: files(rule.path1.remote, rule.path1.path),
      toRecipient: files(rule.path2.remote, rule.path2.path),
      conflicts: [...new Set(conflicts)].sort(),
    };
    await this.tell(share, result);
    return result;
  }

  private async runEncrypted(share: UserShareRow): Promise<ShareRunResult> {
    const r = await this.o.encrypted.run(share);
    if (r.failed.length > 0)
      this.o.logger?.warn({ share: share.id, failed: r.failed }, 'encrypted share: files failed');
    if (r.written.length + r.removed.length > 0)
      await this.o
        .rescan(share.recipientId!, share.targetRemoteId!)
        .catch((err) =>
          this.o.logger?.warn({ err, share: share.id }, 'rescan after an encrypted pass failed'),
        );
    const result = {
      result: r.result,
      report: null,
      toSharer: [],
      toRecipient: [...r.written, ...r.removed].sort(),
      conflicts: [],
    };
    await this.tell(share, result);
    return result;
  }

  private async tell(share: UserShareRow, r: ShareRunResult): Promise<void> {
    const recipientId = share.recipientId!;
    const data = { shareId: share.id, nodeId: share.nodeId };
    const list = (paths: string[]) =>
      paths.length <= 3 ? paths.join(', ') : `${paths.slice(0, 3).join(', ')} and ${paths.length - 3} more`;
    if (r.toRecipient.length > 0) {
      const who = await this.o.nameOf(share.ownerId);
      await this.o.notifications.send(recipientId, {
        kind: 'share.changed',
        title: `${who} changed "${share.name}"`,
        message: `${who} changed ${list(r.toRecipient)} in "${share.name}"; your copy is up to date.`,
        data: { ...data, paths: r.toRecipient },
      });
    }
    if (r.toSharer.length > 0) {
      const who = await this.o.nameOf(recipientId);
      await this.o.notifications.send(share.ownerId, {
        kind: 'share.changed',
        title: `${who} changed "${share.name}"`,
        message: `${who} changed ${list(r.toSharer)} in "${share.name}"; your copy is up to date.`,
        data: { ...data, paths: r.toSharer },
      });
    }
    if (r.conflicts.length > 0) {
      for (const userId of [share.ownerId, recipientId]) {
        await this.o.notifications.send(userId, {
          kind: 'share.conflict',
          title: `Both sides changed "${share.name}"`,
          message: `${list(r.conflicts)} changed on both sides of "${share.name}": kept ${share.sync.keep === 'path1' ? "the sharer's" : share.sync.keep === 'path2' ? "the recipient's" : `the ${share.sync.keep}`} version, the other is kept beside it as a conflict copy.`,
          data: { ...data, paths: r.conflicts },
        });
      }
    }
  }

  /** Keeps a syncing share running: reconciled periodically, triggered by changes of its folders. */
  watch(share: UserShareRow): void {
    if (this.closed) return;
    this.unwatch(share.id);
    const slot: Slot = { share, timer: null, reconcile: null, running: null, again: false };
    const every = this.o.reconcileSeconds ?? 300;
    if (every > 0) {
      slot.reconcile = setInterval(() => this.trigger(share.id, 0), every * 1000);
      slot.reconcile.unref();
    }
    this.slots.set(share.id, slot);
    this.listen(share.ownerId);
    this.listen(share.recipientId!);
  }

  unwatch(shareId: string): void {
    const slot = this.slots.get(shareId);
    if (!slot) return;
    if (slot.timer) clearTimeout(slot.timer);
    if (slot.reconcile) clearInterval(slot.reconcile);
    this.slots.delete(shareId);
  }

  /** Asks for a run soon; a trigger during a run makes one more run after it. */
  trigger(shareId: string, delayMs = this.o.debounceMs ?? 1000): void {
    const slot = this.slots.get(shareId);
    if (!slot || this.closed) return;
    if (slot.running) {
      slot.again = true;
      return;
    }
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      slot.timer = null;
      slot.running = this.run(slot.share)
        .catch((err) => this.o.logger?.warn({ err, share: shareId }, 'share sync run failed'))
        .finally(() => {
          slot.running = null;
          if (slot.again) {
            slot.again = false;
            this.trigger(shareId);
          }
        });
    }, delayMs);
    slot.timer.unref();
  }

  /** Changes made through the gateway (uploads, file operations) of a user trigger their shares. */
  private listen(userId: string): void {
    if (this.listening.has(userId)) return;
    const stop = new AbortController();
    this.listening.set(userId, stop);
    const feed = this.o.events.subscribe('files', userId);
    void (async () => {
      const it = feed[Symbol.asyncIterator]();
      stop.signal.addEventListener('abort', () => void it.return?.());
      for (;;) {
        const next = await it.next().catch(() => ({ done: true, value: undefined }));
        if (next.done || stop.signal.aborted) return;
        this.onFileEvent(userId, next.value as FileEvent);
      }
    })();
  }

  private onFileEvent(userId: string, e: FileEvent): void {
    this.onChange(userId, e.remoteId, e.path);
  }

  /**
   * A change of `path` on `remoteId`, a remote of `userId`: through the gateway (its file
   * events) or straight on the provider (graph diffs of the live sync's watchers).
   */
  onChange(userId: string, remoteId: string, path: string): void {
    for (const { share } of this.slots.values()) {
      const mine =
        share.ownerId === userId
          ? { remote: share.remoteId, path: share.kind === 'file' ? parentOf(share.path) : share.path }
          : share.recipientId === userId
            ? { remote: share.targetRemoteId, path: share.targetPath ?? '' }
            : null;
      if (!mine || mine.remote !== remoteId) continue;
      const within = (a: string, b: string) => b === '' || a === b || a.startsWith(`${b}/`);
      // A rescan of the whole remote ('' path) or a change inside the shared folder.
      if (within(path, mine.path) || within(mine.path, path)) this.trigger(share.id);
    }
  }

  /** Both sides' remotes of every share kept in sync (the live sync watches them). */
  syncedRemotes(): { ownerId: string; remoteId: string }[] {
    const out: { ownerId: string; remoteId: string }[] = [];
    for (const { share } of this.slots.values()) {
      out.push({ ownerId: share.ownerId, remoteId: share.remoteId });
      if (share.recipientId && share.targetRemoteId)
        out.push({ ownerId: share.recipientId, remoteId: share.targetRemoteId });
    }
    return out;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const id of [...this.slots.keys()]) {
      const running = this.slots.get(id)?.running;
      this.unwatch(id);
      await running;
    }
    for (const stop of this.listening.values()) stop.abort();
    this.listening.clear();
  }
}
