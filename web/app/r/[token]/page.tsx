'use client';
// Public file-request page (no account): what is asked for, the deadline and limits; takes many
// files and whole folders (structure kept) with resumable tus uploads, SHA-1 checksums and
// progress. The uploader sees only their own uploads.
import { useParams } from 'next/navigation';
import { type ChangeEvent, type DragEvent, useCallback, useEffect, useState } from 'react';
import { Upload } from 'tus-js-client';
import { Gone, PasswordPrompt } from '../../s/PasswordPrompt';
import { API, formatBytes, GONE_TEXT, getJson, loadGrant, type Refusal } from '../../s/public-api';

interface RequestMeta {
  title: string;
  description: string;
  deadline: string | null;
  lateUploads: string;
  late: boolean;
  maxFileBytes: number | null;
  maxFiles: number | null;
  allowedTypes: string[];
}

interface Row {
  id: string;
  path: string;
  size: number;
  sent: number;
  state: 'hashing' | 'uploading' | 'done' | 'failed';
  error?: string;
}

const LATE_TEXT: Record<string, string> = {
  none: 'No uploads after the deadline.',
  '1d': 'Late uploads accepted for one day after the deadline (marked late).',
  '2d': 'Late uploads accepted for two days after the deadline (marked late).',
  '7d': 'Late uploads accepted for seven days after the deadline (marked late).',
  '30d': 'Late uploads accepted for thirty days after the deadline (marked late).',
  always: 'Late uploads are always accepted (marked late).',
};

/** Files up to this size get a SHA-1 the gateway checks (Web Crypto hashes whole buffers). */
const HASH_LIMIT = 256 * 1024 * 1024;

async function sha1Hex(file: File): Promise<string | null> {
  if (file.size > HASH_LIMIT || !crypto.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-1', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Files of a dropped folder, walked through the entries API, with their relative paths. */
async function filesOf(items: DataTransferItemList): Promise<{ file: File; path: string }[]> {
  const out: { file: File; path: string }[] = [];
  async function walk(entry: FileSystemEntry, prefix: string): Promise<void> {
    if (entry.isFile) {
      const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
      out.push({ file, path: `${prefix}${file.name}` });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
        if (batch.length === 0) break;
        for (const e of batch) await walk(e, `${prefix}${entry.name}/`);
      }
    }
  }
  for (const item of [...items]) {
    const entry = item.webkitGetAsEntry();
    if (entry) await walk(entry, '');
  }
  return out;
}

export default function RequestPage() {
  const { token } = useParams<{ token: string }>();
  const [grant, setGrant] = useState<string | null>(null);
  const [meta, setMeta] = useState<RequestMeta | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [rows, setRows] = useState<Row[]>([]);

  const load = useCallback(
    async (g: string | null) => {
      const r = await getJson<RequestMeta>(`${API}/r/${token}`, g);
      if (r.ok) {
        setMeta(r.data);
        setRefusal(null);
      } else setRefusal(r.refusal);
    },
    [token],
  );

  useEffect(() => {
    const g = loadGrant('r', token);
    setGrant(g);
    void load(g);
  }, [token, load]);

  const update = (id: string, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.id === id ? { ...r, ...patch } : r)));

  async function send(files: { file: File; path: string }[]) {
    for (const { file, path } of files) {
      const id = `${path}-${Math.random().toString(36).slice(2)}`;
      setRows((rs) => [...rs, { id, path, size: file.size, sent: 0, state: 'hashing' }]);
      const sha1 = await sha1Hex(file).catch(() => null);
      update(id, { state: 'uploading' });
      await new Promise<void>((resolve) => {
        const upload = new Upload(file, {
          endpoint: `${API}/r/uploads`,
          metadata: { token, filename: file.name, relativePath: path, ...(sha1 ? { sha1 } : {}) },
          headers: grant ? { 'x-link-grant': grant } : {},
          chunkSize: 16 * 1024 * 1024,
          retryDelays: [0, 1000, 3000, 5000, 10000],
          // Resumes after a reload or a lost connection: the browser remembers the upload URL.
          storeFingerprintForResuming: true,
          removeFingerprintOnSuccess: true,
          onProgress: (sent) => update(id, { sent }),
          onSuccess: () => {
            update(id, { state: 'done', sent: file.size });
            resolve();
          },
          onError: (err) => {
            const body = (err as { originalResponse?: { getBody(): string } }).originalResponse?.getBody();
            update(id, { state: 'failed', error: body?.trim() || err.message });
            resolve();
          },
        });
        upload.findPreviousUploads().then((previous) => {
          if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
          upload.start();
        });
      });
    }
  }

  function picked(e: ChangeEvent<HTMLInputElement>) {
    const files = [...(e.target.files ?? [])].map((f) => ({ file: f, path: f.webkitRelativePath || f.name }));
    e.target.value = '';
    void send(files);
  }

  async function dropped(e: DragEvent) {
    e.preventDefault();
    void send(await filesOf(e.dataTransfer.items));
  }

  if (refusal?.reason === 'password')
    return (
      <main>
        <PasswordPrompt
          kind="r"
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
          title={refusal.status === 410 ? 'This request takes no more files' : 'Request not found'}
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
  return (
    <main style={{ maxWidth: 800, margin: '0 auto', padding: '1rem' }}>
      <h1>{meta.title}</h1>
      {meta.description ? <p style={{ whiteSpace: 'pre-wrap' }}>{meta.description}</p> : null}
      <ul className="muted">
        {meta.deadline ? <li>Deadline: {new Date(meta.deadline).toLocaleString()}</li> : null}
        {meta.deadline ? <li>{LATE_TEXT[meta.lateUploads]}</li> : null}
        {meta.late ? <li className="bad">The deadline has passed: your files will be marked late.</li> : null}
        {meta.maxFileBytes ? <li>Up to {formatBytes(meta.maxFileBytes)} per file</li> : null}
        {meta.maxFiles ? <li>At most {meta.maxFiles} files in all</li> : null}
        {meta.allowedTypes.length ? <li>Accepted types: {meta.allowedTypes.join(', ')}</li> : null}
      </ul>
      <section
        aria-label="Drop files here"
        onDragOver={(e) => e.preventDefault()}
        onDrop={dropped}
        style={{ border: '2px dashed currentColor', padding: '2rem', textAlign: 'center' }}
      >
        <p>Drop files or folders here, or</p>
        <label>
          Choose files <input type="file" multiple onChange={picked} />
        </label>{' '}
        <label>
          Choose a folder{' '}
          <input
            type="file"
            onChange={picked}
            {...({ webkitdirectory: '', directory: '' } as Record<string, string>)}
          />
        </label>
      </section>
      {rows.length ? (
        <table aria-label="Your uploads">
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.path}</td>
                <td>
                  <progress max={r.size || 1} value={r.sent} />
                </td>
                <td className={r.state === 'failed' ? 'bad' : r.state === 'done' ? 'ok' : 'muted'}>
                  {r.state === 'failed'
                    ? r.error
                    : r.state === 'done'
                      ? 'Uploaded'
                      : `${formatBytes(r.sent)} of ${formatBytes(r.size)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </main>
  );
}
