'use client';
// The bell: unread count, and the list of recent notices when opened.
import { useState } from 'react';
import { formatDate } from '../lib/format';
import { Icon } from './Icon';
import { useNotices } from './Notices';

export function NotificationCentre() {
  const { notices, markAllRead, toast } = useNotices();
  const [open, setOpen] = useState(false);
  const unread = notices.filter((n) => !n.read).length;
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
        {unread > 0 && <span className="badge">{unread}</span>}
      </button>
      {open && (
        <section id="notification-list" className="popover" aria-label="Notifications">
          {notices.length === 0 ? (
            <p className="muted">Nothing new.</p>
          ) : (
            <ul>
              {notices.map((n) => (
                <li key={n.id} className={n.kind === 'error' ? 'bad' : undefined}>
                  {n.message} <span className="muted">{formatDate(n.at)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <div className="toast-area" aria-live="polite">
        {toast && <div className={`toast ${toast.kind}`}>{toast.message}</div>}
      </div>
    </div>
  );
}
