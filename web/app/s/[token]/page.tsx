'use client';
// Public share page (no account): name, size, the owner's note, a preview (image, video, audio,
// text, PDF), download in the browser (streamed, resumable), a .torrent and magnet, folders
// browsable and downloadable as a zip, the PGP option with the exact gpg command, a password
// prompt, and clear pages for expired, revoked and used-up links.
import { useParams } from 'next/navigation';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Gone, PasswordPrompt } from '../PasswordPrompt';
import { API, formatBytes, GONE_TEXT, getJson, loadGrant, type Refusal } from '../public-api';

type PreviewKind = 'image' | 'video' | 'audio' | 'pdf' | 'text' | null;

interface ShareMeta {
  name: string;
  kind: 'file' | 'folder';
  size: number | null;
  note: string | null;
  preview: PreviewKind;
  previewOnly: boolean;
  requirePgp: boolean;
  expiresAt: string | null;
  downloadsLeft: number | null;
  gpgCommand: string | null;
  urls: { download: string | null; zip: string | null; torrent: string | null; pgp: string | null };
}

interface Item {
  name: string;
  path: string;
  kind: 'file' | 'folder';
  size: number;
  preview: PreviewKind;
}

function url(token: string, action: string, grant: string | null, path?: string): string {
  const q = new URLSearchParams();
  if (path) q.set('path', path);
  if (grant) q.set('grant', grant);
  const qs = q.toString();
  return `${API}/s/${token}/${action}${qs ? `?${qs}` : ''}`;
}

function Preview(props: {
  token: string;
  grant: string | null;
  kind: PreviewKind;
  name: string;
  path?: string;
}) {
  const src = url(props.token, 'preview', props.grant, props.path);
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    if (props.kind !== 'text') return;
    // The first 256 KB is enough to read; the rest is a download away.
    fetch(src, { headers: { range: 'bytes=0-262143' } })
      .then((r) => r.text())
      .then(setText, () => setText('(preview unavailable)'));
  }, [props.kind, src]);
  switch (props.kind) {
    case 'image':
      // biome-ignore lint/performance/noImgElement: a shared user file streamed by the gateway, nothing to optimise
      return <img src={src} alt={props.name} style={{ maxWidth: '100%', maxHeight: '70vh' }} />;
    case 'video':
      // biome-ignore lint/a11y/useMediaCaption: shared files come without captions
      return <video src={src} controls style={{ maxWidth: '100%', maxHeight: '70vh' }} />;
    case 'audio':
      // biome-ignore lint/a11y/useMediaCaption: shared files come without captions
      return <audio src={src} controls />;
    case 'pdf':
      return <iframe src={src} title={props.name} style={{ width: '100%', height: '75vh', border: 0 }} />;
    case 'text':
      return <pre style={{ maxHeight: '60vh', overflow: 'auto', whiteSpace: 'pre-wrap' }}>{text ?? '…'}</pre>;
    default:
      return <p className="muted">No preview for this type of file.</p>;
  }
}

function PgpForm(props: {
  token: string;
  grant: string | null;
  name: string;
  command: string | null;
  path?: string;
}) {
  const [key, setKey] = useState('');
  return (
    <section aria-label="Encrypted download">
      <h2>Encrypted download</h2>
      <p className="muted">
        The owner asks that this file be delivered encrypted to your OpenPGP key. Paste your public key (
        <code>gpg --armor --export you@example.com</code>), download, then decrypt with:
      </p>
      <pre>{props.command ?? `gpg --output '${props.name}' --decrypt '${props.name}.gpg'`}</pre>
      <form method="POST" action={url(props.token, 'pgp', props.grant, props.path)}>
        <div className="field">
          <label htmlFor="pgp-key">Your OpenPGP public key</label>
          <textarea
            id="pgp-key"
            name="publicKey"
            rows={8}
            value={key}
            onChange={(e) => setKey(e.target.value)}
            placeholder="-----BEGIN PGP PUBLIC KEY BLOCK-----"
            required
          />
        </div>
        <div className="actions">
          <button type="submit" disabled={!key.includes('BEGIN PGP PUBLIC KEY')}>
            Download encrypted
          </button>
        </div>
      </form>
    </section>
  );
}

function Magnet(props: { token: string; grant: string | null }) {
  const [magnet, setMagnet] = useState<string | null>(null);
  async function load(e: FormEvent) {
    e.preventDefault();
    const r = await fetch(
      `${url(props.token, 'torrent', props.grant)}${props.grant ? '&' : '?'}format=magnet`,
    );
    if (r.ok) setMagnet(((await r.json()) as { magnet: string }).magnet);
  }
  return magnet ? (
    <a href={magnet}>Open magnet link</a>
  ) : (
    <button type="button" onClick={load}>
      Show magnet link
    </button>
  );
}

function Folder(props: { token: string; grant: string | null; meta: ShareMeta }) {
  const [path, setPath] = useState('');
  const [items, setItems] = useState<Item[] | null>(null);
  const [open, setOpen] = useState<Item | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setItems(null);
    getJson<{ items: Item[] }>(url(props.token, 'list', props.grant, path), props.grant).then((r) =>
      r.ok
        ? setItems(r.data.items.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name)))
        : setError(r.refusal.message),
    );
  }, [props.token, props.grant, path]);
  const crumbs = path ? path.split('/') : [];
  const downloadable = !props.meta.previewOnly && !props.meta.requirePgp;
  return (
    <section aria-label="Folder">
      <nav aria-label="Breadcrumb">
        <button type="button" onClick={() => setPath('')}>
          {props.meta.name}
        </button>
        {crumbs.map((c, i) => (
          <span key={crumbs.slice(0, i + 1).join('/')}>
            {' / '}
            <button type="button" onClick={() => setPath(crumbs.slice(0, i + 1).join('/'))}>
              {c}
            </button>
          </span>
        ))}
      </nav>
      {downloadable ? (
        <p>
          <a href={url(props.token, 'zip', props.grant, path)} download>
            Download {path ? 'this folder' : 'everything'} as .zip
          </a>
        </p>
      ) : null}
      {error ? <p className="bad">{error}</p> : null}
      {items === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <table>
          <tbody>
            {items.map((it) => (
              <tr key={it.path}>
                <td>
                  {it.kind === 'folder' ? (
                    <button type="button" onClick={() => setPath(it.path)}>
                      📁 {it.name}
                    </button>
                  ) : (
                    <span>{it.name}</span>
                  )}
                </td>
                <td className="muted">{it.kind === 'file' ? formatBytes(it.size) : ''}</td>
                <td>
                  {it.kind === 'file' && it.preview ? (
                    <button type="button" onClick={() => setOpen(it)}>
                      Preview
                    </button>
                  ) : null}{' '}
                  {it.kind === 'file' && downloadable ? (
                    <a href={url(props.token, 'download', props.grant, it.path)} download>
                      Download
                    </a>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open ? (
        <section aria-label={`Preview of ${open.name}`}>
          <h2>{open.name}</h2>
          <Preview
            token={props.token}
            grant={props.grant}
            kind={open.preview}
            name={open.name}
            path={open.path}
          />
          {props.meta.requirePgp ? (
            <PgpForm
              token={props.token}
              grant={props.grant}
              name={open.name}
              command={null}
              path={open.path}
            />
          ) : null}
        </section>
      ) : null}
    </section>
  );
}

export default function SharePage() {
  const { token } = useParams<{ token: string }>();
  const [grant, setGrant] = useState<string | null>(null);
  const [meta, setMeta] = useState<ShareMeta | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const load = useCallback(
    async (g: string | null) => {
      const r = await getJson<ShareMeta>(`${API}/s/${token}`, g);
      if (r.ok) {
        setMeta(r.data);
        setRefusal(null);
      } else setRefusal(r.refusal);
    },
    [token],
  );

  useEffect(() => {
    const g = loadGrant('s', token);
    setGrant(g);
    void load(g);
  }, [token, load]);

  if (refusal?.reason === 'password')
    return (
      <main>
        <PasswordPrompt
          kind="s"
          token={token}
          onGrant={(g) => {
            setGrant(g);
            void load(g);
          }}
        />
      </main>
    );
  if (refusal)
    return (
      <main>
        <Gone
          title={refusal.status === 410 ? 'This link no longer works' : 'Link not found'}
          text={GONE_TEXT[refusal.reason] ?? refusal.message}
        />
      </main>
    );
  if (!meta)
    return (
      <main>
        <p className="muted">Loading…</p>
      </main>
    );
  const downloadable = !meta.previewOnly && !meta.requirePgp;
  return (
    <main style={{ maxWidth: 960, margin: '0 auto', padding: '1rem' }}>
      <h1>{meta.name}</h1>
      <p className="muted">
        {meta.kind === 'file' ? formatBytes(meta.size) : 'Folder'}
        {meta.expiresAt ? ` · available until ${new Date(meta.expiresAt).toLocaleString()}` : ''}
        {meta.downloadsLeft !== null ? ` · ${meta.downloadsLeft} download(s) left` : ''}
        {meta.previewOnly ? ' · preview only' : ''}
      </p>
      {meta.note ? <blockquote>{meta.note}</blockquote> : null}
      {meta.kind === 'folder' ? (
        <Folder token={token} grant={grant} meta={meta} />
      ) : (
        <>
          <Preview token={token} grant={grant} kind={meta.preview} name={meta.name} />
          {downloadable ? (
            <p className="actions">
              <a href={url(token, 'download', grant)} download>
                Download
              </a>{' '}
              {meta.urls.torrent ? (
                <>
                  <a href={url(token, 'torrent', grant)}>.torrent</a> <Magnet token={token} grant={grant} />
                </>
              ) : null}
            </p>
          ) : null}
          {meta.requirePgp ? (
            <PgpForm token={token} grant={grant} name={meta.name} command={meta.gpgCommand} />
          ) : null}
        </>
      )}
    </main>
  );
}
