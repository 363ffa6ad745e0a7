'use client';
// Connect a remote of any provider type: the fields each type needs, "Test" tries the settings
// without saving, "Connect" saves them (encrypted by the gateway) and scans the remote once.
import { useApolloClient } from '@apollo/client/react';
import { useId, useState } from 'react';
import { errorMessage, formatBytes } from '../lib/format';
import { CONNECT_REMOTE, ME, REMOTES, TEST_REMOTE } from '../lib/operations';

type Field = {
  key: string;
  label: string;
  type?: 'text' | 'password' | 'number' | 'textarea';
  required?: boolean;
  hint?: string;
};

const TYPES: Record<string, { label: string; fields: Field[] }> = {
  local: {
    label: 'Folder on the server',
    fields: [
      { key: 'root', label: 'Folder path', required: true, hint: 'An absolute path the gateway may use.' },
    ],
  },
  s3: {
    label: 'Amazon S3 or S3-compatible',
    fields: [
      { key: 'endpoint', label: 'Endpoint URL', hint: 'Empty for AWS; e.g. https://minio.example.com' },
      { key: 'region', label: 'Region', hint: 'us-east-1 when unsure' },
      { key: 'bucket', label: 'Bucket', required: true },
      { key: 'prefix', label: 'Key prefix', hint: 'Optional folder inside the bucket' },
      { key: 'accessKeyId', label: 'Access key id', required: true },
      { key: 'secretAccessKey', label: 'Secret access key', type: 'password', required: true },
    ],
  },
  sftp: {
    label: 'SFTP server',
    fields: [
      { key: 'host', label: 'Host', required: true },
      { key: 'port', label: 'Port', type: 'number', hint: '22 by default' },
      { key: 'username', label: 'User name', required: true },
      { key: 'password', label: 'Password', type: 'password' },
      { key: 'privateKey', label: 'Private key (PEM)', type: 'textarea' },
      { key: 'root', label: 'Folder', hint: 'Relative to the login folder' },
    ],
  },
  webdav: {
    label: 'WebDAV (Nextcloud, ownCloud, …)',
    fields: [
      { key: 'url', label: 'Server URL', required: true },
      { key: 'username', label: 'User name' },
      { key: 'password', label: 'Password', type: 'password' },
      { key: 'root', label: 'Folder' },
    ],
  },
  rclone: {
    label: 'Any rclone backend (Google Drive, OneDrive, Dropbox, …)',
    fields: [
      {
        key: 'remote',
        label: 'rclone remote',
        required: true,
        hint: 'e.g. gdrive: (a section of the config below)',
      },
      { key: 'root', label: 'Folder' },
      { key: 'rcloneConfig', label: 'rclone.conf content', type: 'textarea' },
    ],
  },
};

function configOf(type: string, values: Record<string, string>): Record<string, unknown> {
  const config: Record<string, unknown> = { type };
  for (const f of TYPES[type]!.fields) {
    const v = values[f.key]?.trim();
    if (!v) continue;
    config[f.key] = f.type === 'number' ? Number(v) : v;
  }
  return config;
}

export function ConnectRemoteForm({ onConnected }: { onConnected?: (id: string) => void }) {
  const client = useApolloClient();
  const id = useId();
  const [type, setType] = useState('local');
  const [name, setName] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'test' | 'connect' | null>(null);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  const test = async () => {
    setBusy('test');
    setResult(null);
    try {
      const r = await client.mutate({ mutation: TEST_REMOTE, variables: { config: configOf(type, values) } });
      const s = r.data?.testRemote;
      setResult(
        s?.connected
          ? {
              ok: true,
              message: `Connection works${s.total ? ` · ${formatBytes(s.used)} of ${formatBytes(s.total)} used` : ''}`,
            }
          : { ok: false, message: s?.error ?? 'Could not connect' },
      );
    } catch (err) {
      setResult({ ok: false, message: errorMessage(err) });
    }
    setBusy(null);
  };

  const connect = async () => {
    setBusy('connect');
    setResult(null);
    try {
      const r = await client.mutate({
        mutation: CONNECT_REMOTE,
        variables: { name: name.trim(), config: configOf(type, values) },
        refetchQueries: [ME, REMOTES],
        awaitRefetchQueries: true,
      });
      const c = r.data?.connectRemote;
      setResult({
        ok: true,
        message: `Connected ${c?.remote.name}: ${c?.scan.entries} files and folders found`,
      });
      setName('');
      setValues({});
      if (c) onConnected?.(c.remote.id);
    } catch (err) {
      setResult({ ok: false, message: errorMessage(err) });
    }
    setBusy(null);
  };

  return (
    <form
      className="connect-form"
      aria-label="Connect a remote"
      onSubmit={(e) => {
        e.preventDefault();
        void connect();
      }}
    >
      <label htmlFor={`${id}-type`}>Provider</label>
      <select
        id={`${id}-type`}
        value={type}
        onChange={(e) => {
          setType(e.target.value);
          setResult(null);
        }}
      >
        {Object.entries(TYPES).map(([k, t]) => (
          <option key={k} value={k}>
            {t.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-name`}>Name</label>
      <input
        id={`${id}-name`}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        placeholder="e.g. Laptop, Backups"
      />
      {TYPES[type]!.fields.map((f) => (
        <div key={`${type}-${f.key}`} className="field">
          <label htmlFor={`${id}-${f.key}`}>
            {f.label}
            {f.required && <span aria-hidden="true"> *</span>}
          </label>
          {f.type === 'textarea' ? (
            <textarea
              id={`${id}-${f.key}`}
              rows={4}
              value={values[f.key] ?? ''}
              onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
            />
          ) : (
            <input
              id={`${id}-${f.key}`}
              type={f.type ?? 'text'}
              required={f.required}
              autoComplete="off"
              value={values[f.key] ?? ''}
              onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
              aria-describedby={f.hint ? `${id}-${f.key}-hint` : undefined}
            />
          )}
          {f.hint && (
            <small id={`${id}-${f.key}-hint`} className="muted">
              {f.hint}
            </small>
          )}
        </div>
      ))}
      {result && (
        <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'ok' : 'bad'}>
          {result.message}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void test()} disabled={busy !== null}>
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" className="primary" disabled={busy !== null || !name.trim()}>
          {busy === 'connect' ? 'Connecting and scanning…' : 'Connect'}
        </button>
      </div>
    </form>
  );
}
