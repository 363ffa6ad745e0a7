'use client';
// Accepts a share: kept in sync with a folder of one of your remotes (a shared folder needs an
// empty or new folder; the first sync runs before the answer), or view-only in the app.
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { errorMessage } from '../lib/format';
import type { SharePlacement, UserShareFieldsFragment } from '../lib/gql/graphql';
import { ME } from '../lib/operations';
import { ACCEPT_SHARE, USER_SHARES_WITH_ME } from '../lib/sharing-operations';
import { Modal } from './Modal';
import { useNotices } from './Notices';

export function AcceptShareDialog({
  share,
  onClose,
}: {
  share: UserShareFieldsFragment;
  onClose: () => void;
}) {
  const client = useApolloClient();
  const { notify } = useNotices();
  const me = useQuery(ME);
  const id = useId();
  const remotes = me.data?.remotes ?? [];
  const [placement, setPlacement] = useState<SharePlacement>('SYNC');
  const [remote, setRemote] = useState('');
  const [path, setPath] = useState(share.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remoteId = remote || remotes[0]?.id || '';
  const from = share.sharedBy.name ?? share.sharedBy.email;

  return (
    <Modal title={`Accept ${share.name}`} onClose={onClose}>
      <form
        aria-label="Accept share"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setError(null);
          try {
            const r = await client.mutate({
              mutation: ACCEPT_SHARE,
              variables:
                placement === 'SYNC'
                  ? { id: share.id, placement, remote: remoteId, path: path.trim().replace(/^\/+|\/+$/g, '') }
                  : { id: share.id, placement },
              refetchQueries: [USER_SHARES_WITH_ME],
            });
            const run = r.data?.acceptShare.firstSync;
            notify(
              'success',
              run
                ? `Accepted ${share.name}: first sync ${run.result}, ${run.toRecipient.length} files copied`
                : `Accepted ${share.name}`,
            );
            onClose();
          } catch (err) {
            setError(errorMessage(err));
            setBusy(false);
          }
        }}
      >
        <p>
          {from} shares this {share.kind === 'FOLDER' ? 'folder' : 'file'} with you (
          {share.access === 'READ_WRITE' ? 'can edit' : 'can view'}).
        </p>
        {share.message && <blockquote>{share.message}</blockquote>}
        <fieldset>
          <legend>Where it goes</legend>
          <label>
            <input
              type="radio"
              name={`${id}-placement`}
              checked={placement === 'SYNC'}
              onChange={() => setPlacement('SYNC')}
            />{' '}
            Keep a copy in sync in a folder of my remote
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-placement`}
              checked={placement === 'VIEW'}
              disabled={share.encrypted}
              onChange={() => setPlacement('VIEW')}
            />{' '}
            Only view it in the app
          </label>
        </fieldset>
        {placement === 'SYNC' && (
          <>
            <label htmlFor={`${id}-remote`}>Remote</label>
            <select id={`${id}-remote`} value={remoteId} onChange={(e) => setRemote(e.target.value)} required>
              {remotes.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-path`}>Folder in that remote</label>
            <input id={`${id}-path`} value={path} onChange={(e) => setPath(e.target.value)} />
            <p className="muted">
              {share.kind === 'FOLDER'
                ? 'A new or empty folder; it is made if missing. Empty means the remote’s root.'
                : 'The folder the file is kept in; it is made if missing.'}
            </p>
          </>
        )}
        {error && (
          <p role="alert" className="bad">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || (placement === 'SYNC' && !remoteId)}>
            {busy ? 'Accepting…' : 'Accept'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
