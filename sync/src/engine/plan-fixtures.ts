// Test fixtures for the planner: listings and baselines from compact descriptions, and a
// pure stand-in for the runner's fetch loop (hashes and contents come from the descriptions).
// Used by *.test.ts only.
import { createHash } from 'node:crypto';
import type { Entry, ProviderCapabilities } from '../providers/types.js';
import type { PlanInput } from './plan-context.js';
import type { Plan } from './plan-types.js';
import { planRun } from './planner.js';
import { parseRule, type Side, type SyncRuleInput } from './rule.js';
import type { BaselineEntry, FileState, Listing } from './state.js';

export type Spec = string | { c: string; t?: number; id?: string } | 'dir';
export type Side1 = Record<string, Spec>;

const T0 = 1_700_000_000_000;
const hash = (type: 'md5' | 'sha1', s: string) => createHash(type).update(s).digest('hex');

export const CAPS: ProviderCapabilities = {
  hashes: [],
  modtime: { supported: true, settable: true, precisionMs: 1 },
  serverSideCopy: true,
  serverSideMove: true,
  nativeSharing: false,
  changeFeed: 'none',
  maxFileSize: null,
  caseSensitive: true,
  emptyFolders: true,
  stableIds: true,
};

function norm(spec: Spec): { c: string; t: number; id: string | null } | 'dir' {
  if (spec === 'dir') return 'dir';
  if (typeof spec === 'string') return { c: spec, t: T0, id: null };
  return { c: spec.c, t: spec.t ?? T0, id: spec.id ?? null };
}

export function listing(side: Side1): { listing: Listing; contents: Map<string, string> } {
  const out: Listing = new Map();
  const contents = new Map<string, string>();
  for (const [path, spec] of Object.entries(side)) {
    const n = norm(spec);
    if (n === 'dir') {
      out.set(path, { path, kind: 'folder', size: 0, mtime: T0, hashes: {}, providerId: null, etag: null });
      continue;
    }
    contents.set(path, n.c);
    const e: Entry = {
      path,
      kind: 'file',
      size: Buffer.byteLength(n.c),
      mtime: n.t,
      hashes: {},
      providerId: n.id,
      etag: `${n.c.length}-${n.t}`,
    };
    out.set(path, e);
  }
  return { listing: out, contents };
}

export function baseline(side: Side1, withContent = false): Map<string, BaselineEntry> {
  const out = new Map<string, BaselineEntry>();
  for (const [path, spec] of Object.entries(side)) {
    const n = norm(spec);
    const state: FileState =
      n === 'dir'
        ? { kind: 'folder', size: 0, mtime: null, providerId: null, etag: null }
        : {
            kind: 'file',
            size: Buffer.byteLength(n.c),
            mtime: n.t,
            md5: hash('md5', n.c),
            sha1: hash('sha1', n.c),
            providerId: n.id,
            etag: `${n.c.length}-${n.t}`,
          };
    const content = n !== 'dir' && withContent ? Buffer.from(n.c) : null;
    out.set(path, { path, kind: state.kind, path1: { ...state }, path2: { ...state }, content });
  }
  return out;
}

export interface Fixture {
  rule: Partial<SyncRuleInput>;
  base?: Side1 | null;
  path1: Side1;
  path2: Side1;
  caps?: Partial<Record<Side, Partial<ProviderCapabilities>>>;
  force?: boolean;
}

/** Plans like the runner: hashes and contents the planner asks for come from the fixture. */
export function plan(f: Fixture): Plan & { fetched: number } {
  const a = listing(f.path1);
  const b = listing(f.path2);
  const contents = { path1: a.contents, path2: b.contents };
  const input: PlanInput = {
    rule: parseRule({
      id: 'r',
      ownerId: 'o',
      path1: { remote: 'one', path: '' },
      path2: { remote: 'two', path: '' },
      mode: 'two-way',
      maxDelete: { percent: 100 },
      ...f.rule,
    }),
    listings: { path1: a.listing, path2: b.listing },
    baseline: baseline(f.base ?? {}, f.rule.autoMerge === true),
    caps: { path1: { ...CAPS, ...f.caps?.path1 }, path2: { ...CAPS, ...f.caps?.path2 } },
    canCopy: { path1: true, path2: true },
    now: new Date('2024-01-31T15:45:00Z'),
    force: f.force ?? false,
  };
  let fetched = 0;
  for (let pass = 0; ; pass++) {
    const p = planRun(input);
    const { hashes, contents: wanted, stats } = p.needs;
    if ((hashes.length === 0 && wanted.length === 0 && stats.length === 0) || pass > 4)
      return { ...p, fetched };
    input.statted ??= new Set();
    for (const { side, path } of stats) input.statted.add(`${side}\0${path}`);
    for (const need of p.needs.hashes) {
      const e = input.listings[need.side].get(need.path)!;
      e.hashes[need.type] = hash(need.type, contents[need.side].get(need.path)!);
      fetched++;
    }
    input.contents ??= new Map();
    for (const path of wanted) {
      input.contents.set(path, {
        path1: Buffer.from(contents.path1.get(path)!),
        path2: Buffer.from(contents.path2.get(path)!),
      });
    }
  }
}

/** Operations in a compact, order-independent form: "copy path1:a → path2:a". */
export function ops(p: Plan): string[] {
  return p.ops
    .map((op) => {
      switch (op.kind) {
        case 'copy':
          return `copy ${op.from.side}:${op.from.path} → ${op.to.side}:${op.to.path}${op.deleteSource ? ' (move)' : ''}`;
        case 'move':
          return `rename ${op.side}:${op.from} → ${op.to}`;
        case 'delete':
          return `delete ${op.at.side}:${op.at.path}`;
        case 'mkdir':
          return `mkdir ${op.at.side}:${op.at.path}`;
        default:
          return `merge ${op.path}: ${JSON.stringify(Buffer.from(op.content, 'base64').toString())}`;
      }
    })
    .sort();
}
