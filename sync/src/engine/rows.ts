// Plan operations as journal rows: sides become remotes and full paths on them, and the
// expected state of both ends at plan time is stored beside the operation itself.
import type { NewOp } from '../journal/ops.repository.js';
import { fullPath } from './listing.js';
import type { Plan, PlannedOp } from './plan-types.js';
import type { SyncRule } from './rule.js';
import { expectOf } from './state.js';

type Ends = Pick<NewOp, 'src_remote' | 'src_path' | 'dst_remote' | 'dst_path' | 'src_expect' | 'dst_expect'>;

function ends(rule: SyncRule, op: PlannedOp): Ends {
  const at = (side: 'path1' | 'path2', rel: string) => ({
    remote: rule[side].remote,
    path: fullPath(rule[side], rel),
  });
  switch (op.kind) {
    case 'copy': {
      const from = at(op.from.side, op.from.path);
      const to = at(op.to.side, op.to.path);
      return {
        src_remote: from.remote,
        src_path: from.path,
        dst_remote: to.remote,
        dst_path: to.path,
        src_expect: op.source,
        dst_expect: op.expect,
      };
    }
    case 'move': {
      const from = at(op.side, op.from);
      const to = at(op.side, op.to);
      return {
        src_remote: from.remote,
        src_path: from.path,
        dst_remote: to.remote,
        dst_path: to.path,
        src_expect: op.source,
        dst_expect: { absent: true },
      };
    }
    case 'delete':
    case 'mkdir': {
      const to = at(op.at.side, op.at.path);
      const expect = op.kind === 'delete' ? expectOf(op.expect) : null;
      return {
        src_remote: null,
        src_path: null,
        dst_remote: to.remote,
        dst_path: to.path,
        src_expect: null,
        dst_expect: expect,
      };
    }
    case 'merge': {
      // A merge writes both ends: path1 is stored as the "source" end, path2 as the destination.
      const one = at('path1', op.path);
      const two = at('path2', op.path);
      return {
        src_remote: one.remote,
        src_path: one.path,
        dst_remote: two.remote,
        dst_path: two.path,
        src_expect: op.expect.path1,
        dst_expect: op.expect.path2,
      };
    }
  }
}

export function toRows(rule: SyncRule, plan: Plan): NewOp[] {
  return plan.ops.map((op, seq) => ({ seq, phase: op.phase, kind: op.kind, spec: op, ...ends(rule, op) }));
}
