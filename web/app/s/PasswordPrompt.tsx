'use client';
// The password form of a locked link; reports the grant up on success.
import { type FormEvent, useState } from 'react';
import { unlock } from './public-api';

export function PasswordPrompt(props: { kind: 's' | 'r'; token: string; onGrant: (grant: string) => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      props.onGrant(await unlock(props.kind, props.token, password));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} className="state" aria-label="Unlock">
      <h1>This link is protected</h1>
      <p className="muted">Enter the password you were given.</p>
      <div className="field">
        <label htmlFor="link-password">Password</label>
        <input
          id="link-password"
          type="password"
          autoComplete="off"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </div>
      {error ? (
        <p className="bad" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={busy || !password}>
          Open
        </button>
      </div>
    </form>
  );
}

export function Gone(props: { title: string; text: string }) {
  return (
    <div className="state" role="status">
      <h1>{props.title}</h1>
      <p className="muted">{props.text}</p>
    </div>
  );
}
