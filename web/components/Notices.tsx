'use client';
// The notifications centre's store: the gateway's notifications (subscription), sync results and
// the dashboard's own notices (an action done or failed). Newest first, the last 50 kept.
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

export interface Notice {
  id: number;
  kind: 'info' | 'error' | 'success';
  message: string;
  at: string;
  read: boolean;
}

interface NoticesValue {
  notices: Notice[];
  notify: (kind: Notice['kind'], message: string) => void;
  markAllRead: () => void;
  /** The latest notice, shown briefly as a toast. */
  toast: Notice | null;
}

const NoticesContext = createContext<NoticesValue | null>(null);
let nextId = 1;

export function NoticesProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const [toast, setToast] = useState<Notice | null>(null);
  const notify = useCallback((kind: Notice['kind'], message: string) => {
    const n: Notice = { id: nextId++, kind, message, at: new Date().toISOString(), read: false };
    setNotices((all) => [n, ...all].slice(0, 50));
    setToast(n);
    setTimeout(() => setToast((t) => (t?.id === n.id ? null : t)), 4000);
  }, []);
  const markAllRead = useCallback(() => setNotices((all) => all.map((n) => ({ ...n, read: true }))), []);
  const value = useMemo(
    () => ({ notices, notify, markAllRead, toast }),
    [notices, notify, markAllRead, toast],
  );
  return <NoticesContext.Provider value={value}>{children}</NoticesContext.Provider>;
}

export function useNotices(): NoticesValue {
  const v = useContext(NoticesContext);
  if (!v) throw new Error('useNotices outside NoticesProvider');
  return v;
}
