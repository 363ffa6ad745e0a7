// Human-readable sizes and dates, the same on every page.
const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  let v = n;
  let u = 0;
  while (v >= 1000 && u < UNITS.length - 1) {
    v /= 1000;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(v < 10 ? 1 : 0)} ${UNITS[u]}`;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const sameDay = d.toDateString() === new Date().toDateString();
  return sameDay
    ? d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

/** Message of an Apollo or fetch error without the transport's prefixes. */
export function errorMessage(err: unknown): string {
  if (err && typeof err === 'object' && 'errors' in err && Array.isArray(err.errors) && err.errors[0])
    return String(err.errors[0].message);
  return err instanceof Error ? err.message : String(err);
}

/** True for the gateway's "sign in first" (a missing or expired session). */
export function isUnauthenticated(err: unknown): boolean {
  return (
    !!err &&
    typeof err === 'object' &&
    'errors' in err &&
    Array.isArray(err.errors) &&
    err.errors.some((e: { extensions?: { code?: unknown } }) => e.extensions?.code === 'UNAUTHENTICATED')
  );
}
