// The public link pages talk to the gateway's /s/ and /r/ endpoints through the dashboard's
// /api proxy (same origin, no cookies needed: the token in the URL is the credential). A
// password buys a grant, kept for the tab in sessionStorage.
export const API = '/api';

export interface Refusal {
  status: number;
  reason: string;
  message: string;
}

export const grantKey = (kind: 's' | 'r', token: string) => `sox-grant:${kind}:${token}`;

export function loadGrant(kind: 's' | 'r', token: string): string | null {
  try {
    return sessionStorage.getItem(grantKey(kind, token));
  } catch {
    return null;
  }
}

export async function getJson<T>(
  url: string,
  grant: string | null,
): Promise<{ ok: true; data: T } | { ok: false; refusal: Refusal }> {
  const res = await fetch(url, { headers: grant ? { 'x-link-grant': grant } : {}, cache: 'no-store' });
  const body = (await res.json().catch(() => ({}))) as { error?: { reason?: string; message?: string } };
  if (res.ok) return { ok: true, data: body as T };
  return {
    ok: false,
    refusal: {
      status: res.status,
      reason: body.error?.reason ?? 'error',
      message: body.error?.message ?? res.statusText,
    },
  };
}

export async function unlock(kind: 's' | 'r', token: string, password: string): Promise<string> {
  const res = await fetch(`${API}/${kind}/${token}/unlock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ password }),
  });
  const body = (await res.json().catch(() => ({}))) as { grant?: string; error?: { message?: string } };
  if (!res.ok || !body.grant) {
    throw new Error(
      res.status === 429
        ? `Too many attempts. ${body.error?.message ?? ''}`
        : (body.error?.message ?? 'wrong password'),
    );
  }
  sessionStorage.setItem(grantKey(kind, token), body.grant);
  return body.grant;
}

/** What each refusal means to a visitor. */
export const GONE_TEXT: Record<string, string> = {
  revoked: 'The owner has turned this link off.',
  expired: 'This link has expired.',
  exhausted: 'This link has reached its download limit.',
  removed: 'The shared item is no longer there.',
  closed: 'The owner has closed this request; it takes no more files.',
  deadline: 'The deadline of this request has passed.',
  unknown: 'There is nothing at this address. Check the link you were given.',
};

export function formatBytes(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return i === 0 ? `${v} bytes` : `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
