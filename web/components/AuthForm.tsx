'use client';
// Sign in and sign up share one form; on success the session cookie is set by the gateway.
import { useApolloClient } from '@apollo/client/react';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { errorMessage } from '../lib/format';
import { ME, SIGN_IN, SIGN_UP } from '../lib/operations';

export function AuthForm({ mode }: { mode: 'sign-in' | 'sign-up' }) {
  const client = useApolloClient();
  const router = useRouter();
  const next = useSearchParams().get('next');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signUp = mode === 'sign-up';

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = signUp
        ? await client.mutate({ mutation: SIGN_UP, variables: { email, name, password } })
        : await client.mutate({ mutation: SIGN_IN, variables: { email, password } });
      const ok = r.data && ('signUp' in r.data ? r.data.signUp : r.data.signIn);
      if (!ok) throw new Error(signUp ? 'Could not create the account' : 'Wrong email or password');
      await client.clearStore();
      const me = await client.query({ query: ME, fetchPolicy: 'network-only' });
      // Only a path on this site (not `//host`), and an invitation is honoured before first-run.
      const local = next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
      const invitation = local?.startsWith('/invite/') ? local : null;
      router.replace(invitation ?? (me.data?.remotes.length ? (local ?? '/drive') : '/welcome'));
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <main className="auth">
      <h1>{signUp ? 'Create your account' : 'Sign in to syncoxide'}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {signUp && (
          <>
            <label htmlFor="auth-name">Name</label>
            <input
              id="auth-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              autoComplete="name"
            />
          </>
        )}
        <label htmlFor="auth-email">Email</label>
        <input
          id="auth-email"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
          autoComplete="email"
        />
        <label htmlFor="auth-password">Password</label>
        <input
          id="auth-password"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
          minLength={signUp ? 12 : undefined}
          autoComplete={signUp ? 'new-password' : 'current-password'}
          aria-describedby={signUp ? 'auth-password-hint' : undefined}
        />
        {signUp && (
          <small id="auth-password-hint" className="muted">
            At least 12 characters.
          </small>
        )}
        {error && (
          <p role="alert" className="bad">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'One moment…' : signUp ? 'Create account' : 'Sign in'}
        </button>
      </form>
      <p>
        {signUp ? (
          <>
            Already have an account? <Link href="/sign-in">Sign in</Link>
          </>
        ) : (
          <>
            New here? <Link href="/sign-up">Create an account</Link>
          </>
        )}
      </p>
    </main>
  );
}
