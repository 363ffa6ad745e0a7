'use client';
// A file's details: where it is, its provider versions with hashes, copies on other remotes,
// shares, and the sync rules that hold it with their state.
import { useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { formatBytes, formatDate } from '../lib/format';
import { FILE_DETAILS } from '../lib/operations';
import { LinkActions } from './ShareLinkDialog';
import { ShareWithPeopleButton } from './ShareWithUserDialog';
import { ErrorState, Loading } from './States';

export function DetailsPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const { data, loading, error, refetch } = useQuery(FILE_DETAILS, { variables: { id } });
  const f = data?.file;
  return (
    <aside className="details" aria-label="Details">
      <header>
        <h2>{f?.name ?? 'Details'}</h2>
        <button type="button" onClick={onClose} aria-label="Close details">
          ✕
        </button>
      </header>
      {error && <ErrorState error={error} retry={() => void refetch()} />}
      {loading && !f && <Loading />}
      {f && (
        <>
          <dl>
            <dt>Where</dt>
            <dd>
              {f.details.ancestors.map((a, i) => (
                <span key={a.id}>
                  {i > 0 && ' / '}
                  {a.id.startsWith('UmVtb3Rl') ? (
                    <Link href={`/remote/${encodeURIComponent(a.id)}`}>{a.name}</Link>
                  ) : (
                    <Link href={`/folder/${encodeURIComponent(a.id)}`}>{a.name}</Link>
                  )}
                </span>
              ))}
            </dd>
            <dt>Kind</dt>
            <dd>{f.kind === 'FOLDER' ? 'Folder' : (f.mime ?? 'File')}</dd>
            {f.kind === 'FILE' && (
              <>
                <dt>Size</dt>
                <dd>{formatBytes(f.size)}</dd>
              </>
            )}
            <dt>Modified</dt>
            <dd>{formatDate(f.mtime)}</dd>
            {f.md5 && (
              <>
                <dt>MD5</dt>
                <dd className="hash">{f.md5}</dd>
              </>
            )}
            {f.sha1 && (
              <>
                <dt>SHA-1</dt>
                <dd className="hash">{f.sha1}</dd>
              </>
            )}
          </dl>
          {f.contentUrl && (
            <p>
              <a href={f.contentUrl} download={f.name}>
                Download
              </a>
            </p>
          )}
          {!f.trashed && <LinkActions target={{ id: f.id, name: f.name, kind: f.kind }} />}
          <h3>Provider versions</h3>
          {f.details.versions.length === 0 ? (
            <p className="muted">None recorded.</p>
          ) : (
            <ul className="versions">
              {f.details.versions.map((v) => (
                <li key={v.id}>
                  {v.current ? <strong>current</strong> : 'earlier'} · {formatBytes(v.size)} · seen{' '}
                  {formatDate(v.firstSeen)}
                  {v.md5 && <div className="hash">md5 {v.md5}</div>}
                  {v.sha1 && <div className="hash">sha1 {v.sha1}</div>}
                  {v.etag && <div className="hash">etag {v.etag}</div>}
                </li>
              ))}
            </ul>
          )}
          <h3>Copies elsewhere</h3>
          {f.details.copies.length === 0 ? (
            <p className="muted">No identical copy on your other remotes.</p>
          ) : (
            <ul>
              {f.details.copies.map((c) => (
                <li key={c.file.id}>
                  {c.remoteName}: {c.file.path}
                </li>
              ))}
            </ul>
          )}
          <h3>Shares</h3>
          {!f.sharedWithMe && <ShareWithPeopleButton file={{ id: f.id, name: f.name }} />}
          {f.details.shares.length === 0 ? (
            <p className="muted">Not shared.</p>
          ) : (
            <ul>
              {f.details.shares.map((s) => (
                <li key={s.id}>
                  {s.type} · {s.role}
                  {s.inherited && ' (from a parent folder)'}
                  {s.expiresAt && ` · until ${formatDate(s.expiresAt)}`}
                </li>
              ))}
            </ul>
          )}
          <h3>Sync state</h3>
          {f.details.syncRules.length === 0 ? (
            <p className="muted">No sync rule covers this.</p>
          ) : (
            <ul>
              {f.details.syncRules.map((r) => (
                <li key={r.id}>
                  <Link href="/rules">{r.name}</Link> ({r.mode}
                  {!r.enabled && ', paused'}):{' '}
                  {r.status
                    ? `${r.status.result}, last run ${formatDate(r.status.lastRunAt)}, pending ${r.status.pendingToPath1 + r.status.pendingToPath2}`
                    : 'not run yet'}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </aside>
  );
}
