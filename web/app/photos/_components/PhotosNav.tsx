'use client';
// Tabs of the photo library.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from '../photos.module.css';

const TABS = [
  { href: '/photos', label: 'Timeline' },
  { href: '/photos?favourites=1', label: 'Favourites' },
  { href: '/photos/albums', label: 'Albums' },
  { href: '/photos/duplicates', label: 'Duplicates' },
];

export function PhotosNav({ favourites = false }: { favourites?: boolean }) {
  const path = usePathname();
  const active = (href: string) =>
    href === '/photos?favourites=1'
      ? path === '/photos' && favourites
      : href === '/photos'
        ? path === '/photos' && !favourites
        : path.startsWith(href);
  return (
    <nav className={styles.tabs} aria-label="Photos">
      {TABS.map((t) => (
        <Link key={t.href} href={t.href} aria-current={active(t.href) ? 'page' : undefined}>
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
