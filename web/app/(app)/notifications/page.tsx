'use client';
// Every stored notification (newest first, older pages on demand), read or not, and per kind
// whether it shows in the app and whether it is emailed.
import { useApolloClient, useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { useNotices } from '../../../components/Notices';
import { Empty, ErrorState, Loading } from '../../../components/States';
import { errorMessage, formatDate } from '../../../lib/format';
import type { NotificationKind, NotificationListQuery } from '../../../lib/gql/graphql';
import {
  MARK_NOTIFICATIONS_READ,
  NOTIFICATION_LIST,
  NOTIFICATION_SETTINGS,
  UPDATE_NOTIFICATION_SETTINGS,
} from '../../../lib/sharing-operations';

type Item = NotificationListQuery['notificationList'][number];
const PAGE = 25;

function Settings() {
  const { data, loading, error, refetch } = useQuery(NOTIFICATION_SETTINGS);
  const client = useApolloClient();
  const { notify } = useNotices();
  const [draft, setDraft] = useState<Record<string, { inApp: boolean; email: boolean }>>({});
  const [saving, setSaving] = useState(false);
  const settings = data?.notificationSettings ?? [];
  const emailOk = data?.emailNotificationsAvailable ?? false;
  const value = (kind: string) => draft[kind] ?? settings.find((s) => s.kind === kind)!;
  const set = (kind: string, field: 'inApp' | 'email', on: boolean) =>
    setDraft((d) => ({ ...d, [kind]: { ...value(kind), [field]: on } }));
  if (error) return <ErrorState error={error} retry={() => void refetch()} />;
  if (loading && !data) return <Loading />;
  return (
    <form
      aria-label="Notification settings"
      onSubmit={async (e) => {
        e.preventDefault();
        setSaving(true);
        try {
          await client.mutate({
            mutation: UPDATE_NOTIFICATION_SETTINGS,
            variables: {
              settings: settings.map((s) => ({ kind: s.kind as NotificationKind, ...value(s.kind) })),
            },
            refetchQueries: [NOTIFICATION_SETTINGS],
          });
          setDraft({});
          notify('success', 'Notification settings saved');
        } catch (err) {
          notify('error', `Saving settings failed: ${errorMessage(err)}`);
        } finally {
          setSaving(false);
        }
      }}
    >
      {!emailOk && (
        <p className="muted">Email is not set up on this server: only in-app notifications are sent.</p>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">In the app</th>
            <th scope="col">By email</th>
          </tr>
        </thead>
        <tbody>
          {settings.map((s) => {
            const v = value(s.kind);
            return (
              <tr key={s.kind}>
                <th scope="row">{s.about}</th>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${s.about}: in the app`}
                    checked={v.inApp}
                    onChange={(e) => set(s.kind, 'inApp', e.target.checked)}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${s.about}: by email`}
                    checked={v.email}
                    disabled={!emailOk}
                    onChange={(e) => set(s.kind, 'email', e.target.checked)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="actions">
        <button type="submit" className="primary" disabled={saving || Object.keys(draft).length === 0}>
          Save settings
        </button>
      </div>
    </form>
  );
}

export default function NotificationsPage() {
  const client = useApolloClient();
  const { notify, notices } = useNotices();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, loading, error, refetch } = useQuery(NOTIFICATION_LIST, {
    variables: { first: PAGE, unreadOnly },
  });
  const [older, setOlder] = useState<Item[]>([]);
  const [more, setMore] = useState(true);
  const first = data?.notificationList ?? [];
  const items = [...first, ...older.filter((o) => !first.some((f) => f.id === o.id))];
  const unread = data?.unreadNotificationCount ?? 0;
  const latestNotice = notices[0]?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a live notice may be a new stored one
  useEffect(() => {
    if (latestNotice !== undefined) void refetch();
  }, [latestNotice]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts from the newest page
  useEffect(() => {
    setOlder([]);
    setMore(true);
  }, [unreadOnly]);

  const markRead = async (ids?: string[]) => {
    try {
      await client.mutate({ mutation: MARK_NOTIFICATIONS_READ, variables: { ids: ids ?? null } });
      setOlder((o) => o.map((n) => (!ids || ids.includes(n.id) ? { ...n, read: true } : n)));
      await client.refetchQueries({ include: [NOTIFICATION_LIST] });
    } catch (err) {
      notify('error', `Marking read failed: ${errorMessage(err)}`);
    }
  };
  const loadOlder = async () => {
    const last = items.at(-1);
    if (!last) return;
    const r = await client.query({
      query: NOTIFICATION_LIST,
      variables: { first: PAGE, unreadOnly, before: last.createdAt },
      fetchPolicy: 'network-only',
    });
    const page = r.data?.notificationList ?? [];
    setOlder((o) => [...o, ...page]);
    if (page.length < PAGE) setMore(false);
  };

  return (
    <section>
      <h1>Notifications</h1>
      <div className="toolbar">
        <span>{unread} unread</span>
        <label>
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />{' '}
          Unread only
        </label>
        <button type="button" disabled={unread === 0} onClick={() => void markRead()}>
          Mark all read
        </button>
      </div>
      {error ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : loading && !data ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty title={unreadOnly ? 'Nothing unread' : 'No notifications yet'} />
      ) : (
        <ul className="notification-list" data-state="loaded">
          {items.map((n) => (
            <li key={n.id} data-read={n.read} className={n.read ? 'muted' : 'unread'}>
              <strong>{n.title}</strong> — {n.message}{' '}
              <span className="muted">{formatDate(n.createdAt)}</span>{' '}
              {n.kind.startsWith('share.') && <Link href="/shares">Open sharing</Link>}{' '}
              {!n.read && (
                <button
                  type="button"
                  onClick={() => void markRead([n.id])}
                  aria-label={`Mark read: ${n.title}`}
                >
                  Mark read
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {more && first.length === PAGE && (
        <button type="button" className="load-more" onClick={() => void loadOlder()}>
          Load older
        </button>
      )}
      <h2>Settings</h2>
      <Settings />
    </section>
  );
}
