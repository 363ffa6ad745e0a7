// `health`: the same report as GET /healthz, for GraphQL clients (the dashboard's status bar).
import { builder } from '../builder.js';
import type { EngineHealth } from '../context.js';

interface EngineRow extends EngineHealth {
  name: string;
}

const HealthStatus = builder.enumType('HealthStatus', { values: ['ok', 'degraded', 'down'] as const });

const EngineStatus = builder.objectRef<EngineRow>('EngineStatus').implement({
  description: 'Reachability of one engine the product depends on.',
  fields: (t) => ({
    name: t.exposeString('name'),
    ok: t.exposeBoolean('ok'),
    version: t.string({ nullable: true, resolve: (e) => e.version ?? null }),
    error: t.string({ nullable: true, resolve: (e) => e.error ?? null }),
  }),
});

const Health = builder
  .objectRef<{ status: 'ok' | 'degraded' | 'down'; engines: EngineRow[] }>('Health')
  .implement({
    fields: (t) => ({
      status: t.field({ type: HealthStatus, resolve: (h) => h.status }),
      engines: t.field({ type: [EngineStatus], resolve: (h) => h.engines }),
    }),
  });

builder.queryField('health', (t) =>
  t.field({
    type: Health,
    resolve: async (_root, _args, ctx) => {
      const report = await ctx.deps.checkHealth();
      return {
        status: report.status,
        engines: Object.entries(report.engines).map(([name, e]) => ({ name, ...e })),
      };
    },
  }),
);
