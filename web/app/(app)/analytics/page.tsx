'use client';
// Analytics: what you keep (by category, by remote, sizes, ages), how it grew, what sync rules
// transferred per month, and what changes most or sits untouched.
import { useQuery } from '@apollo/client/react';
import { Bars, Columns } from '../../../components/Charts';
import { ErrorState, Loading } from '../../../components/States';
import { STORAGE_ACTIVITY, STORAGE_OVERVIEW } from '../../../lib/analytics-operations';
import { formatBytes, formatDate } from '../../../lib/format';
import { globalId } from '../../../lib/ids';
import { ME } from '../../../lib/operations';

type Stat = { key: string; files: number; bytes: number };
const filesAndBytes = (b: Stat) => `${b.files} · ${formatBytes(b.bytes)}`;

export default function AnalyticsPage() {
  const overview = useQuery(STORAGE_OVERVIEW);
  const activity = useQuery(STORAGE_ACTIVITY);
  const me = useQuery(ME, { fetchPolicy: 'cache-first' });
  const remoteName = (id: string) =>
    me.data?.remotes.find((r) => r.id === id || r.id === globalId('Remote', id))?.name ?? 'a removed remote';
  const o = overview.data?.storageOverview;
  const a = activity.data?.storageActivity;
  const h = activity.data?.storageHealth;
  return (
    <section className="analytics">
      <h1>Analytics</h1>
      {overview.error ? (
        <ErrorState error={overview.error} retry={() => void overview.refetch()} />
      ) : !o ? (
        <Loading label="Counting your files…" />
      ) : (
        <div data-state="loaded">
          <ul className="stats">
            <li>
              <strong>{o.files}</strong> files
            </li>
            <li>
              <strong>{o.folders}</strong> folders
            </li>
            <li>
              <strong>{formatBytes(o.bytes)}</strong> in all
            </li>
            <li>
              <strong>{formatBytes(o.trashBytes)}</strong> in the trash ({o.trashFiles} files)
            </li>
          </ul>
          <div className="chart-grid">
            <Bars
              caption="By category"
              items={o.byCategory}
              value={(b: Stat) => b.bytes}
              label={filesAndBytes}
            />
            <Bars
              caption="By remote"
              items={o.byRemote.map((b) => ({ ...b, key: remoteName(b.key) }))}
              value={(b: Stat) => b.bytes}
              label={filesAndBytes}
            />
            <Columns
              caption="Growth (total bytes by month of modification)"
              points={o.growth.map((g) => ({ at: g.at, value: g.totalBytes }))}
              format={formatBytes}
            />
            <Columns
              caption="Transfers per month (bytes moved by sync rules)"
              points={(overview.data?.transferStats ?? []).map((t) => ({ at: t.at, value: t.bytes }))}
              format={formatBytes}
            />
            <Bars
              caption="By extension"
              items={o.byExtension}
              value={(b: Stat) => b.bytes}
              label={filesAndBytes}
            />
            <Bars
              caption="File sizes"
              items={o.sizeDistribution}
              value={(b: Stat) => b.files}
              label={filesAndBytes}
            />
            <Bars
              caption="Last modified"
              items={o.ageDistribution}
              value={(b: Stat) => b.files}
              label={filesAndBytes}
            />
          </div>
          <h2>Largest folders</h2>
          {o.largestFolders.length === 0 ? (
            <p className="muted">No folders yet.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Folder</th>
                  <th scope="col">Files</th>
                  <th scope="col">Size</th>
                </tr>
              </thead>
              <tbody>
                {o.largestFolders.map((f) => (
                  <tr key={`${f.remoteId}/${f.path}`}>
                    <td>
                      {remoteName(f.remoteId)}:/{f.path}
                    </td>
                    <td>{f.files}</td>
                    <td>{formatBytes(f.bytes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      <h2>Activity (30 days)</h2>
      {activity.error ? (
        <ErrorState error={activity.error} retry={() => void activity.refetch()} />
      ) : !a || !h ? (
        <Loading />
      ) : (
        <div className="chart-grid">
          <div>
            <h3>Most changed files</h3>
            {a.mostChangedFiles.length === 0 ? (
              <p className="muted">No changes recorded.</p>
            ) : (
              <ol>
                {a.mostChangedFiles.map((f) => (
                  <li key={f.fileId}>
                    {f.path}{' '}
                    <span className="muted">
                      ({f.changes} changes, last {formatDate(f.lastChangedAt)})
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </div>
          <div>
            <h3>Untouched for a year</h3>
            <p>
              {a.untouchedFiles} files, {formatBytes(a.untouchedBytes)}{' '}
              <span className="muted">(not modified since {formatDate(a.untouchedSince)})</span>
            </p>
            <h3>Pipeline</h3>
            <p>
              {h.pendingOperations} operations pending ({formatBytes(h.pendingBytes)}), {h.failedOperations}{' '}
              failed; search index lag:{' '}
              {h.indexerLag ?? <span className="bad">{h.indexerLagError ?? 'unknown'}</span>}
            </p>
          </div>
        </div>
      )}
    </section>
  );
}
