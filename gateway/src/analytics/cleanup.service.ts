// Cleanup: reports (made by the analytics package, stored so downloads and plans refer to what
// the user saw), plans (the dry run: exactly what would go), and their execution through the
// gateway's file operations — trash (restorable) or, for the trash report, purge. Before each
// step the item is checked against the graph and the provider: anything that changed since the
// report (revision, size, mtime, hash) or a duplicate whose kept copy changed is left alone.
import { randomUUID } from 'node:crypto';
import type { Client } from '@opensearch-project/opensearch';
import {
  type CleanupItem,
  type CleanupKind,
  type CleanupReportData,
  duplicatesReport,
  emptyFoldersReport,
  groupDuplicates,
  type ItemDoc,
  type SimilarPhoto,
  similarPhotosReport,
  simpleReport,
} from '@syncoxide/analytics';
import { SyncoxideError } from '@syncoxide/core';
import type { GraphStore, StoredNode } from '@syncoxide/graph';
import type { Provider } from '@syncoxide/sync';
import type { FileOpsService } from '../files/ops.service.js';
import { notFound } from '../ids.js';
import type { PhotosService } from '../photos/photos.service.js';
import type { ProviderPool } from '../remotes/providers.js';
import type { RemotesService } from '../remotes/remotes.service.js';
import type { CleanupPlanView, CleanupReportView, CleanupResultView, PlanItem } from './analytics.types.js';
import type { ReportsRepository } from './reports.repository.js';

const MONTH = 30 * 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ReportOptions {
  remoteId: string | null;
  minSize: number | null;
  olderThanMonths: number | null;
  maxFiles: number | null;
  limit: number | null;
}

export interface PlanOptions {
  nodeIds: string[] | null;
  keep: 'oldest' | 'newest';
  keepRemoteId: string | null;
}

export interface CleanupDeps {
  search: Client;
  indexPrefix: string;
  repo: ReportsRepository;
  graph: GraphStore;
  ops: FileOpsService;
  providers: ProviderPool;
  remotes: RemotesService;
  /** The photo library's near-duplicate groups (perceptual hash), for SIMILAR_PHOTOS. */
  photos: Pick<PhotosService, 'duplicates'>;
}

/** A photo node as a report line: its file state, and its displayed size to choose the keeper. */
function similarPhoto(node: StoredNode): SimilarPhoto {
  const photo = (node.extra.photo ?? {}) as { width?: unknown; height?: unknown };
  const dimension = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    nodeId: node.id,
    remoteId: node.remoteId,
    kind: 'file',
    path: node.path,
    name: node.name,
    size: node.size,
    mtime: node.mtime,
    md5: node.md5,
    revision: node.revision,
    width: dimension(photo.width),
    height: dimension(photo.height),
  };
}

function option(name: string, value: number | null, fallback: number, min: number, max: number): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v < min || v > max || (max <= 1e6 && !Number.isInteger(v)))
    throw new SyncoxideError('INVALID_INPUT', `${name} must be from ${min} to ${max}`);
  return v;
}

export class CleanupService {
  constructor(private readonly d: CleanupDeps) {}

  async makeReport(callerId: string, kind: CleanupKind, o: ReportOptions): Promise<CleanupReportView> {
    if (o.remoteId) await this.d.remotes.get(callerId, o.remoteId);
    const limit = option('limit', o.limit, 1000, 1, 10_000);
    const scope = { ownerId: callerId, remoteId: o.remoteId };
    const { search, indexPrefix } = this.d;
    let data: CleanupReportData;
    switch (kind) {
      case 'duplicates':
        data = await duplicatesReport(search, indexPrefix, scope, {
          limit,
          hashOf: (doc) => this.hashOf(callerId, doc),
        });
        break;
      case 'empty_folders':
        data = await emptyFoldersReport(search, indexPrefix, scope, {
          limit,
          maxFiles: option('maxFiles', o.maxFiles, 0, 0, 1000),
        });
        break;
      case 'large_files':
        data = await simpleReport(search, indexPrefix, kind, scope, {
          limit,
          minSize: option('minSize', o.minSize, 100 * 1024 ** 2, 0, Number.MAX_SAFE_INTEGER),
        });
        break;
      case 'old_files': {
        const months = option('olderThanMonths', o.olderThanMonths, 24, 1, 600);
        data = await simpleReport(search, indexPrefix, kind, scope, {
          limit,
          before: Date.now() - months * MONTH,
        });
        break;
      }
      case 'trash':
      case 'conflict_copies':
        data = await simpleReport(search, indexPrefix, kind, scope, { limit });
        break;
      case 'similar_photos': {
        // Compared across every remote (like exact duplicates); a remote scope keeps the
        // groups with a photo there.
        const groups = (await this.d.photos.duplicates(callerId)).filter(
          (g) => !o.remoteId || g.some((n) => n.remoteId === o.remoteId),
        );
        data = similarPhotosReport(
          groups.map((g) => g.map(similarPhoto)),
          { limit },
        );
        break;
      }
      default:
        throw new SyncoxideError('INVALID_INPUT', `unknown report ${String(kind)}`);
    }
    const report: CleanupReportView = { id: randomUUID(), createdAt: Date.now(), ...data };
    await this.d.repo.saveReport(callerId, report);
    return report;
  }

  /** MD5 of a file the index has no hash for, read from its provider if it is still the same size. */
  private async hashOf(callerId: string, doc: ItemDoc): Promise<string | null> {
    const p = await this.d.providers.get(callerId, doc.remoteId);
    const entry = await p.stat(doc.path);
    if (entry?.kind !== 'file' || entry.size !== doc.size) return null;
    return entry.hashes.md5 ?? (await p.hash(doc.path, 'md5'));
  }

  async report(callerId: string, id: string): Promise<CleanupReportView> {
    const report = UUID.test(id) ? await this.d.repo.report(callerId, id) : null;
    if (!report) throw notFound();
    return report;
  }

  /** The dry run: which items would go and what that frees. Nothing changes. */
  async plan(callerId: string, reportId: string, o: PlanOptions): Promise<CleanupPlanView> {
    const report = await this.report(callerId, reportId);
    if (o.keepRemoteId) await this.d.remotes.get(callerId, o.keepRemoteId);
    const chosen = o.nodeIds ? new Set(o.nodeIds) : null;
    if (chosen && chosen.size > 10_000)
      throw new SyncoxideError('INVALID_INPUT', 'at most 10000 items per plan');
    if (chosen && [...chosen].some((id) => !report.items.some((i) => i.nodeId === id)))
      throw new SyncoxideError('INVALID_INPUT', 'every item must be one of the report');
    const action = report.kind === 'trash' ? 'purge' : 'trash';
    let items: PlanItem[];
    if (report.kind === 'similar_photos') {
      // The report chose the keeper of each group (most pixels); it is never planned away.
      const kept = new Map(report.items.filter((i) => i.keep).map((i) => [i.group, i]));
      items = report.items
        .filter((i) => !i.keep && (!chosen || chosen.has(i.nodeId)))
        .map((item) => ({ item, action, kept: kept.get(item.group)! }));
    } else if (report.kind === 'duplicates') {
      const groups = groupDuplicates(report.items as Array<ItemDoc & { md5: string }>, {
        newest: o.keep === 'newest',
        preferRemoteId: o.keepRemoteId,
      });
      items = groups.flatMap((g) => {
        const kept = g[0]!;
        return g
          .slice(1)
          .filter((i) => !chosen || chosen.has(i.nodeId))
          .map((item) => ({ item, action, kept }));
      });
    } else {
      items = report.items.filter((i) => !chosen || chosen.has(i.nodeId)).map((item) => ({ item, action }));
    }
    const plan: CleanupPlanView = {
      id: randomUUID(),
      reportId,
      createdAt: Date.now(),
      items,
      files: items.reduce((s, p) => s + (p.item.kind === 'file' ? 1 : p.item.files), 0),
      bytes: items.reduce((s, p) => s + p.item.reclaimableBytes, 0),
      executedAt: null,
    };
    await this.d.repo.savePlan(callerId, plan);
    return plan;
  }

  async execute(callerId: string, planId: string): Promise<CleanupResultView> {
    const plan = UUID.test(planId) ? await this.d.repo.plan(callerId, planId) : null;
    if (!plan) throw notFound();
    if (!(await this.d.repo.claimPlan(callerId, planId)))
      throw new SyncoxideError('CONFLICT', 'this plan was already executed; make a new report');
    const result: CleanupResultView = { planId, done: [], skipped: [], files: 0, freedBytes: 0 };
    for (const p of plan.items) {
      const reason = await this.changedSince(callerId, p).catch(
        (err: unknown) => `failed: ${(err as Error).message}`,
      );
      if (reason) {
        result.skipped.push({ item: p.item, reason });
        continue;
      }
      try {
        if (p.action === 'purge') await this.d.ops.purge(callerId, p.item.nodeId);
        else await this.d.ops.trash(callerId, p.item.nodeId);
        result.done.push(p);
        result.files += p.item.kind === 'file' ? 1 : p.item.files;
        result.freedBytes += p.item.reclaimableBytes;
      } catch (err) {
        result.skipped.push({ item: p.item, reason: `failed: ${(err as Error).message}` });
      }
    }
    await this.d.repo.saveResult(callerId, planId, result);
    return result;
  }

  /** Why an item must be left alone now, or null when it is exactly as reported. */
  private async changedSince(callerId: string, p: PlanItem): Promise<string | null> {
    const why = await this.differs(callerId, p.item, p.action === 'purge');
    if (why) return why;
    if (p.kept) {
      const keptWhy = await this.differs(callerId, p.kept, false);
      if (keptWhy) return `kept copy ${keptWhy}`;
    }
    return null;
  }

  private async differs(callerId: string, item: CleanupItem, inTrash: boolean): Promise<string | null> {
    const node: StoredNode | null = await this.d.graph.node(callerId, item.nodeId).catch(() => null);
    if (!node || node.ownerId !== callerId) return 'gone';
    if (node.trashed !== inTrash) return inTrash ? 'restored' : 'already-trashed';
    if (node.revision !== item.revision) return 'changed';
    if (node.kind === 'file' && !sameFile(node, item)) return 'changed';
    const provider = await this.d.providers.get(callerId, node.remoteId);
    const path = inTrash ? (node.trashedPath ?? node.path) : node.path;
    if (node.kind === 'file') {
      const entry = await provider.stat(path);
      if (!entry) return 'gone';
      if (entry.size !== item.size) return 'changed';
      // Same MD5: the same content, whatever the times say (an S3 listing's time is the upload
      // time, its HEAD the stored mtime, so they never agree for objects listed by a scan).
      const md5 = entry.hashes.md5;
      if (md5 && item.md5) return md5 === item.md5 ? null : 'changed';
      if (entry.mtime !== null && item.mtime !== null && entry.mtime !== item.mtime) return 'changed';
      return null;
    }
    const below = await folderContents(provider, path);
    return below.files === item.files && below.bytes === item.size ? null : 'changed';
  }
}

function sameFile(node: StoredNode, item: CleanupItem): boolean {
  if ((node.size ?? 0) !== item.size) return false;
  if (node.mtime !== null && item.mtime !== null && node.mtime !== item.mtime) return false;
  return !(node.md5 && item.md5 && node.md5 !== item.md5);
}

/** Files and bytes below a folder on the provider (a near-empty folder: a short listing). */
async function folderContents(provider: Provider, path: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for await (const e of provider.list(path, { recursive: true })) {
    if (e.kind !== 'file') continue;
    files++;
    bytes += e.size;
    if (files > 1000) break;
  }
  return { files, bytes };
}
