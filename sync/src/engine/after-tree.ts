// The paths one side will hold once a plan is carried out, with a count of descendants per
// folder so "does anything survive below this folder?" is O(depth), not a scan.
import { parentOf } from '../providers/common/paths.js';

export class AfterTree {
  private readonly paths = new Set<string>();
  private readonly below = new Map<string, number>();

  constructor(initial: Iterable<string> = []) {
    for (const p of initial) this.add(p);
  }

  has(path: string): boolean {
    return this.paths.has(path);
  }

  add(path: string): void {
    if (this.paths.has(path)) return;
    this.paths.add(path);
    this.bump(path, 1);
  }

  remove(path: string): void {
    if (!this.paths.delete(path)) return;
    this.bump(path, -1);
  }

  /** Anything at all strictly below `folder`? */
  hasDescendants(folder: string): boolean {
    return (this.below.get(folder) ?? 0) > 0;
  }

  private bump(path: string, delta: number): void {
    for (let p = parentOf(path); ; p = parentOf(p)) {
      this.below.set(p, (this.below.get(p) ?? 0) + delta);
      if (p === '') break;
    }
  }
}
