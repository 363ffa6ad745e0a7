// Child process of the crash test: runs one sync of the rule it is given (real PostgreSQL,
// real local providers) and exits 0 when the run finished. The parent SIGKILLs it at random
// moments and starts it again; each start first finishes what the journal says is open.
import pg from 'pg';
import { SyncEngine } from '../../src/engine/runner.js';
import { createJournal } from '../../src/journal/index.js';
import { createLocalProvider } from '../../src/providers/local/index.js';

interface Job {
  pgUrl: string;
  schema: string;
  rule: Parameters<SyncEngine['run']>[0];
  roots: Record<string, string>;
  partBytes: number;
  leaseMs: number;
}

const job = JSON.parse(process.env.SYNCOXIDE_CRASH_JOB ?? '{}') as Job;
const pool = new pg.Pool({ connectionString: job.pgUrl, max: 12 });
const providers = new Map<string, Awaited<ReturnType<typeof createLocalProvider>>>();
for (const [remote, root] of Object.entries(job.roots))
  providers.set(remote, await createLocalProvider(root));
const engine = new SyncEngine({
  journal: createJournal(pool, job.schema),
  provider: (remote) => providers.get(remote)!,
  partBytes: job.partBytes,
  leaseMs: job.leaseMs,
  lockTtlMs: job.leaseMs,
  concurrency: 6,
  perRemote: 4,
});
engine.events.on('op:progress', () => {});
const report = await engine.run(job.rule, { waitForLockMs: 10 * job.leaseMs });
process.stdout.write(
  `${JSON.stringify({ result: report.result, errors: report.errors, moved: report.moved })}\n`,
);
await pool.end();
process.exit(report.result === 'ok' || report.result === 'unchanged' ? 0 : 1);
