// A sync rule: which two places are kept in sync, how, and with which guards. Validated with
// zod at the edge (stored JSON, API input) so the planner only ever sees well-formed rules.
import { SyncoxideError } from '@syncoxide/core';
import { z } from 'zod';
import { normalizePath } from '../providers/common/paths.js';

export const SIDES = ['path1', 'path2'] as const;
export type Side = (typeof SIDES)[number];
export const otherSide = (side: Side): Side => (side === 'path1' ? 'path2' : 'path1');

export const SyncEndpoint = z.object({
  /** Id of the remote (a configured provider) this side lives on. */
  remote: z.string().min(1),
  /** Folder inside the remote, '' for its root. */
  path: z
    .string()
    .default('')
    .transform((p, ctx) => {
      try {
        return normalizePath(p);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    }),
});
export type SyncEndpoint = z.infer<typeof SyncEndpoint>;

export const SyncMode = z.enum(['copy', 'one-way', 'move', 'two-way']);
export type SyncMode = z.infer<typeof SyncMode>;
export const CompareKind = z.enum(['size', 'modtime', 'checksum']);
export type CompareKind = z.infer<typeof CompareKind>;
export const KeepMode = z.enum(['newer', 'older', 'larger', 'smaller', 'path1', 'path2']);
export type KeepMode = z.infer<typeof KeepMode>;

export const MaxDelete = z
  .object({
    /** Abort when a run would delete more than this share of a side's files. */
    percent: z.number().min(0).max(100).optional(),
    /** Abort when a run would delete more than this many files in all. */
    count: z.number().int().min(0).optional(),
  })
  .default({ percent: 50 });
export type MaxDelete = z.infer<typeof MaxDelete>;

export const SyncRule = z
  .object({
    id: z.string().min(1),
    ownerId: z.string().min(1),
    /** For copy, one-way and move, path1 is the source. */
    path1: SyncEndpoint,
    path2: SyncEndpoint,
    mode: SyncMode,
    compare: z.array(CompareKind).min(1).default(['size', 'modtime']),
    keep: KeepMode.default('newer'),
    /** Three-way merge of small text files changed on both sides (two-way only). */
    autoMerge: z.boolean().default(false),
    include: z.array(z.string().min(1)).default([]),
    exclude: z.array(z.string().min(1)).default([]),
    maxDelete: MaxDelete,
    /** Periodic reconcile interval in seconds; null: only on demand. */
    scheduleSeconds: z.number().int().positive().nullable().default(null),
    /** Driven by change feeds (graph diffs) between scheduled passes. */
    realTime: z.boolean().default(false),
    enabled: z.boolean().default(true),
  })
  .superRefine((rule, ctx) => {
    const a = rule.path1;
    const b = rule.path2;
    const within = (x: string, y: string) => x === y || y === '' || x.startsWith(`${y}/`);
    if (a.remote === b.remote && (within(a.path, b.path) || within(b.path, a.path))) {
      ctx.addIssue({ code: 'custom', path: ['path2'], message: 'path1 and path2 must not overlap' });
    }
  });
export type SyncRule = z.infer<typeof SyncRule>;
export type SyncRuleInput = z.input<typeof SyncRule>;

/** Validates a rule; bad input is an INVALID_INPUT naming each problem. */
export function parseRule(input: unknown): SyncRule {
  const result = SyncRule.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new SyncoxideError('INVALID_INPUT', `invalid sync rule: ${problems.join('; ')}`);
  }
  return result.data;
}
