// Shapes the gateway's analytics services return (the GraphQL types mirror them).
import type { CleanupItem, CleanupKind } from '@syncoxide/analytics';
import type { RemoteRecord } from '@syncoxide/graph';
import type { RuleRow } from '../rules/rules.repository.js';

export interface RemoteStorage {
  remote: RemoteRecord;
  files: number;
  bytes: number;
  connected: boolean;
  error: string | null;
  used: number | null;
  free: number | null;
  total: number | null;
}

export interface StorageHealth {
  remotes: { remote: RemoteRecord; connected: boolean; error: string | null }[];
  rules: {
    rule: RuleRow;
    enabled: boolean;
    lastRunAt: Date | null;
    result: string | null;
    reason: string | null;
    pendingToPath1: number;
    pendingToPath2: number;
  }[];
  journal: { pending: number; pendingBytes: number; failed: number };
  indexerLag: number | null;
  indexerLagError: string | null;
}

export interface CleanupReportView {
  id: string;
  kind: CleanupKind;
  createdAt: number;
  items: CleanupItem[];
  totalItems: number;
  groups: number;
  reclaimableBytes: number;
  truncated: boolean;
  notes: string[];
}

export type CleanupActionKind = 'trash' | 'purge';

export interface PlanItem {
  item: CleanupItem;
  action: CleanupActionKind;
  /** Duplicates: the copy that stays; the item is left alone unless it is still there unchanged. */
  kept?: CleanupItem;
}

export interface CleanupPlanView {
  id: string;
  reportId: string;
  createdAt: number;
  items: PlanItem[];
  files: number;
  bytes: number;
  executedAt: number | null;
}

export interface CleanupResultView {
  planId: string;
  done: PlanItem[];
  skipped: { item: CleanupItem; reason: string }[];
  files: number;
  freedBytes: number;
}
