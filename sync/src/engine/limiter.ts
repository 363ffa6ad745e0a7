// Concurrency bounded per remote: an operation takes a slot on every remote it touches.
// Slots are taken in a fixed (sorted) order, so two operations between the same remotes in
// opposite directions cannot each hold one and wait for the other.
import PQueue from 'p-queue';

export class RemoteLimiter {
  private readonly queues = new Map<string, PQueue>();

  constructor(private readonly perRemote: number | ((remote: string) => number)) {}

  private queue(remote: string): PQueue {
    let q = this.queues.get(remote);
    if (!q) {
      const n = typeof this.perRemote === 'number' ? this.perRemote : this.perRemote(remote);
      q = new PQueue({ concurrency: Math.max(1, n) });
      this.queues.set(remote, q);
    }
    return q;
  }

  run<T>(remotes: (string | null)[], fn: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(remotes.filter((r): r is string => r !== null))].sort();
    const nest = (i: number): Promise<T> =>
      i === sorted.length ? fn() : (this.queue(sorted[i]!).add(() => nest(i + 1)) as Promise<T>);
    return nest(0);
  }
}
