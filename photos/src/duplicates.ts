// Near-duplicate grouping: photos whose perceptual hashes differ in at most `threshold` bits
// end up in one group, transitively (a burst A≈B≈C groups even if A and C are further apart).
// A BK-tree finds the close pairs without comparing every pair; union-find joins them.
import { hamming, type PHash } from './phash.js';

/** Default distance: resized and re-encoded copies land within ~4 bits, unrelated photos ~32. */
export const DEFAULT_DUPLICATE_THRESHOLD = 10;

interface BkNode {
  hash: PHash;
  ids: number[];
  children: Map<number, BkNode>;
}

/** A metric tree over Hamming distance: a query visits only subtrees that can hold a match. */
export class BkTree {
  private root: BkNode | null = null;

  add(hash: PHash, id: number): void {
    if (!this.root) {
      this.root = { hash, ids: [id], children: new Map() };
      return;
    }
    let node = this.root;
    for (;;) {
      const d = hamming(hash, node.hash);
      if (d === 0) {
        node.ids.push(id);
        return;
      }
      const child = node.children.get(d);
      if (!child) {
        node.children.set(d, { hash, ids: [id], children: new Map() });
        return;
      }
      node = child;
    }
  }

  /** Ids of every hash within `radius` bits of `hash`. */
  within(hash: PHash, radius: number): number[] {
    const found: number[] = [];
    const stack = this.root ? [this.root] : [];
    while (stack.length > 0) {
      const node = stack.pop()!;
      const d = hamming(hash, node.hash);
      if (d <= radius) found.push(...node.ids);
      // Triangle inequality: only children at distance d±radius from this node can match.
      for (const [edge, child] of node.children) {
        if (edge >= d - radius && edge <= d + radius) stack.push(child);
      }
    }
    return found;
  }
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!; // path halving
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

export interface Hashed {
  id: string;
  phash: PHash;
}

/**
 * Groups of near-duplicate photos (two or more each), in input order within and across
 * groups; photos with no near duplicate are left out.
 */
export function groupNearDuplicates(items: Hashed[], threshold = DEFAULT_DUPLICATE_THRESHOLD): string[][] {
  const tree = new BkTree();
  const sets = new UnionFind(items.length);
  for (const [i, item] of items.entries()) {
    for (const j of tree.within(item.phash, threshold)) sets.union(i, j);
    tree.add(item.phash, i);
  }
  const groups = new Map<number, string[]>();
  for (const [i, item] of items.entries()) {
    const root = sets.find(i);
    const group = groups.get(root);
    if (group) group.push(item.id);
    else groups.set(root, [item.id]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}
