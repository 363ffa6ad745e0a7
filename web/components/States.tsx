// Loading, empty and error states: every list and page shows one of these instead of nothing.
import type { ReactNode } from 'react';
import { errorMessage } from '../lib/format';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state" role="status" aria-live="polite" data-state="loading">
      <span className="spinner" aria-hidden="true" /> {label}
    </div>
  );
}

export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div className="state bad" role="alert" data-state="error">
      <p>Something went wrong: {errorMessage(error)}</p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state" data-state="empty">
      <p>
        <strong>{title}</strong>
      </p>
      {children}
    </div>
  );
}
