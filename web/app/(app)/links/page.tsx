'use client';
// Links & requests: my public share links (state, views, downloads, revoke) and my file requests
// (where uploads go, what arrived, close or reopen).
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useNotices } from '../../../components/Notices';
import { CopyUrl, pageUrl } from '../../../components/ShareLinkDialog';
import { Empty, ErrorState, Loading } from '../../../components/States';
import { errorMessage, formatBytes, formatDate } from '../../../lib/format';
import { MY_LINKS, REVOKE_SHARE_LINK, SET_FILE_REQUEST_OPEN } from '../../../lib/links-operations';

export default function LinksPage() {
  const { data, loading, error, refetch } = useQuery(MY_LINKS, { fetchPolicy: 'cache-and-network' });
  const client = useApolloClient();
  const { notify } = useNotices();

  const act = async (label: string, work: () => Promise<unknown>) => {
    try {
      await work();
      notify('success', label);
      await refetch();
    } catch (err) {
      notify('error', `${label} failed: ${errorMessage(err)}`);
    }
  };

  if (error && !data) return <ErrorState error={error} retry={() => void refetch()} />;
  if (loading && !data) return <Loading />;
  const links = data?.shareLinks ?? [];
  const requests = data?.fileRequests ?? [];

  return (
    <div className="links-page">
      <h1>Links &amp; requests</h1>
      <section aria-labelledby="share-links-h">
        <h2 id="share-links-h">Share links</h2>
        {links.length === 0 ? (
          <Empty title="No share links">Open a file's details and choose “Share link…”.</Empty>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">State</th>
                <th scope="col">Views</th>
                <th scope="col">Downloads</th>
                <th scope="col">Expires</th>
                <th scope="col">Options</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {links.map((l) => (
                <tr key={l.id} aria-label={`Link to ${l.name}`}>
                  <td>
                    <a href={pageUrl('s', l.token)} target="_blank" rel="noreferrer">
                      {l.name}
                    </a>
                    {l.note && <div className="muted">{l.note}</div>}
                  </td>
                  <td>{l.state}</td>
                  <td>{l.views}</td>
                  <td>
                    {l.downloads}
                    {l.maxDownloads != null && ` of ${l.maxDownloads}`}
                  </td>
                  <td>{l.expiresAt ? formatDate(l.expiresAt) : 'never'}</td>
                  <td>
                    {[l.hasPassword && 'password', l.previewOnly && 'preview only', l.requirePgp && 'PGP']
                      .filter(Boolean)
                      .join(', ') || '—'}
                  </td>
                  <td>
                    {l.state === 'active' && (
                      <button
                        type="button"
                        className="danger"
                        aria-label={`Revoke link to ${l.name}`}
                        onClick={() =>
                          void act(`Revoked the link to ${l.name}`, () =>
                            client.mutate({ mutation: REVOKE_SHARE_LINK, variables: { id: l.id } }),
                          )
                        }
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="file-requests-h">
        <h2 id="file-requests-h">File requests</h2>
        {requests.length === 0 ? (
          <Empty title="No file requests">Open a folder's details and choose “Request files…”.</Empty>
        ) : (
          <ul className="requests">
            {requests.map((r) => (
              <li key={r.id} className="card">
                <h3>{r.title}</h3>
                <p className="muted">
                  Into {r.folderPath || 'the remote’s root'} · {r.open ? 'open' : 'closed'}
                  {r.deadline && ` · due ${formatDate(r.deadline)}`}
                  {r.hasPassword && ' · password'}
                </p>
                <CopyUrl label={`Link to ${r.title}`} url={pageUrl('r', r.token)} />
                <button
                  type="button"
                  onClick={() =>
                    void act(`${r.open ? 'Closed' : 'Reopened'} ${r.title}`, () =>
                      client.mutate({
                        mutation: SET_FILE_REQUEST_OPEN,
                        variables: { id: r.id, open: !r.open },
                      }),
                    )
                  }
                >
                  {r.open ? 'Close' : 'Reopen'}
                </button>
                {r.uploads.length === 0 ? (
                  <p className="muted">Nothing uploaded yet.</p>
                ) : (
                  <table aria-label={`Uploads to ${r.title}`}>
                    <thead>
                      <tr>
                        <th scope="col">File</th>
                        <th scope="col">Size</th>
                        <th scope="col">Uploaded</th>
                      </tr>
                    </thead>
                    <tbody>
                      {r.uploads.map((u) => (
                        <tr key={`${u.path}@${u.uploadedAt}`}>
                          <td>{u.path}</td>
                          <td>{formatBytes(u.size)}</td>
                          <td>
                            {formatDate(u.uploadedAt)}
                            {u.late && ' (late)'}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
