// The I/O half of planning: runs the pure planner, fetches what it asked for (hashes of
// files whose listing lacks them, contents for a merge), and plans again until it asks for
// nothing more. Hashes are computed a few at a time per side.
import PQueue from 'p-queue';
import type { Provider } from '../providers/types.js';
import { fullPath } from './listing.js';
import { MERGE_MAX_BYTES } from './merge.js';
import type { Plan } from './plan-types.js';
import { type PlanInput, planRun } from './planner.js';
import type { Side, SyncRule } from './rule.js';

const MAX_PASSES = 5;

async function readAll(p: Provider, path: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await p.read(path)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function planWithFetches(
  input: PlanInput,
  providers: Record<Side, Provider>,
  rule: SyncRule,
  concurrency = 8,
): Promise<Plan> {
  let plan = planRun(input);
  for (let pass = 1; pass < MAX_PASSES; pass++) {
    const { hashes, contents, stats } = plan.needs;
    if (hashes.length === 0 && contents.length === 0 && stats.length === 0) return plan;
    const queue = new PQueue({ concurrency });
    const tasks: Promise<void>[] = [];
    const seen = new Set<string>();
    for (const need of hashes) {
      const key = `${need.side}\0${need.path}\0${need.type}`;
      const entry = input.listings[need.side].get(need.path);
      if (seen.has(key) || !entry || entry.hashes[need.type]) continue;
      seen.add(key);
      tasks.push(
        queue.add(async () => {
          const value = await providers[need.side].hash(fullPath(rule[need.side], need.path), need.type);
          const now = input.listings[need.side].get(need.path)!;
          input.listings[need.side].set(need.path, { ...now, hashes: { ...now.hashes, [need.type]: value } });
        }),
      );
    }
    const statted = input.statted ?? new Set<string>();
    for (const { side, path } of stats) {
      const key = `${side}\0${path}`;
      if (statted.has(key)) continue;
      statted.add(key);
      tasks.push(
        queue.add(async () => {
          const e = await providers[side].stat(fullPath(rule[side], path));
          if (e) input.listings[side].set(path, { ...e, path });
        }),
      );
    }
    input.statted = statted;
    const fetched = input.contents ?? new Map();
    for (const path of new Set(contents)) {
      const e1 = input.listings.path1.get(path);
      const e2 = input.listings.path2.get(path);
      if (!e1 || !e2 || e1.size > MERGE_MAX_BYTES || e2.size > MERGE_MAX_BYTES || fetched.has(path)) continue;
      tasks.push(
        queue.add(async () => {
          const [path1, path2] = await Promise.all([
            readAll(providers.path1, fullPath(rule.path1, path)),
            readAll(providers.path2, fullPath(rule.path2, path)),
          ]);
          fetched.set(path, { path1, path2 });
        }),
      );
    }
    await Promise.all(tasks);
    input.contents = fetched;
    plan = planRun(input);
  }
  return plan;
}
