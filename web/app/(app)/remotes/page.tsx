'use client';
// Remotes: each with its live status and a usage bar, rescan, remove; and the connect form.
import { useApolloClient, useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { ConnectRemoteForm } from '../../../components/ConnectRemoteForm';
import { useNotices } from '../../../components/Notices';
import { Empty, ErrorState, Loading } from '../../../components/States';
import { errorMessage, formatBytes } from '../../../lib/format';
import { ME, REMOTE_STATUS, REMOTES, REMOVE_REMOTE, SCAN_REMOTE } from '../../../lib/operations';

export default function RemotesPage() {
  const { data, loading, error, refetch } = useQuery(REMOTES);
  // Status connects to every provider (up to 5 s each): loaded after the list, not blocking it.
  const status = useQuery(REMOTE_STATUS, { fetchPolicy: 'network-only' });
  const client = useApolloClient();
  const { notify } = useNotices();
  const statusOf = (id: string) => status.data?.remotes.find((r) => r.id === id)?.status;
  const remotes = data?.remotes ?? [];

  const rescan = async (id: string, name: string) => {
    try {
      const r = await client.mutate({ mutation: SCAN_REMOTE, variables: { id } });
      const s = r.data?.scanRemote;
      notify('success', `Rescanned ${name}: ${s?.created} new, ${s?.modified} changed, ${s?.deleted} gone`);
      await client.refetchQueries({ include: 'active' });
    } catch (err) {
      notify('error', `Rescan of ${name} failed: ${errorMessage(err)}`);
    }
  };
  const remove = async (id: string, name: string) => {
    if (!window.confirm(`Forget ${name}? Its files stay on the provider.`)) return;
    try {
      await client.mutate({ mutation: REMOVE_REMOTE, variables: { id }, refetchQueries: [ME, REMOTES] });
      notify('success', `Removed ${name}`);
    } catch (err) {
      notify('error', `Removing ${name} failed: ${errorMessage(err)}`);
    }
  };

  return (
    <section>
      <h1>Remotes</h1>
      {error ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : loading && !data ? (
        <Loading />
      ) : remotes.length === 0 ? (
        <Empty title="No remotes connected" />
      ) : (
        <ul className="cards" data-state="loaded">
          {remotes.map((r) => {
            const s = statusOf(r.id);
            const share = s?.total ? Math.min(1, (s.used ?? 0) / s.total) : null;
            return (
              <li key={r.id} className="card" data-remote={r.name}>
                <h2>
                  <Link href={`/remote/${encodeURIComponent(r.id)}`}>{r.name}</Link>{' '}
                  <span className="muted">{r.type}</span>
                </h2>
                <p className="muted">{r.root}</p>
                <p>
                  {!s ? (
                    <span className="muted">Checking connection…</span>
                  ) : s.connected ? (
                    <span className="ok">● Connected</span>
                  ) : (
                    <span className="bad">● {s.error ?? 'Not reachable'}</span>
                  )}
                </p>
                {s?.connected && (
                  <div className="usage">
                    {share !== null ? (
                      <>
                        <meter min={0} max={1} value={share} aria-label={`${r.name} usage`} />
                        <span className="muted">
                          {formatBytes(s.used)} of {formatBytes(s.total)} used
                        </span>
                      </>
                    ) : (
                      <span className="muted">
                        {s.used !== null && s.used !== undefined
                          ? `${formatBytes(s.used)} used`
                          : 'Usage not reported'}
                      </span>
                    )}
                  </div>
                )}
                <p className="muted">Hashes: {r.hashes.join(', ') || 'none'}</p>
                <div className="actions">
                  <button type="button" onClick={() => void rescan(r.id, r.name)}>
                    Rescan
                  </button>
                  <button type="button" onClick={() => void status.refetch()}>
                    Test
                  </button>
                  <button type="button" className="danger" onClick={() => void remove(r.id, r.name)}>
                    Remove
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <h2>Connect a remote</h2>
      <ConnectRemoteForm onConnected={() => void status.refetch()} />
    </section>
  );
}
