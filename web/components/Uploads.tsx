'use client';
// Resumable uploads with tus-js-client against the gateway's tus endpoint (/files/uploads,
// proxied). Fingerprints are kept in localStorage, so re-adding a file after a dropped
// connection or a reload resumes from the gateway's offset instead of starting over.
import { useApolloClient } from '@apollo/client/react';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';
import { Upload } from 'tus-js-client';
import { formatBytes } from '../lib/format';
import { useNotices } from './Notices';

export interface UploadItem {
  key: number;
  name: string;
  size: number;
  sent: number;
  state: 'uploading' | 'done' | 'failed' | 'cancelled';
  error?: string;
}

interface UploadsValue {
  items: UploadItem[];
  start: (files: File[], parent: string) => void;
}

const UploadsContext = createContext<UploadsValue | null>(null);
let nextKey = 1;

/** tus answers errors as plain text bodies; show that text rather than tus-js-client's dump. */
function reason(err: Error): string {
  const body = (err as { originalResponse?: { getBody(): string } }).originalResponse?.getBody();
  return body?.trim() || err.message;
}

export function UploadsProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const running = useRef(new Map<number, Upload>());
  const client = useApolloClient();
  const { notify } = useNotices();
  const update = useCallback(
    (key: number, patch: Partial<UploadItem>) =>
      setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i))),
    [],
  );
  const start = useCallback(
    (files: File[], parent: string) => {
      for (const file of files) {
        const key = nextKey++;
        setItems((all) => [{ key, name: file.name, size: file.size, sent: 0, state: 'uploading' }, ...all]);
        const upload = new Upload(file, {
          endpoint: `${window.location.origin}/files/uploads`,
          metadata: { filename: file.name, parent },
          chunkSize: 8 * 1024 * 1024,
          retryDelays: [0, 1000, 3000, 5000],
          removeFingerprintOnSuccess: true,
          onProgress: (sent) => update(key, { sent }),
          onSuccess: () => {
            running.current.delete(key);
            update(key, { state: 'done', sent: file.size });
            notify('success', `Uploaded ${file.name}`);
            void client.refetchQueries({ include: 'active' });
          },
          onError: (err) => {
            running.current.delete(key);
            update(key, { state: 'failed', error: reason(err) });
            notify('error', `Upload of ${file.name} failed: ${reason(err)}`);
          },
        });
        running.current.set(key, upload);
        void upload.findPreviousUploads().then((previous) => {
          if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
          upload.start();
        });
      }
    },
    [client, notify, update],
  );
  const cancel = (key: number) => {
    void running.current.get(key)?.abort(true);
    running.current.delete(key);
    update(key, { state: 'cancelled' });
  };
  const value = useMemo(() => ({ items, start }), [items, start]);
  return (
    <UploadsContext.Provider value={value}>
      {children}
      {items.length > 0 && (
        <section className="uploads" aria-label="Uploads">
          <header>
            <h2>Uploads</h2>
            <button
              type="button"
              onClick={() => setItems((all) => all.filter((i) => i.state === 'uploading'))}
              aria-label="Clear finished uploads"
            >
              Clear
            </button>
          </header>
          <ul>
            {items.map((i) => (
              <li key={i.key} data-upload={i.name} data-state={i.state}>
                <span className="name">{i.name}</span>
                <progress max={i.size || 1} value={i.sent} aria-label={`Upload of ${i.name}`} />
                <span className="muted">
                  {i.state === 'uploading' && `${formatBytes(i.sent)} of ${formatBytes(i.size)}`}
                  {i.state === 'done' && 'Done'}
                  {i.state === 'cancelled' && 'Cancelled'}
                  {i.state === 'failed' && <span className="bad">{i.error}</span>}
                </span>
                {i.state === 'uploading' && (
                  <button
                    type="button"
                    onClick={() => cancel(i.key)}
                    aria-label={`Cancel upload of ${i.name}`}
                  >
                    ✕
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </UploadsContext.Provider>
  );
}

export function useUploads(): UploadsValue {
  const v = useContext(UploadsContext);
  if (!v) throw new Error('useUploads outside UploadsProvider');
  return v;
}
