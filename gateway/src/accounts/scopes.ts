// What a caller may do. A browser session holds every scope of its user; an API token holds
// the scopes chosen when it was made. Admin is a role adding the `admin` scope, never a way
// around tenancy: resolvers still scope every read and write to the caller.
export const SCOPES = ['files:read', 'files:write', 'remotes', 'sync', 'shares', 'account'] as const;
export type Scope = (typeof SCOPES)[number] | 'admin';

export interface Caller {
  userId: string;
  role: 'user' | 'admin';
  scopes: ReadonlySet<Scope>;
  via: 'session' | 'token';
  /** Hash of the session or token that authenticated this request. */
  credentialHash: string;
}

export function sessionScopes(role: 'user' | 'admin'): Set<Scope> {
  const scopes = new Set<Scope>(SCOPES);
  if (role === 'admin') scopes.add('admin');
  return scopes;
}
