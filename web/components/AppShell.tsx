'use client';
// The signed-in frame: navigation (views, remotes, pages), the search box, the notifications
// centre and live updates. Signed-out visitors go to sign-in; an account with no remote yet
// goes to the first-run page.
import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { setStreamOwner } from '../lib/apollo';
import { isUnauthenticated } from '../lib/format';
import { FILE_CHANGES, ME, NOTIFICATIONS, SIGN_OUT, SYNC_PROGRESS } from '../lib/operations';
import { useNotices } from './Notices';
import { NotificationCentre } from './NotificationCentre';
import { SearchBox } from './SearchBox';
import { ErrorState, Loading } from './States';
import { UploadsProvider } from './Uploads';

const VIEWS: { href: string; label: string }[] = [
  { href: '/drive', label: 'My Drive' },
  { href: '/computers', label: 'Computers' },
  { href: '/shared', label: 'Shared' },
  { href: '/shared-with-me', label: 'Shared with me' },
  { href: '/recents', label: 'Recents' },
  { href: '/starred', label: 'Starred' },
  { href: '/trash', label: 'Trash' },
];

const PAGES: { href: string; label: string }[] = [
  { href: '/remotes', label: 'Remotes' },
  { href: '/rules', label: 'Sync rules' },
  { href: '/shares', label: 'Sharing' },
  { href: '/keys', label: 'Encryption keys' },
  { href: '/notifications', label: 'Notifications' },
  { href: '/analytics', label: 'Analytics' },
  { href: '/cleanup', label: 'Cleanup' },
  { href: '/links', label: 'Links & requests' },
];

/** Refetches what is on screen when files change anywhere (another tab, a sync, a scan). */
function useLiveRefresh() {
  const client = useApolloClient();
  const { notify } = useNotices();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refresh = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void client.refetchQueries({ include: 'active' }), 250);
  };
  useSubscription(FILE_CHANGES, { onData: refresh });
  useSubscription(NOTIFICATIONS, {
    onData: ({ data }) => {
      const n = data.data?.notifications;
      if (n) notify(n.kind === 'error' ? 'error' : 'info', n.message);
    },
  });
  useSubscription(SYNC_PROGRESS, {
    onData: ({ data }) => {
      const p = data.data?.syncProgress;
      // A finished run changed files on its remotes (no per-file events for those): refresh.
      if (p?.stage === 'finished') refresh();
      if (p?.stage === 'finished')
        notify(
          p.result === 'ok' || p.result === 'unchanged' ? 'success' : 'error',
          `Sync finished: ${p.result}`,
        );
    },
  });
}

function LiveUpdates({ userId }: { userId: string }) {
  setStreamOwner(userId);
  useLiveRefresh();
  return null;
}

export function AppShell({ children, bare = false }: { children: ReactNode; bare?: boolean }) {
  const { data, loading, error, refetch } = useQuery(ME, { fetchPolicy: 'cache-first' });
  const router = useRouter();
  const path = usePathname();
  const client = useApolloClient();
  const [menuOpen, setMenuOpen] = useState(false);
  const me = data?.me;
  const remotes = data?.remotes ?? [];
  const signedOut = isUnauthenticated(error) || (!loading && !error && !me);
  useEffect(() => {
    if (signedOut) router.replace(`/sign-in?next=${encodeURIComponent(path)}`);
    else if (me && !bare && remotes.length === 0) router.replace('/welcome');
  }, [signedOut, me, remotes.length, bare, path, router]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the phone menu whenever the page changes
  useEffect(() => setMenuOpen(false), [path]);

  if (error && !signedOut) return <ErrorState error={error} retry={() => void refetch()} />;
  // The page's own queries start with the session check, not after it (one round trip less on
  // first load); a signed-out visitor is sent to sign-in as soon as the check answers.
  if (signedOut) return <Loading />;

  const signOut = async () => {
    await client.mutate({ mutation: SIGN_OUT });
    await client.clearStore();
    router.replace('/sign-in');
  };

  return (
    <UploadsProvider>
      {me && <LiveUpdates key={me.id} userId={me.id} />}
      <div className="shell">
        <header className="topbar">
          <button
            type="button"
            className="menu-toggle"
            aria-expanded={menuOpen}
            aria-controls="sidebar"
            onClick={() => setMenuOpen((o) => !o)}
          >
            ☰<span className="sr-only">Menu</span>
          </button>
          <Link href="/drive" className="brand">
            syncoxide
          </Link>
          <SearchBox />
          <NotificationCentre />
          <span className="user" title={me?.email}>
            {me?.name}
          </span>
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </header>
        <nav id="sidebar" className={`sidebar${menuOpen ? ' open' : ''}`} aria-label="Main">
          <ul>
            {VIEWS.map((v) => (
              <li key={v.href}>
                <Link href={v.href} aria-current={path === v.href ? 'page' : undefined}>
                  {v.label}
                </Link>
              </li>
            ))}
          </ul>
          <h2>Remotes</h2>
          <ul>
            {remotes.map((r) => (
              <li key={r.id}>
                <Link
                  href={`/remote/${encodeURIComponent(r.id)}`}
                  aria-current={path === `/remote/${encodeURIComponent(r.id)}` ? 'page' : undefined}
                >
                  {r.name} <span className="muted">({r.type})</span>
                </Link>
              </li>
            ))}
          </ul>
          <ul>
            {PAGES.map((v) => (
              <li key={v.href}>
                <Link href={v.href} aria-current={path === v.href ? 'page' : undefined}>
                  {v.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <main className="content">{children}</main>
      </div>
    </UploadsProvider>
  );
}
