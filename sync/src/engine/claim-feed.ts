// Hands a phase's rows to workers one at a time, claiming them from the journal in batches
// (one round trip per batch, not per row). Claimed rows wait in `held`, so their leases are
// renewed with the rows in progress and no later claim takes them again.
import type { OpRow, OpsRepository } from '../journal/ops.repository.js';

export class ClaimFeed {
  private readonly buffer: OpRow[] = [];
  private claiming: Promise<void> | null = null;
  private exhausted = false;

  constructor(
    private readonly ops: OpsRepository,
    private readonly runId: string,
    private readonly phase: number,
    private readonly worker: string,
    private readonly leaseMs: number,
    private readonly held: Set<number>,
    private readonly batch: number,
  ) {}

  /** The next row to work on, or null once the phase has nothing claimable. */
  async next(): Promise<OpRow | null> {
    for (;;) {
      const row = this.buffer.shift();
      if (row) return row;
      if (this.exhausted) return null;
      this.claiming ??= this.fill().finally(() => {
        this.claiming = null;
      });
      await this.claiming;
    }
  }

  /** Rows claimed but not handed out (given back when the executor stops). */
  drain(): OpRow[] {
    const rows = this.buffer.splice(0);
    for (const r of rows) this.held.delete(r.id);
    return rows;
  }

  private async fill(): Promise<void> {
    const rows = await this.ops.claimBatch(this.runId, this.phase, this.worker, this.leaseMs, this.batch, [
      ...this.held,
    ]);
    if (rows.length === 0) this.exhausted = true;
    for (const r of rows) {
      this.held.add(r.id);
      this.buffer.push(r);
    }
  }
}
