'use client';
// An invitation to a share, for someone who had no account when it was sent: sign in or sign up
// (coming back here), then redeem it for the signed-in account and choose where it goes on the
// sharing page. The token is single-use; used, expired and unknown ones say so.
import { useApolloClient, useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { Loading } from '../../../components/States';
import { errorMessage, isUnauthenticated } from '../../../lib/format';
import type { UserShareFieldsFragment } from '../../../lib/gql/graphql';
import { ME } from '../../../lib/operations';
import { REDEEM_SHARE_INVITATION } from '../../../lib/sharing-operations';

function refusal(err: unknown): string {
  const code =
    err && typeof err === 'object' && 'errors' in err && Array.isArray(err.errors)
      ? (err.errors[0] as { extensions?: { code?: string } } | undefined)?.extensions?.code
      : undefined;
  if (code === 'CONFLICT') return 'This invitation has already been used.';
  if (code === 'PERMISSION_DENIED') return 'This invitation has expired. Ask the sender for a new one.';
  if (code === 'NOT_FOUND') return 'This invitation does not exist. Check the link.';
  return errorMessage(err);
}

export default function InvitePage() {
  const { token } = useParams<{ token: string }>();
  const client = useApolloClient();
  const me = useQuery(ME, { fetchPolicy: 'network-only' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [share, setShare] = useState<UserShareFieldsFragment | null>(null);
  const here = `/invite/${encodeURIComponent(token)}`;
  const signedOut = isUnauthenticated(me.error) || (!me.loading && !me.error && !me.data?.me);

  return (
    <main className="auth">
      <h1>An invitation to share</h1>
      {me.loading && !me.data ? (
        <Loading />
      ) : signedOut ? (
        <>
          <p>Someone shared a file or folder with you. Sign in, or create an account, to accept it.</p>
          <p className="actions">
            <Link className="button primary" href={`/sign-in?next=${encodeURIComponent(here)}`}>
              Sign in
            </Link>
            <Link className="button" href={`/sign-up?next=${encodeURIComponent(here)}`}>
              Create an account
            </Link>
          </p>
          <p className="muted">After creating an account, open this link again to accept.</p>
        </>
      ) : share ? (
        <>
          <p role="status">
            {share.sharedBy.name ?? share.sharedBy.email} shares <strong>{share.name}</strong> with you.
          </p>
          {share.message && <blockquote>{share.message}</blockquote>}
          <p>
            <Link href="/shares">Choose where it goes on the sharing page</Link>
          </p>
        </>
      ) : (
        <>
          <p>
            Accept this invitation as <strong>{me.data?.me?.email}</strong>? It can be used once.
          </p>
          {error && (
            <p role="alert" className="bad">
              {error}
            </p>
          )}
          <p className="actions">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                setError(null);
                try {
                  const r = await client.mutate({ mutation: REDEEM_SHARE_INVITATION, variables: { token } });
                  setShare(r.data?.redeemShareInvitation ?? null);
                } catch (err) {
                  setError(refusal(err));
                } finally {
                  setBusy(false);
                }
              }}
            >
              Accept invitation
            </button>
          </p>
        </>
      )}
    </main>
  );
}
