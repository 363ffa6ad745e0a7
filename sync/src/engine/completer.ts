// Group commit of finished rows: rows that finish while one journal transaction is in flight
// go into the next, so a run of many small files pays one transaction per group rather than
// one per file. Each caller still waits until its own row is durable (a row counts as done only
// once recorded), and a row whose lease was lost is refused alone without failing the others.
import { type Completion, leaseLost, type OpsRepository } from '../journal/ops.repository.js';

interface Waiting {
  done: Completion;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class Completer {
  private pending: Waiting[] = [];
  private flushing = false;

  constructor(
    private readonly ops: OpsRepository,
    private readonly worker: string,
    private readonly maxGroup = 256,
  ) {}

  /** Resolves once the row is recorded done (with its baseline effect). */
  complete(done: Completion): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ done, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  /** One group commit; a deadlock or serialization failure rolls back whole and is tried again. */
  private async record(group: Waiting[]): Promise<Set<number>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.ops.completeMany(
          this.worker,
          group.map((w) => w.done),
        );
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (attempt >= 5 || (code !== '40P01' && code !== '40001')) throw err;
        await new Promise((r) => setTimeout(r, 20 * attempt));
      }
    }
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      // Rows finishing in this turn of the event loop join the first group.
      await new Promise((r) => setImmediate(r));
      while (this.pending.length > 0) {
        const group = this.pending.splice(0, this.maxGroup);
        try {
          const lost = await this.record(group);
          for (const w of group) {
            if (lost.has(w.done.row.id)) w.reject(leaseLost());
            else w.resolve();
          }
        } catch (err) {
          for (const w of group) w.reject(err);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
