// Storage statistics for the caller: the analytics package's queries over the search engine
// and the journal, joined with what the gateway knows live (remotes and their providers,
// rules and their status, the indexer's lag).
import type { Client } from '@opensearch-project/opensearch';
import {
  type FolderSize,
  largestFolders,
  type StatBucket,
  type StorageActivity,
  type StorageOverview,
  storageActivity,
  storageOverview,
  type TransferBucket,
  type TransfersRepository,
} from '@syncoxide/analytics';
import { SyncoxideError } from '@syncoxide/core';
import type { RemotesService } from '../remotes/remotes.service.js';
import type { RulesService } from '../rules/rules.service.js';
import type { RemoteStorage, StorageHealth } from './analytics.types.js';

const DAY = 86_400_000;

export interface AnalyticsDeps {
  search: Client;
  indexPrefix: string;
  transfers: TransfersRepository;
  remotes: RemotesService;
  rules: RulesService;
  /** Graph changes the indexer has not applied yet; null when unknown. */
  indexerLag: () => Promise<number>;
}

function bounded(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw new SyncoxideError('INVALID_INPUT', `${name} must be an integer from ${min} to ${max}`);
  return value;
}

export class AnalyticsService {
  constructor(private readonly d: AnalyticsDeps) {}

  /** A remote filter must name one of the caller's remotes (another's reads as missing). */
  private async scope(callerId: string, remoteId: string | null) {
    if (remoteId) await this.d.remotes.get(callerId, remoteId);
    return { ownerId: callerId, remoteId };
  }

  async overview(callerId: string, remoteId: string | null): Promise<StorageOverview> {
    return storageOverview(this.d.search, this.d.indexPrefix, await this.scope(callerId, remoteId));
  }

  async largestFolders(callerId: string, remoteId: string | null, first: number): Promise<FolderSize[]> {
    bounded('first', first, 1, 1000);
    return largestFolders(this.d.search, this.d.indexPrefix, await this.scope(callerId, remoteId), first);
  }

  /** Every remote of the caller with its indexed totals and the provider's usage. */
  async remoteStorage(callerId: string, byRemote: StatBucket[]): Promise<RemoteStorage[]> {
    const remotes = await this.d.remotes.list(callerId);
    return Promise.all(
      remotes.map(async (remote) => {
        const totals = byRemote.find((b) => b.key === remote.id);
        const status = await this.d.remotes.status(callerId, remote.id);
        return { remote, files: totals?.files ?? 0, bytes: totals?.bytes ?? 0, ...status };
      }),
    );
  }

  async transfers(
    callerId: string,
    interval: 'day' | 'month',
    since: Date | null,
  ): Promise<TransferBucket[]> {
    const from = since ?? new Date(Date.now() - (interval === 'day' ? 90 * DAY : 730 * DAY));
    const rules = await this.d.rules.list(callerId);
    return this.d.transfers.perInterval(
      rules.map((r) => r.id),
      interval,
      from,
    );
  }

  async activity(
    callerId: string,
    o: { remoteId: string | null; days: number; untouchedMonths: number; first: number },
  ): Promise<StorageActivity> {
    bounded('days', o.days, 1, 3660);
    bounded('untouchedMonths', o.untouchedMonths, 1, 600);
    bounded('first', o.first, 1, 100);
    return storageActivity(this.d.search, this.d.indexPrefix, await this.scope(callerId, o.remoteId), o);
  }

  async health(callerId: string): Promise<StorageHealth> {
    const [remotes, rules] = await Promise.all([this.d.remotes.list(callerId), this.d.rules.list(callerId)]);
    const [remoteHealth, ruleHealth, journal, lag] = await Promise.all([
      Promise.all(
        remotes.map(async (remote) => {
          const s = await this.d.remotes.status(callerId, remote.id);
          return { remote, connected: s.connected, error: s.error };
        }),
      ),
      Promise.all(
        rules.map(async (rule) => {
          const status = await this.d.rules.status(rule.id);
          return {
            rule,
            enabled: rule.rule.enabled !== false,
            lastRunAt: status ? new Date(status.lastRunAt) : null,
            result: status?.result ?? null,
            reason: status?.reason ?? null,
            pendingToPath1: status?.pending.toPath1 ?? 0,
            pendingToPath2: status?.pending.toPath2 ?? 0,
          };
        }),
      ),
      this.d.transfers.pending(rules.map((r) => r.id)),
      this.d.indexerLag().then(
        (n) => ({ n, error: null }),
        (err: unknown) => ({ n: null, error: (err as Error).message }),
      ),
    ]);
    return {
      remotes: remoteHealth,
      rules: ruleHealth,
      journal,
      indexerLag: lag.n,
      indexerLagError: lag.error,
    };
  }
}
