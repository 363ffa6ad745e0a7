'use client';
// Makes a public share link for one file or folder: password, expiry, download limit, preview
// only, PGP required, a note. Then shows the link with a copy button, and for a file its
// .torrent and magnet (both served by the gateway through the dashboard's /api proxy).
import { useApolloClient } from '@apollo/client/react';
import { useId, useState } from 'react';
import { errorMessage } from '../lib/format';
import { CREATE_SHARE_LINK } from '../lib/links-operations';
import { FileRequestDialog } from './FileRequestDialog';
import { Modal } from './Modal';

export interface LinkTarget {
  id: string;
  name: string;
  kind: 'FILE' | 'FOLDER';
}

/** The page of a link on this dashboard (the gateway's URL may name another public host). */
export const pageUrl = (kind: 's' | 'r', token: string) => `${window.location.origin}/${kind}/${token}`;

/** A read-only field with the URL and a button that copies it. */
export function CopyUrl({ label, url }: { label: string; url: string }) {
  const id = useId();
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div className="copy-url">
      <label htmlFor={id}>{label}</label>
      <input id={id} readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      <button
        type="button"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(url);
            setCopied(true);
          } catch {
            setCopied(false);
          }
        }}
      >
        Copy link
      </button>
      <span role="status" className="muted">
        {copied === true
          ? 'Copied.'
          : copied === false
            ? 'Copy refused by the browser: select the text.'
            : ''}
      </span>
    </div>
  );
}

function Magnet({ token }: { token: string }) {
  const [magnet, setMagnet] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (magnet) return <CopyUrl label="Magnet link" url={magnet} />;
  return (
    <>
      <button
        type="button"
        onClick={async () => {
          const r = await fetch(`/api/s/${token}/torrent?format=magnet`, { cache: 'no-store' });
          if (r.ok) setMagnet(((await r.json()) as { magnet: string }).magnet);
          else setError(`No magnet link (${r.status}).`);
        }}
      >
        Show magnet link
      </button>
      {error && (
        <span role="alert" className="bad">
          {error}
        </span>
      )}
    </>
  );
}

const positiveInt = (s: string) => (s.trim() === '' ? null : Number(s));

export function ShareLinkDialog({ target, onClose }: { target: LinkTarget; onClose: () => void }) {
  const client = useApolloClient();
  const ids = { password: useId(), expires: useId(), max: useId(), note: useId() };
  const [password, setPassword] = useState('');
  const [expires, setExpires] = useState('');
  const [maxDownloads, setMaxDownloads] = useState('');
  const [previewOnly, setPreviewOnly] = useState(false);
  const [requirePgp, setRequirePgp] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<{ token: string } | null>(null);

  const submit = async () => {
    const max = positiveInt(maxDownloads);
    if (max !== null && (!Number.isInteger(max) || max < 1))
      return setError('Download limit must be a whole number of at least 1.');
    const expiresAt = expires ? new Date(expires) : null;
    if (expiresAt && !(expiresAt.getTime() > Date.now())) return setError('Expiry must be in the future.');
    setBusy(true);
    setError(null);
    try {
      const r = await client.mutate({
        mutation: CREATE_SHARE_LINK,
        variables: {
          file: target.id,
          password: password || null,
          expiresAt: expiresAt?.toISOString() ?? null,
          maxDownloads: max,
          previewOnly,
          requirePgp,
          note: note.trim() || null,
        },
      });
      const link = r.data?.createShareLink;
      if (!link) throw new Error('The gateway returned no link.');
      setMade({ token: link.token });
      await client.refetchQueries({ include: ['MyLinks'] });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={`Share link for ${target.name}`} onClose={onClose}>
      {made ? (
        <div className="link-made">
          <p>Anyone with this link can open {target.kind === 'FOLDER' ? 'this folder' : 'this file'}.</p>
          <CopyUrl label="Link" url={pageUrl('s', made.token)} />
          {target.kind === 'FILE' && !previewOnly && !requirePgp && (
            <p>
              <a href={`/api/s/${made.token}/torrent`}>Download .torrent</a> <Magnet token={made.token} />
            </p>
          )}
          <div className="actions">
            <button type="button" className="primary" onClick={onClose}>
              Done
            </button>
          </div>
        </div>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label htmlFor={ids.password}>Password (optional)</label>
          <input
            id={ids.password}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <label htmlFor={ids.expires}>Expires (optional)</label>
          <input
            id={ids.expires}
            type="datetime-local"
            value={expires}
            onChange={(e) => setExpires(e.target.value)}
          />
          <label htmlFor={ids.max}>Download limit (optional)</label>
          <input
            id={ids.max}
            type="number"
            min={1}
            step={1}
            value={maxDownloads}
            onChange={(e) => setMaxDownloads(e.target.value)}
          />
          <label>
            <input type="checkbox" checked={previewOnly} onChange={(e) => setPreviewOnly(e.target.checked)} />{' '}
            Preview only (no download)
          </label>
          <label>
            <input type="checkbox" checked={requirePgp} onChange={(e) => setRequirePgp(e.target.checked)} />{' '}
            Require PGP (files only go out encrypted to the downloader's key)
          </label>
          <label htmlFor={ids.note}>Note for the visitor (optional)</label>
          <textarea id={ids.note} value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
          {error && (
            <p role="alert" className="bad">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Creating…' : 'Create link'}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}

/** "Share link…" for any item and "Request files…" for a folder, with their dialogs. */
export function LinkActions({ target }: { target: LinkTarget }) {
  const [open, setOpen] = useState<'link' | 'request' | null>(null);
  return (
    <div className="link-actions">
      <button type="button" onClick={() => setOpen('link')}>
        Share link…
      </button>{' '}
      {target.kind === 'FOLDER' && (
        <button type="button" onClick={() => setOpen('request')}>
          Request files…
        </button>
      )}
      {open === 'link' && <ShareLinkDialog target={target} onClose={() => setOpen(null)} />}
      {open === 'request' && <FileRequestDialog destination={target} onClose={() => setOpen(null)} />}
    </div>
  );
}
