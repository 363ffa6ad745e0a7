'use client';
// The recipient's view of an encrypted share: unlock the private key with the passphrase (in
// this page), unwrap the share's session key, then preview, download, or download a byte range
// of any file — each read decrypts only the ciphertext segments around the bytes asked for.
import { useApolloClient } from '@apollo/client/react';
import { useId, useState } from 'react';
import { Modal } from '../../../components/Modal';
import { readEncrypted, unlockKey, unwrapSessionKey } from '../../../lib/encrypted-files';
import { errorMessage, formatBytes } from '../../../lib/format';
import { ENCRYPTED_SHARE, MY_KEY_PAIR } from '../../../lib/keys-operations';

const PREVIEW_BYTES = 64 * 1024;

type File = { path: string; size: number };

function save(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function FileRow({ shareId, file, sessionKey }: { shareId: string; file: File; sessionKey: Uint8Array }) {
  const id = useId();
  const [preview, setPreview] = useState<{ text: string; note: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [from, setFrom] = useState('0');
  const [to, setTo] = useState(String(Math.max(0, file.size - 1)));
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);

  const read = async (start: number, end: number) => {
    const r = await readEncrypted(shareId, file.path, sessionKey, start, end);
    const note = `${r.bytes.length} bytes decrypted from ${r.cipherRead} bytes of ciphertext${r.verified ? '' : ' (older file: read from its start, not checked)'}`;
    return { ...r, note };
  };
  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="encrypted-file" data-path={file.path}>
      <strong>{file.path}</strong> <span className="muted">{formatBytes(file.size)}</span>
      <div className="actions">
        <button
          type="button"
          disabled={busy || file.size === 0}
          onClick={() =>
            void act(async () => {
              const r = await read(0, Math.min(file.size, PREVIEW_BYTES) - 1);
              setPreview({ text: new TextDecoder().decode(r.bytes), note: r.note });
            })
          }
        >
          Preview
        </button>
        <button
          type="button"
          disabled={busy || file.size === 0}
          onClick={() => void act(async () => save((await read(0, file.size - 1)).bytes, name))}
        >
          Download
        </button>
      </div>
      <form
        className="byte-range"
        aria-label={`Byte range of ${file.path}`}
        onSubmit={(e) => {
          e.preventDefault();
          void act(async () => {
            const [a, b] = [Number(from), Number(to)];
            if (!(Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b >= a && b < file.size))
              throw new Error(`Give bytes between 0 and ${file.size - 1}, first ≤ last.`);
            const r = await read(a, b);
            setPreview({ text: new TextDecoder().decode(r.bytes.subarray(0, PREVIEW_BYTES)), note: r.note });
            save(r.bytes, `${name}.bytes-${a}-${b}`);
          });
        }}
      >
        <label htmlFor={`${id}-from`}>Bytes from</label>
        <input id={`${id}-from`} inputMode="numeric" value={from} onChange={(e) => setFrom(e.target.value)} />
        <label htmlFor={`${id}-to`}>to</label>
        <input id={`${id}-to`} inputMode="numeric" value={to} onChange={(e) => setTo(e.target.value)} />
        <button type="submit" disabled={busy || file.size === 0}>
          Download range
        </button>
      </form>
      {error && (
        <p role="alert" className="bad">
          {error}
        </p>
      )}
      {preview && (
        <>
          <p className="muted read-note">{preview.note}</p>
          <pre className="plaintext">{preview.text}</pre>
        </>
      )}
    </li>
  );
}

export function EncryptedFilesDialog({
  share,
  onClose,
}: {
  share: { id: string; name: string };
  onClose: () => void;
}) {
  const id = useId();
  const client = useApolloClient();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<{ sessionKey: Uint8Array; files: File[] } | null>(null);

  return (
    <Modal title={`Encrypted files of ${share.name}`} onClose={onClose}>
      {!opened ? (
        <form
          aria-label="Unlock"
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            setError(null);
            try {
              const [keys, s] = await Promise.all([
                client.query({ query: MY_KEY_PAIR, fetchPolicy: 'network-only' }),
                client.query({
                  query: ENCRYPTED_SHARE,
                  variables: { id: share.id },
                  fetchPolicy: 'network-only',
                }),
              ]);
              const pair = keys.data?.myKeyPair;
              const wrapped = s.data?.userShare.sessionKey;
              if (!pair)
                throw new Error('You have no key pair: create or import one on the Encryption keys page.');
              if (!wrapped) throw new Error('This share has no session key for you.');
              const key = await unlockKey(pair.privateKey, passphrase).catch(() => {
                throw new Error('The passphrase does not open your key.');
              });
              setOpened({
                sessionKey: await unwrapSessionKey(wrapped, key),
                files: s.data?.userShare.encryptedFiles ?? [],
              });
              setPassphrase('');
            } catch (err) {
              setError(errorMessage(err));
            } finally {
              setBusy(false);
            }
          }}
        >
          <label htmlFor={`${id}-p`}>Your key's passphrase</label>
          <input
            id={`${id}-p`}
            type="password"
            autoComplete="current-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            required
          />
          <p className="muted">Your key is unlocked in this page only; the passphrase is not sent.</p>
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
              {busy ? 'Unlocking…' : 'Unlock'}
            </button>
          </div>
        </form>
      ) : (
        <>
          {opened.files.length === 0 ? (
            <p className="muted">No files yet.</p>
          ) : (
            <ul className="encrypted-files">
              {opened.files.map((f) => (
                <FileRow key={f.path} shareId={share.id} file={f} sessionKey={opened.sessionKey} />
              ))}
            </ul>
          )}
          <div className="actions">
            <button type="button" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
