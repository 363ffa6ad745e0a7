import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type EditOp, planEdits } from './edit-plan.js';

type Grid = number[][];

const gridOf = (w: number, h: number): Grid =>
  Array.from({ length: h }, (_, y) => Array.from({ length: w }, (_, x) => y * w + x));

function rotateCw(g: Grid): Grid {
  const h = g.length;
  const w = g[0]!.length;
  return Array.from({ length: w }, (_, y) => Array.from({ length: h }, (_, x) => g[h - 1 - x]![y]!));
}

function apply(g: Grid, op: EditOp): Grid {
  if (op.op === 'rotate') {
    let out = g;
    for (let i = 0; i < (((op.degrees / 90) % 4) + 4) % 4; i++) out = rotateCw(out);
    return out;
  }
  if (op.op === 'crop')
    return g.slice(op.top, op.top + op.height).map((row) => row.slice(op.left, op.left + op.width));
  throw new Error('not simulated');
}

test('any sequence of rotations and crops folds into one rotate-then-crop', () => {
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 16807) % 2147483647;
    return seed % n;
  };
  for (let trial = 0; trial < 300; trial++) {
    const source = gridOf(5 + rnd(6), 4 + rnd(6));
    let sequential = source;
    const ops: EditOp[] = [];
    for (let k = 0; k < 1 + rnd(5); k++) {
      const h = sequential.length;
      const w = sequential[0]!.length;
      const op: EditOp =
        rnd(2) === 0
          ? { op: 'rotate', degrees: [90, 180, 270, -90][rnd(4)]! }
          : (() => {
              const left = rnd(w);
              const top = rnd(h);
              return { op: 'crop', left, top, width: 1 + rnd(w - left), height: 1 + rnd(h - top) };
            })();
      ops.push(op);
      sequential = apply(sequential, op);
    }
    const plan = planEdits(source[0]!.length, source.length, ops);
    const folded = apply(apply(source, { op: 'rotate', degrees: plan.angle }), { op: 'crop', ...plan.crop });
    assert.deepEqual(folded, sequential, JSON.stringify(ops));
    assert.equal(plan.width, sequential[0]!.length);
    assert.equal(plan.height, sequential.length);
  }
});

test('resizes fit inside the box and crops after a resize map back to source pixels', () => {
  assert.deepEqual(planEdits(4000, 3000, [{ op: 'resize', width: 1000 }]), {
    angle: 0,
    crop: { left: 0, top: 0, width: 4000, height: 3000 },
    width: 1000,
    height: 750,
  });
  const plan = planEdits(4000, 3000, [
    { op: 'resize', width: 400, height: 400 },
    { op: 'rotate', degrees: 90 },
    { op: 'crop', left: 0, top: 0, width: 150, height: 200 },
  ]);
  assert.deepEqual(plan, {
    angle: 90,
    crop: { left: 0, top: 0, width: 1500, height: 2000 },
    width: 150,
    height: 200,
  });
});

test('bad edits are INVALID_INPUT', () => {
  const bad: EditOp[][] = [
    [{ op: 'rotate', degrees: 45 }],
    [{ op: 'crop', left: 0, top: 0, width: 101, height: 10 }],
    [{ op: 'crop', left: -1, top: 0, width: 10, height: 10 }],
    [{ op: 'resize' }],
    [{ op: 'resize', width: 0 }],
    [{ op: 'resize', width: 1_000_000 }],
    [{ op: 'skew' } as unknown as EditOp],
  ];
  for (const ops of bad)
    assert.throws(() => planEdits(100, 100, ops), { code: 'INVALID_INPUT' }, JSON.stringify(ops));
});
