'use client';
// Cleanup: make a report (duplicates, large or old files, empty folders, conflict copies, similar
// photos, trash), pick items, see what a dry run would do, execute it, and undo through the trash.
import { useApolloClient } from '@apollo/client/react';
import Link from 'next/link';
import { useState } from 'react';
import { useNotices } from '../../../components/Notices';
import { Empty } from '../../../components/States';
import { EXECUTE_CLEANUP, MAKE_CLEANUP_REPORT, PLAN_CLEANUP } from '../../../lib/analytics-operations';
import { errorMessage, formatBytes, formatDate } from '../../../lib/format';
import type {
  CleanupKind,
  ExecuteCleanupMutation,
  MakeCleanupReportMutation,
  PlanCleanupMutation,
} from '../../../lib/gql/graphql';
import { RESTORE_FILE } from '../../../lib/operations';

const KINDS: { value: CleanupKind; label: string; help: string }[] = [
  {
    value: 'DUPLICATES',
    label: 'Duplicates',
    help: 'Same content (MD5 and size) in several places; one copy per group always stays.',
  },
  { value: 'LARGE_FILES', label: 'Large files', help: 'Files of at least the size below.' },
  { value: 'OLD_FILES', label: 'Old files', help: 'Files not modified for the months below.' },
  {
    value: 'EMPTY_FOLDERS',
    label: 'Empty folders',
    help: 'Folders with nothing (or almost nothing) below them.',
  },
  {
    value: 'CONFLICT_COPIES',
    label: 'Conflict copies',
    help: 'Copies the sync engine kept when a file changed on both sides.',
  },
  {
    value: 'SIMILAR_PHOTOS',
    label: 'Similar photos',
    help: 'Photos that look alike (bursts, resized or re-encoded copies); the one with the most pixels stays.',
  },
  { value: 'TRASH', label: 'Trash', help: 'What the trash holds; cleaning it deletes for good.' },
];

type Report = MakeCleanupReportMutation['makeCleanupReport'];
type Plan = PlanCleanupMutation['planCleanup'];
type Result = ExecuteCleanupMutation['executeCleanup'];

export default function CleanupPage() {
  const client = useApolloClient();
  const { notify } = useNotices();
  const [kind, setKind] = useState<CleanupKind>('DUPLICATES');
  const [minSizeMb, setMinSizeMb] = useState('100');
  const [months, setMonths] = useState('24');
  const [report, setReport] = useState<Report | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [plan, setPlan] = useState<Plan | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const step = async (name: string, work: () => Promise<void>) => {
    setBusy(name);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(errorMessage(err));
    }
    setBusy(null);
  };

  const makeReport = () =>
    step('report', async () => {
      const r = await client.mutate({
        mutation: MAKE_CLEANUP_REPORT,
        variables: {
          kind,
          options: {
            ...(kind === 'LARGE_FILES' ? { minSize: Number(minSizeMb) * 1e6 } : {}),
            ...(kind === 'OLD_FILES' ? { olderThanMonths: Number(months) } : {}),
          },
        },
      });
      const rep = r.data?.makeCleanupReport ?? null;
      setReport(rep);
      setPicked(new Set(rep?.items.filter((i) => !i.keep).map((i) => i.id)));
      setPlan(null);
      setResult(null);
    });

  const dryRun = () =>
    step('plan', async () => {
      if (!report) return;
      const r = await client.mutate({
        mutation: PLAN_CLEANUP,
        variables: { reportId: report.id, itemIds: [...picked] },
      });
      setPlan(r.data?.planCleanup ?? null);
      setResult(null);
    });

  const execute = () =>
    step('execute', async () => {
      if (!plan) return;
      const r = await client.mutate({ mutation: EXECUTE_CLEANUP, variables: { planId: plan.id } });
      const res = r.data?.executeCleanup ?? null;
      setResult(res);
      notify('success', `Cleanup freed ${formatBytes(res?.freedBytes)} (${res?.files} files)`);
      await client.refetchQueries({ include: 'active' });
    });

  const undo = () =>
    step('undo', async () => {
      const trashed = result?.done.filter((d) => d.action === 'TRASH') ?? [];
      for (const d of trashed) await client.mutate({ mutation: RESTORE_FILE, variables: { id: d.item.id } });
      notify('success', `Restored ${trashed.length} items from the trash`);
      setResult(null);
      setPlan(null);
      await client.refetchQueries({ include: 'active' });
    });

  const kindInfo = KINDS.find((k) => k.value === kind)!;
  return (
    <section className="cleanup">
      <h1>Cleanup</h1>
      <form
        aria-label="Cleanup report"
        onSubmit={(e) => {
          e.preventDefault();
          void makeReport();
        }}
      >
        <label htmlFor="cleanup-kind">Find</label>
        <select id="cleanup-kind" value={kind} onChange={(e) => setKind(e.target.value as CleanupKind)}>
          {KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
        <p className="muted">{kindInfo.help}</p>
        {kind === 'LARGE_FILES' && (
          <>
            <label htmlFor="cleanup-size">At least (MB)</label>
            <input
              id="cleanup-size"
              type="number"
              min={0}
              value={minSizeMb}
              onChange={(e) => setMinSizeMb(e.target.value)}
            />
          </>
        )}
        {kind === 'OLD_FILES' && (
          <>
            <label htmlFor="cleanup-months">Not modified for (months)</label>
            <input
              id="cleanup-months"
              type="number"
              min={1}
              value={months}
              onChange={(e) => setMonths(e.target.value)}
            />
          </>
        )}
        <div className="actions">
          <button type="submit" className="primary" disabled={busy !== null}>
            {busy === 'report' ? 'Looking…' : 'Make report'}
          </button>
        </div>
      </form>
      {error && (
        <p role="alert" className="bad">
          {error}
        </p>
      )}
      <div data-state="loaded">
        {!report ? (
          <p className="muted">
            Choose what to look for and make a report; nothing changes until you execute a plan.
          </p>
        ) : report.totalItems === 0 ? (
          <Empty title="Nothing to clean up">
            <p>This report found nothing.</p>
          </Empty>
        ) : (
          <>
            <h2>Report</h2>
            <p>
              {report.totalItems} items{report.groups ? ` in ${report.groups} groups` : ''},{' '}
              {formatBytes(report.reclaimableBytes)} reclaimable{report.truncated && ' (list truncated)'} ·{' '}
              <a href={report.csvUrl}>CSV</a> · <a href={report.jsonUrl}>JSON</a>
            </p>
            {report.notes.map((n) => (
              <p key={n} className="muted">
                {n}
              </p>
            ))}
            <ul className="cleanup-items">
              {report.items.map((i) => (
                <li key={i.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={picked.has(i.id)}
                      onChange={() =>
                        setPicked((s) => {
                          const n = new Set(s);
                          if (n.has(i.id)) n.delete(i.id);
                          else n.add(i.id);
                          return n;
                        })
                      }
                    />{' '}
                    {i.path}{' '}
                    <span className="muted">
                      {formatBytes(i.size)} · {formatDate(i.mtime)}
                    </span>
                    {i.keep && <span className="ok"> (kept copy)</span>}
                  </label>
                </li>
              ))}
            </ul>
            <div className="actions">
              <button
                type="button"
                onClick={() => void dryRun()}
                disabled={busy !== null || picked.size === 0}
              >
                {busy === 'plan' ? 'Planning…' : `Dry run (${picked.size} picked)`}
              </button>
            </div>
          </>
        )}
        {plan && !result && (
          <>
            <h2>Dry run</h2>
            <p>
              Would free {formatBytes(plan.bytes)} from {plan.files} files:
            </p>
            <ul>
              {plan.items.map((p) => (
                <li key={p.item.id}>
                  {p.action === 'TRASH' ? 'Move to trash' : 'Delete for good'}: {p.item.path}
                </li>
              ))}
            </ul>
            <div className="actions">
              <button
                type="button"
                className="danger"
                onClick={() => void execute()}
                disabled={busy !== null}
              >
                {busy === 'execute' ? 'Cleaning…' : 'Execute'}
              </button>
            </div>
          </>
        )}
        {result && (
          <>
            <h2>Done</h2>
            <p role="status">
              Freed {formatBytes(result.freedBytes)} from {result.files} files.
              {result.skipped.length > 0 && ` ${result.skipped.length} left alone.`}
            </p>
            {result.skipped.length > 0 && (
              <ul>
                {result.skipped.map((s) => (
                  <li key={s.item.id}>
                    {s.item.path}: {s.reason}
                  </li>
                ))}
              </ul>
            )}
            {result.done.some((d) => d.action === 'TRASH') && (
              <p>
                Trashed items can come back:{' '}
                <button type="button" onClick={() => void undo()} disabled={busy !== null}>
                  Undo (restore from trash)
                </button>{' '}
                or pick them in the <Link href="/trash">Trash</Link>.
              </p>
            )}
          </>
        )}
      </div>
    </section>
  );
}
