// Sync rules: the rule as the engine defines it (JSON, validated by the engine's schema), its
// status from the journal, and the mutations to create, change, pause, run and delete it.
import type { RuleStatus } from '@syncoxide/sync';
import { builder } from '../builder.js';
import { encodeGlobalId, rawId } from '../ids.js';
import type { RuleRow } from '../rules/rules.repository.js';
import type { RuleRun } from '../rules/rules.service.js';

const RuleStatusRef = builder.objectRef<RuleStatus>('SyncRuleStatus').implement({
  fields: (t) => ({
    lastRunAt: t.field({ type: 'DateTime', resolve: (s) => new Date(s.lastRunAt) }),
    result: t.exposeString('result', { description: 'ok, partial, failed, aborted or unchanged' }),
    reason: t.exposeString('reason', { nullable: true }),
    pendingToPath1: t.int({ resolve: (s) => s.pending.toPath1 }),
    pendingToPath2: t.int({ resolve: (s) => s.pending.toPath2 }),
    movedFiles: t.int({ resolve: (s) => s.moved.files }),
    movedBytes: t.float({ resolve: (s) => s.moved.bytes }),
    operationsDone: t.int({ resolve: (s) => s.operations.done }),
    operationsFailed: t.int({ resolve: (s) => s.operations.failed }),
    errors: t.stringList({ resolve: (s) => s.errors.map((e) => `${e.path}: ${e.code} ${e.message}`) }),
    notes: t.exposeStringList('notes'),
  }),
});

const SyncRunRef = builder.objectRef<RuleRun>('SyncRun').implement({
  description: 'One run of a rule, from the sync journal.',
  fields: (t) => ({
    id: t.exposeID('id'),
    state: t.exposeString('state', { description: 'running, done, partial, failed or aborted' }),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
    summary: t.field({
      type: 'JSON',
      description: 'Counts and outcome of the run.',
      resolve: (r) => r.summary,
    }),
  }),
});

export const SyncRule = builder.objectRef<RuleRow>('SyncRule').implement({
  fields: (t) => ({
    id: t.id({ resolve: (r) => encodeGlobalId('SyncRule', r.id) }),
    name: t.exposeString('name'),
    mode: t.string({ resolve: (r) => String(r.rule.mode) }),
    enabled: t.boolean({ resolve: (r) => r.rule.enabled !== false }),
    rule: t.field({
      type: 'JSON',
      description: 'The rule with remotes as global ids.',
      resolve: (r) => {
        const side = (s: unknown) => {
          const e = s as { remote: string; path: string };
          return { ...e, remote: encodeGlobalId('Remote', e.remote) };
        };
        const { id: _i, ownerId: _o, ...rest } = r.rule;
        return { ...rest, path1: side(r.rule.path1), path2: side(r.rule.path2) };
      },
    }),
    status: t.field({
      type: RuleStatusRef,
      nullable: true,
      description: 'Null until the rule first ran.',
      resolve: (r, _a, ctx) => ctx.services.rules.status(r.id),
    }),
    history: t.field({
      type: [SyncRunRef],
      description: 'Past runs, newest first (at most 100).',
      args: { first: t.arg.int({ defaultValue: 20 }) },
      resolve: (r, a, ctx) => ctx.services.rules.history(r.id, a.first ?? 20),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

/** Rule input from clients names remotes by global id; the engine wants raw ids. */
function ruleInput(args: { name: string; rule?: unknown }) {
  const rule = { ...(args.rule as Record<string, unknown>) };
  for (const side of ['path1', 'path2'] as const) {
    const s = rule[side] as { remote?: unknown } | undefined;
    if (s && typeof s === 'object') rule[side] = { ...s, remote: rawId(s.remote, 'Remote') };
  }
  return { name: args.name, rule };
}

builder.queryField('syncRules', (t) =>
  t.field({
    type: [SyncRule],
    authScopes: { scope: 'sync' },
    resolve: (_r, _a, ctx) => ctx.services.rules.list(ctx.caller!.userId),
  }),
);

builder.queryField('syncRule', (t) =>
  t.field({
    type: SyncRule,
    authScopes: { scope: 'sync' },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_r, a, ctx) => ctx.services.rules.get(ctx.caller!.userId, rawId(a.id, 'SyncRule')),
  }),
);

builder.mutationField('createSyncRule', (t) =>
  t.field({
    type: SyncRule,
    authScopes: { scope: 'sync' },
    args: { name: t.arg.string({ required: true }), rule: t.arg({ type: 'JSON', required: true }) },
    resolve: (_r, a, ctx) => ctx.services.rules.create(ctx.caller!.userId, ruleInput(a)),
  }),
);

builder.mutationField('updateSyncRule', (t) =>
  t.field({
    type: SyncRule,
    authScopes: { scope: 'sync' },
    args: {
      id: t.arg.id({ required: true }),
      name: t.arg.string({ required: true }),
      rule: t.arg({ type: 'JSON', required: true }),
    },
    resolve: (_r, a, ctx) =>
      ctx.services.rules.update(ctx.caller!.userId, rawId(a.id, 'SyncRule'), ruleInput(a)),
  }),
);

builder.mutationField('setSyncRuleEnabled', (t) =>
  t.field({
    type: SyncRule,
    description: 'Pauses (false) or resumes (true) a rule.',
    authScopes: { scope: 'sync' },
    args: { id: t.arg.id({ required: true }), enabled: t.arg.boolean({ required: true }) },
    resolve: (_r, a, ctx) =>
      ctx.services.rules.setEnabled(ctx.caller!.userId, rawId(a.id, 'SyncRule'), a.enabled),
  }),
);

builder.mutationField('runSyncRule', (t) =>
  t.field({
    type: RuleStatusRef,
    description: 'Runs the rule now and answers when the run is over (progress: syncProgress).',
    authScopes: { scope: 'sync' },
    args: { id: t.arg.id({ required: true }), force: t.arg.boolean({ defaultValue: false }) },
    resolve: (_r, a, ctx) =>
      ctx.services.rules.run(ctx.caller!.userId, rawId(a.id, 'SyncRule'), { force: a.force ?? false }),
  }),
);

builder.mutationField('deleteSyncRule', (t) =>
  t.boolean({
    authScopes: { scope: 'sync' },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_r, a, ctx) => {
      await ctx.services.rules.delete(ctx.caller!.userId, rawId(a.id, 'SyncRule'));
      return true;
    },
  }),
);
