// Analytics: where the space goes (overview, transfers, activity), how healthy the setup is,
// and cleanup reports with plans shown as a dry run before they are executed. Everything is
// the caller's own; reports and plans are stored so a download or an execution refers to
// exactly what the user saw.
import type {
  ActiveFolder,
  ChangedFile,
  ChangePoint,
  CleanupItem,
  FolderSize,
  GrowthPoint,
  RangeBucket,
  RemoteChanges,
  StatBucket,
  StorageActivity,
  StorageOverview,
  TransferBucket,
} from '@syncoxide/analytics';
import type {
  CleanupPlanView,
  CleanupReportView,
  CleanupResultView,
  RemoteStorage,
  StorageHealth,
} from '../analytics/analytics.types.js';
import { builder } from '../builder.js';
import { encodeGlobalId, rawId } from '../ids.js';
import { Remote } from './remote.js';
import { SyncRule } from './rules.js';

const READ = { scope: 'files:read' } as const;
const WRITE = { scope: 'files:write' } as const;
const at = (ms: number) => new Date(ms);
const remoteOf = (raw: string | null) => (raw ? rawId(raw, 'Remote') : null);

const Bucket = builder.objectRef<StatBucket>('StatBucket').implement({
  description: 'Files and bytes of one category, extension or remote.',
  fields: (t) => ({
    key: t.exposeString('key'),
    files: t.exposeInt('files'),
    bytes: t.exposeFloat('bytes'),
  }),
});

const SizeBucket = builder.objectRef<RangeBucket>('SizeBucket').implement({
  description: 'Files whose size is in [from, to) bytes (null: unbounded).',
  fields: (t) => ({
    key: t.exposeString('key'),
    from: t.float({ nullable: true, resolve: (b) => b.from }),
    to: t.float({ nullable: true, resolve: (b) => b.to }),
    files: t.exposeInt('files'),
    bytes: t.exposeFloat('bytes'),
  }),
});

const AgeBucket = builder.objectRef<RangeBucket>('AgeBucket').implement({
  description: 'Files last modified in [from, to) (null: unbounded).',
  fields: (t) => ({
    key: t.exposeString('key'),
    from: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (b) => (b.from === null ? null : at(b.from)),
    }),
    to: t.field({ type: 'DateTime', nullable: true, resolve: (b) => (b.to === null ? null : at(b.to)) }),
    files: t.exposeInt('files'),
    bytes: t.exposeFloat('bytes'),
  }),
});

const Growth = builder.objectRef<GrowthPoint>('GrowthPoint').implement({
  description: 'Files by month of modification, with running totals.',
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (p) => at(p.at) }),
    files: t.exposeInt('files'),
    bytes: t.exposeFloat('bytes'),
    totalFiles: t.exposeInt('totalFiles'),
    totalBytes: t.exposeFloat('totalBytes'),
  }),
});

const Folder = builder.objectRef<FolderSize>('FolderSize').implement({
  description: 'A folder with the files and bytes of everything below it.',
  fields: (t) => ({
    remoteId: t.id({ resolve: (f) => encodeGlobalId('Remote', f.remoteId) }),
    path: t.exposeString('path'),
    files: t.exposeInt('files'),
    bytes: t.exposeFloat('bytes'),
  }),
});

const RemoteStorageRef = builder.objectRef<RemoteStorage>('RemoteStorage').implement({
  description: 'What the caller keeps on one remote, and what its provider reports.',
  fields: (t) => ({
    remote: t.field({ type: Remote, resolve: (r) => r.remote }),
    files: t.exposeInt('files'),
    bytes: t.exposeFloat('bytes'),
    connected: t.exposeBoolean('connected'),
    error: t.exposeString('error', { nullable: true }),
    used: t.float({ nullable: true, resolve: (r) => r.used }),
    free: t.float({ nullable: true, resolve: (r) => r.free }),
    total: t.float({ nullable: true, resolve: (r) => r.total, description: 'The quota, when known.' }),
  }),
});

const Overview = builder
  .objectRef<StorageOverview & { callerId: string; remoteId: string | null }>('StorageOverview')
  .implement({
    fields: (t) => ({
      files: t.exposeInt('files'),
      folders: t.exposeInt('folders'),
      bytes: t.exposeFloat('bytes'),
      trashFiles: t.exposeInt('trashFiles'),
      trashBytes: t.exposeFloat('trashBytes'),
      byCategory: t.field({ type: [Bucket], resolve: (o) => o.byCategory }),
      byExtension: t.field({
        type: [Bucket],
        args: { first: t.arg.int({ defaultValue: 20 }) },
        resolve: (o, a) => o.byExtension.slice(0, Math.max(0, a.first ?? 20)),
      }),
      byRemote: t.field({
        type: [Bucket],
        description: 'Keys are Remote ids.',
        resolve: (o) => o.byRemote.map((b) => ({ ...b, key: encodeGlobalId('Remote', b.key) })),
      }),
      sizeDistribution: t.field({ type: [SizeBucket], resolve: (o) => o.sizeDistribution }),
      ageDistribution: t.field({ type: [AgeBucket], resolve: (o) => o.ageDistribution }),
      growth: t.field({ type: [Growth], resolve: (o) => o.growth }),
      largestFolders: t.field({
        type: [Folder],
        args: { first: t.arg.int({ defaultValue: 10 }) },
        resolve: (o, a, ctx) => ctx.services.analytics.largestFolders(o.callerId, o.remoteId, a.first ?? 10),
      }),
      remotes: t.field({
        type: [RemoteStorageRef],
        description:
          'Per remote: indexed files and bytes, and the provider’s used/free/quota (asks each provider, up to 5 s).',
        resolve: (o, _a, ctx) => ctx.services.analytics.remoteStorage(o.callerId, o.byRemote),
      }),
    }),
  });

builder.queryField('storageOverview', (t) =>
  t.field({
    type: Overview,
    authScopes: READ,
    description: 'Statistics of the caller’s files (not in the trash), of all remotes or one.',
    args: { remoteId: t.arg.id() },
    resolve: async (_r, a, ctx) => {
      const callerId = ctx.caller!.userId;
      const remoteId = remoteOf(a.remoteId ?? null);
      return { ...(await ctx.services.analytics.overview(callerId, remoteId)), callerId, remoteId };
    },
  }),
);

const TransferInterval = builder.enumType('TransferInterval', {
  values: { DAY: { value: 'day' }, MONTH: { value: 'month' } } as const,
});

const Transfer = builder.objectRef<TransferBucket>('TransferBucket').implement({
  description: 'Files and bytes the caller’s sync rules transferred in one day or month (UTC).',
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (b) => at(b.at) }),
    files: t.exposeInt('files'),
    bytes: t.exposeFloat('bytes'),
  }),
});

builder.queryField('transferStats', (t) =>
  t.field({
    type: [Transfer],
    authScopes: READ,
    args: {
      interval: t.arg({ type: TransferInterval, defaultValue: 'day' }),
      since: t.arg({ type: 'DateTime', description: 'Default: 90 days (DAY) or 24 months (MONTH) ago.' }),
    },
    resolve: (_r, a, ctx) =>
      ctx.services.analytics.transfers(ctx.caller!.userId, a.interval ?? 'day', a.since ?? null),
  }),
);

const Changed = builder.objectRef<ChangedFile>('ChangedFile').implement({
  fields: (t) => ({
    fileId: t.id({ resolve: (f) => encodeGlobalId('File', f.nodeId) }),
    remoteId: t.id({ resolve: (f) => encodeGlobalId('Remote', f.remoteId) }),
    path: t.exposeString('path'),
    changes: t.exposeInt('changes'),
    lastChangedAt: t.field({ type: 'DateTime', resolve: (f) => at(f.lastChangedAt) }),
  }),
});

const Active = builder.objectRef<ActiveFolder>('ActiveFolder').implement({
  fields: (t) => ({
    remoteId: t.id({ resolve: (f) => encodeGlobalId('Remote', f.remoteId) }),
    path: t.exposeString('path', { description: "'' is the remote's root." }),
    changes: t.exposeInt('changes'),
    lastChangedAt: t.field({ type: 'DateTime', resolve: (f) => at(f.lastChangedAt) }),
  }),
});

const Point = builder.objectRef<ChangePoint>('ChangePoint').implement({
  fields: (t) => ({
    at: t.field({ type: 'DateTime', resolve: (p) => at(p.at) }),
    created: t.exposeInt('created'),
    modified: t.exposeInt('modified'),
    deleted: t.exposeInt('deleted'),
    moved: t.exposeInt('moved'),
  }),
});

const PerRemote = builder.objectRef<RemoteChanges>('RemoteChanges').implement({
  fields: (t) => ({
    remoteId: t.id({ resolve: (r) => encodeGlobalId('Remote', r.remoteId) }),
    points: t.field({ type: [Point], description: 'Per day, oldest first.', resolve: (r) => r.points }),
  }),
});

const Activity = builder.objectRef<StorageActivity>('StorageActivity').implement({
  fields: (t) => ({
    mostChangedFiles: t.field({ type: [Changed], resolve: (a) => a.mostChangedFiles }),
    activeFolders: t.field({ type: [Active], resolve: (a) => a.activeFolders }),
    untouchedSince: t.field({ type: 'DateTime', resolve: (a) => at(a.untouchedSince) }),
    untouchedFiles: t.exposeInt('untouchedFiles'),
    untouchedBytes: t.exposeFloat('untouchedBytes'),
    changesPerRemote: t.field({ type: [PerRemote], resolve: (a) => a.changesPerRemote }),
  }),
});

builder.queryField('storageActivity', (t) =>
  t.field({
    type: Activity,
    authScopes: READ,
    description: 'From the history of graph changes: what changes most, where, and what sits untouched.',
    args: {
      remoteId: t.arg.id(),
      days: t.arg.int({ defaultValue: 30, description: 'Window of the change counts.' }),
      untouchedMonths: t.arg.int({ defaultValue: 12 }),
      first: t.arg.int({ defaultValue: 10 }),
    },
    resolve: (_r, a, ctx) =>
      ctx.services.analytics.activity(ctx.caller!.userId, {
        remoteId: remoteOf(a.remoteId ?? null),
        days: a.days ?? 30,
        untouchedMonths: a.untouchedMonths ?? 12,
        first: a.first ?? 10,
      }),
  }),
);

const RemoteHealth = builder.objectRef<StorageHealth['remotes'][number]>('RemoteHealth').implement({
  fields: (t) => ({
    remote: t.field({ type: Remote, resolve: (r) => r.remote }),
    connected: t.exposeBoolean('connected'),
    error: t.exposeString('error', { nullable: true }),
  }),
});

const RuleHealth = builder.objectRef<StorageHealth['rules'][number]>('RuleHealth').implement({
  fields: (t) => ({
    rule: t.field({ type: SyncRule, resolve: (r) => r.rule }),
    enabled: t.exposeBoolean('enabled'),
    lastRunAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.lastRunAt }),
    result: t.exposeString('result', {
      nullable: true,
      description: 'ok, partial, failed, aborted, unchanged; null: never ran',
    }),
    reason: t.exposeString('reason', { nullable: true }),
    pendingToPath1: t.exposeInt('pendingToPath1'),
    pendingToPath2: t.exposeInt('pendingToPath2'),
  }),
});

const Health = builder.objectRef<StorageHealth>('StorageHealth').implement({
  fields: (t) => ({
    remotes: t.field({ type: [RemoteHealth], resolve: (h) => h.remotes }),
    rules: t.field({ type: [RuleHealth], resolve: (h) => h.rules }),
    pendingOperations: t.int({
      description: 'Journal operations planned or running.',
      resolve: (h) => h.journal.pending,
    }),
    pendingBytes: t.float({ resolve: (h) => h.journal.pendingBytes }),
    failedOperations: t.int({ resolve: (h) => h.journal.failed }),
    indexerLag: t.int({
      nullable: true,
      description: 'Graph changes not yet in search (all tenants); null when Kafka did not answer.',
      resolve: (h) => h.indexerLag,
    }),
    indexerLagError: t.exposeString('indexerLagError', { nullable: true }),
  }),
});

builder.queryField('storageHealth', (t) =>
  t.field({
    type: Health,
    authScopes: READ,
    resolve: (_r, _a, ctx) => ctx.services.analytics.health(ctx.caller!.userId),
  }),
);

// ---- cleanup ------------------------------------------------------------------------

export const CleanupKindEnum = builder.enumType('CleanupKind', {
  values: {
    DUPLICATES: { value: 'duplicates', description: 'Same MD5 and size, within and across remotes.' },
    EMPTY_FOLDERS: { value: 'empty_folders', description: 'Folders with at most maxFiles files below them.' },
    LARGE_FILES: { value: 'large_files', description: 'Files of at least minSize bytes.' },
    OLD_FILES: { value: 'old_files', description: 'Files not modified for olderThanMonths.' },
    TRASH: { value: 'trash', description: 'What the trash holds (purging frees it).' },
    CONFLICT_COPIES: { value: 'conflict_copies', description: 'Conflict copies the sync engine left.' },
    SIMILAR_PHOTOS: {
      value: 'similar_photos',
      description:
        'Near-duplicate photos (perceptual hash: bursts, resized or re-encoded copies) across remotes; the one with the most pixels is kept.',
    },
  } as const,
});

const ReportOptions = builder.inputType('CleanupReportOptions', {
  fields: (t) => ({
    remoteId: t.id({ description: 'Only this remote (duplicates: still compared across all).' }),
    minSize: t.float({ description: 'LARGE_FILES threshold in bytes (default 100 MiB).' }),
    olderThanMonths: t.int({ description: 'OLD_FILES threshold (default 24).' }),
    maxFiles: t.int({
      description: 'EMPTY_FOLDERS: near-empty up to this many files (default 0: empty only).',
    }),
    limit: t.int({ description: 'Items kept in the report (default 1000, at most 10000).' }),
  }),
});

const Item = builder.objectRef<CleanupItem>('CleanupItem').implement({
  fields: (t) => ({
    id: t.id({ description: 'The File id.', resolve: (i) => encodeGlobalId('File', i.nodeId) }),
    remoteId: t.id({ resolve: (i) => encodeGlobalId('Remote', i.remoteId) }),
    kind: t.exposeString('kind'),
    path: t.exposeString('path'),
    name: t.exposeString('name'),
    size: t.exposeFloat('size'),
    mtime: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (i) => (i.mtime === null ? null : at(i.mtime)),
    }),
    md5: t.exposeString('md5', { nullable: true }),
    revision: t.exposeInt('revision'),
    group: t.exposeString('group', { nullable: true }),
    keep: t.exposeBoolean('keep', {
      description: 'Duplicates and similar photos: the copy kept by default.',
    }),
    files: t.exposeInt('files', { description: 'Folders: files below it.' }),
    reclaimableBytes: t.exposeFloat('reclaimableBytes'),
  }),
});

const Report = builder.objectRef<CleanupReportView>('CleanupReport').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: CleanupKindEnum, resolve: (r) => r.kind }),
    createdAt: t.field({ type: 'DateTime', resolve: (r) => at(r.createdAt) }),
    totalItems: t.exposeInt('totalItems'),
    groups: t.exposeInt('groups'),
    reclaimableBytes: t.exposeFloat('reclaimableBytes'),
    truncated: t.exposeBoolean('truncated'),
    notes: t.exposeStringList('notes'),
    items: t.field({
      type: [Item],
      args: { first: t.arg.int({ defaultValue: 100 }), offset: t.arg.int({ defaultValue: 0 }) },
      resolve: (r, a) =>
        r.items.slice(Math.max(0, a.offset ?? 0), Math.max(0, a.offset ?? 0) + Math.max(0, a.first ?? 100)),
    }),
    csvUrl: t.string({ resolve: (r) => `/analytics/reports/${r.id}.csv` }),
    jsonUrl: t.string({ resolve: (r) => `/analytics/reports/${r.id}.json` }),
  }),
});

builder.queryField('cleanupReport', (t) =>
  t.field({
    type: Report,
    authScopes: READ,
    description: 'A stored report by id (made by makeCleanupReport).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, a, ctx) => ctx.services.cleanup.report(ctx.caller!.userId, String(a.id)),
  }),
);

builder.mutationField('makeCleanupReport', (t) =>
  t.field({
    type: Report,
    authScopes: READ,
    description: 'Builds a cleanup report now and stores it (downloadable as CSV and JSON).',
    args: { kind: t.arg({ type: CleanupKindEnum, required: true }), options: t.arg({ type: ReportOptions }) },
    resolve: (_r, a, ctx) => {
      const o = a.options;
      return ctx.services.cleanup.makeReport(ctx.caller!.userId, a.kind, {
        remoteId: remoteOf(o?.remoteId ?? null),
        minSize: o?.minSize ?? null,
        olderThanMonths: o?.olderThanMonths ?? null,
        maxFiles: o?.maxFiles ?? null,
        limit: o?.limit ?? null,
      });
    },
  }),
);

const Action = builder.enumType('CleanupAction', {
  values: {
    TRASH: { value: 'trash', description: 'Move to the trash (restorable).' },
    PURGE: { value: 'purge', description: 'Delete for good (trash report only).' },
  } as const,
});

const PlanItem = builder
  .objectRef<{ item: CleanupItem; action: 'trash' | 'purge'; kept?: CleanupItem }>('CleanupPlanItem')
  .implement({
    fields: (t) => ({
      item: t.field({ type: Item, resolve: (p) => p.item }),
      action: t.field({ type: Action, resolve: (p) => p.action }),
      kept: t.field({
        type: Item,
        nullable: true,
        description: 'Duplicates and similar photos: the copy that stays (checked unchanged before acting).',
        resolve: (p) => p.kept ?? null,
      }),
    }),
  });

const Plan = builder.objectRef<CleanupPlanView>('CleanupPlan').implement({
  description: 'What a cleanup would do (the dry run); executeCleanup does it.',
  fields: (t) => ({
    id: t.exposeID('id'),
    reportId: t.exposeID('reportId'),
    createdAt: t.field({ type: 'DateTime', resolve: (p) => at(p.createdAt) }),
    items: t.field({ type: [PlanItem], resolve: (p) => p.items }),
    files: t.exposeInt('files'),
    bytes: t.exposeFloat('bytes', { description: 'Bytes the plan frees.' }),
    executedAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (p) => (p.executedAt === null ? null : at(p.executedAt)),
    }),
  }),
});

const DuplicateKeep = builder.enumType('DuplicateKeep', {
  values: { OLDEST: { value: 'oldest' }, NEWEST: { value: 'newest' } } as const,
});

builder.mutationField('planCleanup', (t) =>
  t.field({
    type: Plan,
    authScopes: READ,
    description:
      'A dry run: what cleaning up the report (or the chosen items) would do. Duplicates always keep one copy per group.',
    args: {
      reportId: t.arg.id({ required: true }),
      itemIds: t.arg.idList({ description: 'File ids of the report; default: all of it.' }),
      keep: t.arg({ type: DuplicateKeep, description: 'Duplicates: which copy stays (default OLDEST).' }),
      keepRemoteId: t.arg.id({ description: 'Duplicates: prefer the copy on this remote.' }),
    },
    resolve: (_r, a, ctx) =>
      ctx.services.cleanup.plan(ctx.caller!.userId, String(a.reportId), {
        nodeIds: a.itemIds ? a.itemIds.map((id) => rawId(id, 'File')) : null,
        keep: a.keep ?? 'oldest',
        keepRemoteId: remoteOf(a.keepRemoteId ?? null),
      }),
  }),
);

const Skip = builder.objectRef<{ item: CleanupItem; reason: string }>('CleanupSkip').implement({
  fields: (t) => ({
    item: t.field({ type: Item, resolve: (s) => s.item }),
    reason: t.exposeString('reason', { description: 'changed, gone, already-trashed, failed: …' }),
  }),
});

const Result = builder.objectRef<CleanupResultView>('CleanupResult').implement({
  fields: (t) => ({
    planId: t.exposeID('planId'),
    done: t.field({ type: [PlanItem], resolve: (r) => r.done }),
    skipped: t.field({ type: [Skip], resolve: (r) => r.skipped }),
    files: t.exposeInt('files'),
    freedBytes: t.exposeFloat('freedBytes'),
  }),
});

builder.mutationField('executeCleanup', (t) =>
  t.field({
    type: Result,
    authScopes: WRITE,
    description:
      'Executes a plan once: each item is checked against the provider and the graph first; anything changed since the report is left alone.',
    args: { planId: t.arg.id({ required: true }) },
    resolve: (_r, a, ctx) => ctx.services.cleanup.execute(ctx.caller!.userId, String(a.planId)),
  }),
);
