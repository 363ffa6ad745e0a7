'use client';
// Shares a file or folder with another person by email: their access, a message, how the two
// copies are kept in sync, and (read-only) OpenPGP encryption. An email without an account gets
// an invitation link, shown here once.
import { useApolloClient } from '@apollo/client/react';
import { useId, useState } from 'react';
import { errorMessage } from '../lib/format';
import type { ShareAccess, ShareCompare, ShareConflictKeep } from '../lib/gql/graphql';
import { SHARE_WITH_USER, USER_SHARES_BY_ME } from '../lib/sharing-operations';
import { Modal } from './Modal';

const KEEP: { value: ShareConflictKeep; label: string }[] = [
  { value: 'NEWER', label: 'The newer change' },
  { value: 'SHARER', label: 'Mine (the sharer’s)' },
  { value: 'RECIPIENT', label: 'Theirs (the recipient’s)' },
  { value: 'OLDER', label: 'The older change' },
  { value: 'LARGER', label: 'The larger file' },
  { value: 'SMALLER', label: 'The smaller file' },
];

export function ShareWithUserDialog({
  file,
  onClose,
}: {
  file: { id: string; name: string };
  onClose: () => void;
}) {
  const client = useApolloClient();
  const id = useId();
  const [email, setEmail] = useState('');
  const [access, setAccess] = useState<ShareAccess>('READ_WRITE');
  const [message, setMessage] = useState('');
  const [compare, setCompare] = useState<Set<ShareCompare>>(new Set(['SIZE', 'MODTIME']));
  const [keep, setKeep] = useState<ShareConflictKeep>('NEWER');
  const [autoMerge, setAutoMerge] = useState(false);
  const [encrypted, setEncrypted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ email: string; inviteUrl: string | null } | null>(null);

  const toggleCompare = (c: ShareCompare, on: boolean) =>
    setCompare((s) => {
      const next = new Set(s);
      if (on) next.add(c);
      else next.delete(c);
      return next;
    });

  if (done)
    return (
      <Modal title={`Shared ${file.name}`} onClose={onClose}>
        {done.inviteUrl ? (
          <>
            <p>
              {done.email} has no account yet. Send them this invitation link; it is shown only now, works
              once and expires in 7 days.
            </p>
            <label htmlFor={`${id}-invite`}>Invitation link</label>
            <input id={`${id}-invite`} readOnly value={done.inviteUrl} onFocus={(e) => e.target.select()} />
          </>
        ) : (
          <p role="status">Shared with {done.email}. They are notified and can accept it.</p>
        )}
        <div className="actions">
          <button type="button" className="primary" onClick={onClose}>
            Done
          </button>
        </div>
      </Modal>
    );

  return (
    <Modal title={`Share ${file.name} with people`} onClose={onClose}>
      <form
        aria-label="Share with people"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          try {
            const r = await client.mutate({
              mutation: SHARE_WITH_USER,
              variables: {
                file: file.id,
                email: email.trim(),
                access,
                message: message.trim() || null,
                sync: { compare: [...compare], keep, autoMerge },
                encrypted: encrypted || null,
              },
              refetchQueries: [USER_SHARES_BY_ME],
            });
            setDone({ email: email.trim(), inviteUrl: r.data?.shareWithUser.inviteUrl ?? null });
          } catch (err) {
            setError(errorMessage(err));
          } finally {
            setBusy(false);
          }
        }}
      >
        <label htmlFor={`${id}-email`}>Email</label>
        <input
          id={`${id}-email`}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
        />
        <label htmlFor={`${id}-access`}>Access</label>
        <select
          id={`${id}-access`}
          value={access}
          onChange={(e) => {
            const a = e.target.value as ShareAccess;
            setAccess(a);
            if (a === 'READ_WRITE') setEncrypted(false);
          }}
        >
          <option value="READ_WRITE">Can edit (changes sync both ways)</option>
          <option value="READ">Can view (changes flow only from you)</option>
        </select>
        <label htmlFor={`${id}-message`}>Message (optional)</label>
        <textarea
          id={`${id}-message`}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          rows={2}
        />
        <details>
          <summary>Sync settings</summary>
          <fieldset>
            <legend>Notice a change by</legend>
            {(['SIZE', 'MODTIME', 'CHECKSUM'] as const).map((c) => (
              <label key={c}>
                <input
                  type="checkbox"
                  checked={compare.has(c)}
                  onChange={(e) => toggleCompare(c, e.target.checked)}
                />{' '}
                {c === 'SIZE' ? 'Size' : c === 'MODTIME' ? 'Modification time' : 'Checksum (slower, exact)'}
              </label>
            ))}
          </fieldset>
          <label htmlFor={`${id}-keep`}>When both sides changed a file, keep under its name</label>
          <select
            id={`${id}-keep`}
            value={keep}
            onChange={(e) => setKeep(e.target.value as ShareConflictKeep)}
          >
            {KEEP.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
          <p className="muted">The other version is kept beside it as a conflict copy.</p>
          <label>
            <input type="checkbox" checked={autoMerge} onChange={(e) => setAutoMerge(e.target.checked)} />{' '}
            Merge small text files changed on both sides
          </label>
        </details>
        <label>
          <input
            type="checkbox"
            checked={encrypted}
            disabled={access !== 'READ'}
            onChange={(e) => setEncrypted(e.target.checked)}
          />{' '}
          Store their copy encrypted (OpenPGP; view-only shares, both of you need a key pair)
        </label>
        {error && (
          <p role="alert" className="bad">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || !email.trim() || compare.size === 0}>
            {busy ? 'Sharing…' : 'Share'}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** The "Share with people…" action: a button that opens the dialog for this item. */
export function ShareWithPeopleButton({ file }: { file: { id: string; name: string } }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Share with people…
      </button>
      {open && <ShareWithUserDialog file={file} onClose={() => setOpen(false)} />}
    </>
  );
}
