'use client';
// The bell: the count of unread stored notifications (shares offered, accepted, changed, …),
// the latest of them with "mark read", and this session's own notices (sync results, actions).
// A notice arriving live (the `notifications` subscription feeds the notices store) refetches
// the stored list, so the count follows without polling.
import { useApolloClient, useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { formatDate } from '../lib/format';
import { MARK_NOTIFICATIONS_READ, NOTIFICATION_LIST } from '../lib/sharing-operations';
import { Icon } from './Icon';
import { useNotices } from './Notices';

export function NotificationCentre() {
  const { notices, markAllRead, toast } = useNotices();
  const client = useApolloClient();
  const [open, setOpen] = useState(false);
  const stored = useQuery(NOTIFICATION_LIST, { variables: { first: 8 } });
  const latestNotice = notices[0]?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: refetch whenever a new notice arrives
  useEffect(() => {
    if (latestNotice !== undefined) void stored.refetch();
  }, [latestNotice]);
  const unread = stored.data?.unreadNotificationCount ?? 0;
  const items = stored.data?.notificationList ?? [];
  // The gateway's live notices ('info') are the stored ones above: list only the app's own here.
  const local = notices.filter((n) => n.kind !== 'info');
  const markRead = async (ids?: string[]) => {
    await client.mutate({ mutation: MARK_NOTIFICATIONS_READ, variables: { ids: ids ?? null } });
    await client.refetchQueries({ include: [NOTIFICATION_LIST] });
  };
  return (
    <div className="notifications">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="notification-list"
        onClick={() => {
          setOpen((o) => !o);
          if (!open) markAllRead();
        }}
      >
        <Icon name="bell" />
        <span className="sr-only">Notifications</span>
        {unread > 0 && (
          <span className="badge" data-testid="unread-count">
            {unread}
            <span className="sr-only"> unread</span>
          </span>
        )}
      </button>
      {open && (
        <section id="notification-list" className="popover" aria-label="Notifications">
          {items.length === 0 && local.length === 0 ? (
            <p className="muted">Nothing new.</p>
          ) : (
            <ul>
              {items.map((n) => (
                <li key={n.id} className={n.read ? 'muted' : 'unread'}>
                  {n.message} <span className="muted">{formatDate(n.createdAt)}</span>{' '}
                  {!n.read && (
                    <button type="button" className="link" onClick={() => void markRead([n.id])}>
                      Mark read
                    </button>
                  )}
                </li>
              ))}
              {local.map((n) => (
                <li key={`notice-${n.id}`} className={n.kind === 'error' ? 'bad' : 'muted'}>
                  {n.message} <span className="muted">{formatDate(n.at)}</span>
                </li>
              ))}
            </ul>
          )}
          <p className="actions">
            {unread > 0 && (
              <button type="button" onClick={() => void markRead()}>
                Mark all read
              </button>
            )}
            <Link href="/notifications" onClick={() => setOpen(false)}>
              All notifications and settings
            </Link>
          </p>
        </section>
      )}
      <div className="toast-area" aria-live="polite">
        {toast && <div className={`toast ${toast.kind}`}>{toast.message}</div>}
      </div>
    </div>
  );
}
