'use client';
// Picks a destination folder (or a remote's root) for move and copy, browsing folders only.
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { FOLDER, ME, MY_DRIVE } from '../lib/operations';
import { Icon } from './Icon';
import { Modal } from './Modal';
import { ErrorState, Loading } from './States';

type Place = { id: string; name: string; remote: boolean };

export function FolderPicker({
  title,
  actionLabel,
  exclude,
  onPick,
  onClose,
}: {
  title: string;
  actionLabel: string;
  exclude: Set<string>;
  onPick: (id: string) => void;
  onClose: () => void;
}) {
  const [trail, setTrail] = useState<Place[]>([]);
  const here = trail.at(-1);
  const me = useQuery(ME);
  const root = useQuery(MY_DRIVE, {
    variables: { remoteId: here?.id ?? null },
    skip: !here?.remote,
  });
  const folder = useQuery(FOLDER, { variables: { id: here?.id ?? '' }, skip: !here || here.remote });
  const current = here?.remote ? root : folder;
  const children: Place[] = here
    ? (current.data?.list.edges ?? [])
        .map((e) => e.node)
        .filter((n) => n.kind === 'FOLDER' && !exclude.has(n.id))
        .map((n) => ({ id: n.id, name: n.name, remote: false }))
    : (me.data?.remotes ?? []).map((r) => ({ id: r.id, name: r.name, remote: true }));
  const loading = here ? current.loading && !current.data : me.loading && !me.data;
  const error = here ? current.error : me.error;
  return (
    <Modal title={title} onClose={onClose}>
      <nav aria-label="Destination path" className="crumbs">
        <button type="button" onClick={() => setTrail([])}>
          All remotes
        </button>
        {trail.map((p, i) => (
          <span key={p.id}>
            {' / '}
            <button type="button" onClick={() => setTrail(trail.slice(0, i + 1))}>
              {p.name}
            </button>
          </span>
        ))}
      </nav>
      {error ? (
        <ErrorState error={error} />
      ) : loading ? (
        <Loading />
      ) : (
        <ul className="picker">
          {children.length === 0 && <li className="muted">No folders here.</li>}
          {children.map((c) => (
            <li key={c.id}>
              <button type="button" onClick={() => setTrail([...trail, c])}>
                <Icon name={c.remote ? 'remote' : 'folder'} /> {c.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={!here} onClick={() => here && onPick(here.id)}>
          {actionLabel}
        </button>
      </div>
    </Modal>
  );
}
