'use client';
// Sharing between people: what others share with me (accept, decline, sync now, leave) and what
// I share (its state, where each copy lives, the last sync; sync now, revoke).
import { useApolloClient, useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { type ReactNode, useEffect, useState } from 'react';
import { AcceptShareDialog } from '../../../components/AcceptShareDialog';
import { useNotices } from '../../../components/Notices';
import { Empty, ErrorState, Loading } from '../../../components/States';
import { errorMessage, formatDate } from '../../../lib/format';
import type { UserShareFieldsFragment } from '../../../lib/gql/graphql';
import {
  DECLINE_SHARE,
  LEAVE_SHARE,
  REVOKE_USER_SHARE,
  SYNC_SHARE,
  USER_SHARES_BY_ME,
  USER_SHARES_WITH_ME,
} from '../../../lib/sharing-operations';
import { EncryptedFilesDialog } from './EncryptedFiles';

type Share = UserShareFieldsFragment;

function person(p: Share['sharedBy']): string {
  return p.name ? `${p.name} <${p.email}>` : p.email;
}

function Where({ share }: { share: Share }) {
  if (share.location)
    return (
      <Link href={`/remote/${encodeURIComponent(share.location.remote.id)}`}>
        {share.location.remote.name}/{share.location.path}
      </Link>
    );
  if (share.state === 'ACCEPTED' && share.placement === 'VIEW') return <>view-only in the app</>;
  return <span className="muted">—</span>;
}

function ShareCard({
  share,
  actions,
  outcome,
}: {
  share: Share;
  actions: (s: Share) => ReactNode;
  outcome?: string;
}) {
  const other = share.byMe ? share.sharedWith : share.sharedBy;
  return (
    <li className="card" data-share={share.name} data-state={share.state.toLowerCase()}>
      <h3>
        {share.name} <span className="muted">{share.kind === 'FOLDER' ? 'folder' : 'file'}</span>
      </h3>
      <dl>
        <dt>{share.byMe ? 'With' : 'From'}</dt>
        <dd>{person(other)}</dd>
        <dt>Access</dt>
        <dd>
          {share.access === 'READ_WRITE' ? 'can edit' : 'can view'}
          {share.encrypted && ', encrypted'}
        </dd>
        <dt>State</dt>
        <dd className="share-state">{share.state.toLowerCase()}</dd>
        {share.message && (
          <>
            <dt>Message</dt>
            <dd>{share.message}</dd>
          </>
        )}
        <dt>{share.byMe ? 'Your original' : 'Your copy'}</dt>
        <dd>
          <Where share={share} />
        </dd>
        {share.state === 'ACCEPTED' && share.placement === 'SYNC' && (
          <>
            <dt>Last sync</dt>
            <dd className="last-sync">
              {share.lastSyncedAt
                ? `${share.lastSyncResult ?? '—'}, ${formatDate(share.lastSyncedAt)}`
                : 'not yet'}
            </dd>
          </>
        )}
        {share.invitationExpiresAt && share.state === 'PENDING' && (
          <>
            <dt>Invitation until</dt>
            <dd>{formatDate(share.invitationExpiresAt)}</dd>
          </>
        )}
      </dl>
      <div className="actions">{actions(share)}</div>
      {outcome && (
        <p className="last-run" role="status">
          {outcome}
        </p>
      )}
    </li>
  );
}

function ShareList({
  title,
  data,
  loading,
  error,
  retry,
  actions,
  outcomes,
  empty,
}: {
  title: string;
  outcomes: Record<string, string>;
  data: Share[] | undefined;
  loading: boolean;
  error: unknown;
  retry: () => void;
  actions: (s: Share) => ReactNode;
  empty: string;
}) {
  const shares = data ?? [];
  const open = shares.filter((s) => s.state === 'PENDING' || s.state === 'ACCEPTED');
  const ended = shares.filter((s) => s.state !== 'PENDING' && s.state !== 'ACCEPTED');
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {error ? (
        <ErrorState error={error} retry={retry} />
      ) : loading && !data ? (
        <Loading />
      ) : shares.length === 0 ? (
        <Empty title={empty} />
      ) : (
        <>
          <ul className="cards" data-state="loaded">
            {open.map((s) => (
              <ShareCard key={s.id} share={s} actions={actions} outcome={outcomes[s.id]} />
            ))}
          </ul>
          {ended.length > 0 && (
            <details>
              <summary>Ended ({ended.length})</summary>
              <ul className="cards">
                {ended.map((s) => (
                  <ShareCard key={s.id} share={s} actions={() => null} />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}

export default function SharesPage() {
  const client = useApolloClient();
  const { notify, notices } = useNotices();
  const withMe = useQuery(USER_SHARES_WITH_ME);
  const byMe = useQuery(USER_SHARES_BY_ME);
  // Every step of a share (offered, accepted, declined, left, revoked) is notified live: refetch.
  const latestNotice = notices.find((n) => n.kind === 'info')?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: refetch whenever a live notice arrives
  useEffect(() => {
    if (latestNotice !== undefined)
      void client.refetchQueries({ include: [USER_SHARES_WITH_ME, USER_SHARES_BY_ME] });
  }, [latestNotice]);
  const [accepting, setAccepting] = useState<Share | null>(null);
  const [reading, setReading] = useState<Share | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // What the last action on each share did, kept in its card (the toast goes after 4 s).
  const [outcomes, setOutcomes] = useState<Record<string, string>>({});

  const act = async (s: Share, label: string, work: () => Promise<string>) => {
    setBusy(s.id);
    try {
      const done = await work();
      setOutcomes((o) => ({ ...o, [s.id]: done }));
      notify('success', done);
      await client.refetchQueries({ include: [USER_SHARES_WITH_ME, USER_SHARES_BY_ME] });
    } catch (err) {
      const failed = `${label} ${s.name} failed: ${errorMessage(err)}`;
      setOutcomes((o) => ({ ...o, [s.id]: failed }));
      notify('error', failed);
    } finally {
      setBusy(null);
    }
  };
  const syncNow = (s: Share) =>
    act(s, 'Sync of', async () => {
      const r = (await client.mutate({ mutation: SYNC_SHARE, variables: { id: s.id } })).data?.syncShare;
      return `Synced ${s.name}: ${r?.result}, ${r?.toRecipient.length ?? 0} to the recipient, ${r?.toSharer.length ?? 0} to the sharer${r?.conflicts.length ? `, ${r.conflicts.length} conflicts` : ''}`;
    });
  const syncButton = (s: Share) =>
    s.state === 'ACCEPTED' &&
    s.placement === 'SYNC' && (
      <button type="button" disabled={busy === s.id} onClick={() => void syncNow(s)}>
        {busy === s.id ? 'Syncing…' : 'Sync now'}
      </button>
    );

  return (
    <section>
      <h1>Sharing</h1>
      <p className="muted">
        Files and folders shared between you and other people. An accepted share is kept in sync between the
        two copies. <Link href="/notifications">Notifications</Link>
      </p>
      <ShareList
        title="Shared with me"
        outcomes={outcomes}
        data={withMe.data?.userSharesWithMe}
        loading={withMe.loading}
        error={withMe.error}
        retry={() => void withMe.refetch()}
        empty="Nobody has shared anything with you yet"
        actions={(s) => (
          <>
            {s.state === 'PENDING' && (
              <>
                <button type="button" className="primary" onClick={() => setAccepting(s)}>
                  Accept…
                </button>
                <button
                  type="button"
                  onClick={() =>
                    void act(s, 'Declining', async () => {
                      await client.mutate({ mutation: DECLINE_SHARE, variables: { id: s.id } });
                      return `Declined ${s.name}`;
                    })
                  }
                >
                  Decline
                </button>
              </>
            )}
            {syncButton(s)}
            {s.state === 'ACCEPTED' && s.encrypted && (
              <button type="button" onClick={() => setReading(s)}>
                Open encrypted files…
              </button>
            )}
            {s.state === 'ACCEPTED' && (
              <button
                type="button"
                className="danger"
                onClick={() => {
                  if (!window.confirm(`Leave ${s.name}? It stops syncing.`)) return;
                  const keepCopy =
                    s.placement !== 'SYNC' ||
                    window.confirm('Keep your copy? (Cancel removes it from your remote.)');
                  void act(s, 'Leaving', async () => {
                    await client.mutate({ mutation: LEAVE_SHARE, variables: { id: s.id, keepCopy } });
                    return `Left ${s.name}`;
                  });
                }}
              >
                Leave
              </button>
            )}
          </>
        )}
      />
      <ShareList
        title="Shared by me"
        outcomes={outcomes}
        data={byMe.data?.userSharesByMe}
        loading={byMe.loading}
        error={byMe.error}
        retry={() => void byMe.refetch()}
        empty="You have not shared anything with anyone yet"
        actions={(s) => (
          <>
            {syncButton(s)}
            <button
              type="button"
              className="danger"
              onClick={() => {
                if (!window.confirm(`Stop sharing ${s.name} with ${s.sharedWith.email}?`)) return;
                const keepRecipientCopy =
                  s.state !== 'ACCEPTED' ||
                  s.placement !== 'SYNC' ||
                  window.confirm('Let them keep their copy? (Cancel removes it from their remote.)');
                void act(s, 'Revoking', async () => {
                  await client.mutate({
                    mutation: REVOKE_USER_SHARE,
                    variables: { id: s.id, keepRecipientCopy },
                  });
                  return `Stopped sharing ${s.name}`;
                });
              }}
            >
              Revoke
            </button>
          </>
        )}
      />
      {accepting && <AcceptShareDialog share={accepting} onClose={() => setAccepting(null)} />}
      {reading && <EncryptedFilesDialog share={reading} onClose={() => setReading(null)} />}
    </section>
  );
}
