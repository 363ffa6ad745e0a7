'use client';
// Makes a file request into the folder it was opened on: title, description, deadline, how long
// late uploads are still taken, password, and limits on size, count and type. Then shows the URL.
import { useApolloClient } from '@apollo/client/react';
import { useId, useState } from 'react';
import { errorMessage } from '../lib/format';
import type { LateUploads } from '../lib/gql/graphql';
import { CREATE_FILE_REQUEST } from '../lib/links-operations';
import { Modal } from './Modal';
import { CopyUrl, type LinkTarget, pageUrl } from './ShareLinkDialog';

const LATE: { value: LateUploads; label: string }[] = [
  { value: 'NOT_ALLOWED', label: 'Not after the deadline' },
  { value: 'DAYS_1', label: 'For 1 more day (marked late)' },
  { value: 'DAYS_2', label: 'For 2 more days (marked late)' },
  { value: 'DAYS_7', label: 'For 7 more days (marked late)' },
  { value: 'DAYS_30', label: 'For 30 more days (marked late)' },
  { value: 'ALWAYS', label: 'Always (marked late)' },
];

/** "25 MB", "1.5 GiB", "300k" → bytes; null for empty; NaN when unreadable. */
export function parseSize(s: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?b?)\s*$/i.exec(s);
  if (!s.trim()) return null;
  if (!m) return Number.NaN;
  const power = ' kmgt'.indexOf((m[2] || ' ').toLowerCase());
  return Math.round(Number(m[1]) * (m[3]?.toLowerCase().startsWith('i') ? 1024 : 1000) ** power);
}

export function FileRequestDialog({
  destination,
  onClose,
}: {
  destination: Pick<LinkTarget, 'id' | 'name'>;
  onClose: () => void;
}) {
  const client = useApolloClient();
  const ids = {
    title: useId(),
    description: useId(),
    deadline: useId(),
    late: useId(),
    password: useId(),
    size: useId(),
    count: useId(),
    types: useId(),
  };
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [deadline, setDeadline] = useState('');
  const [late, setLate] = useState<LateUploads>('NOT_ALLOWED');
  const [password, setPassword] = useState('');
  const [maxSize, setMaxSize] = useState('');
  const [maxFiles, setMaxFiles] = useState('');
  const [types, setTypes] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [made, setMade] = useState<{ token: string } | null>(null);

  const submit = async () => {
    const bytes = parseSize(maxSize);
    if (bytes !== null && !(bytes > 0)) return setError('Size limit: write a size such as 25 MB or 2 GiB.');
    const count = maxFiles.trim() ? Number(maxFiles) : null;
    if (count !== null && (!Number.isInteger(count) || count < 1))
      return setError('File count limit must be a whole number of at least 1.');
    const due = deadline ? new Date(deadline) : null;
    if (due && !(due.getTime() > Date.now())) return setError('The deadline must be in the future.');
    const allowedTypes = types
      .split(/[\s,]+/)
      .map((t) => t.replace(/^\./, '').trim())
      .filter(Boolean);
    setBusy(true);
    setError(null);
    try {
      const r = await client.mutate({
        mutation: CREATE_FILE_REQUEST,
        variables: {
          destination: destination.id,
          title: title.trim(),
          description: description.trim() || null,
          deadline: due?.toISOString() ?? null,
          lateUploads: due ? late : null,
          password: password || null,
          maxFileBytes: bytes,
          maxFiles: count,
          allowedTypes: allowedTypes.length ? allowedTypes : null,
        },
      });
      const req = r.data?.createFileRequest;
      if (!req) throw new Error('The gateway returned no request.');
      setMade({ token: req.token });
      await client.refetchQueries({ include: ['MyLinks'] });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={`Request files into ${destination.name}`} onClose={onClose}>
      {made ? (
        <div className="link-made">
          <p>Anyone with this link can upload into {destination.name}; they cannot see what is there.</p>
          <CopyUrl label="Request link" url={pageUrl('r', made.token)} />
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
          <label htmlFor={ids.title}>Title</label>
          <input id={ids.title} value={title} onChange={(e) => setTitle(e.target.value)} required />
          <label htmlFor={ids.description}>Description (optional)</label>
          <textarea
            id={ids.description}
            rows={2}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
          <label htmlFor={ids.deadline}>Deadline (optional)</label>
          <input
            id={ids.deadline}
            type="datetime-local"
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
          />
          <label htmlFor={ids.late}>Late uploads</label>
          <select
            id={ids.late}
            value={late}
            disabled={!deadline}
            onChange={(e) => setLate(e.target.value as LateUploads)}
          >
            {LATE.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
          <label htmlFor={ids.password}>Password (optional)</label>
          <input
            id={ids.password}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <label htmlFor={ids.size}>Largest file (optional, e.g. 25 MB)</label>
          <input id={ids.size} value={maxSize} onChange={(e) => setMaxSize(e.target.value)} />
          <label htmlFor={ids.count}>Most files (optional)</label>
          <input
            id={ids.count}
            type="number"
            min={1}
            step={1}
            value={maxFiles}
            onChange={(e) => setMaxFiles(e.target.value)}
          />
          <label htmlFor={ids.types}>
            Allowed types (optional: extensions or media types, e.g. pdf, image/*)
          </label>
          <input id={ids.types} value={types} onChange={(e) => setTypes(e.target.value)} />
          {error && (
            <p role="alert" className="bad">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy || !title.trim()}>
              {busy ? 'Creating…' : 'Create request'}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
