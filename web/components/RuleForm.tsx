'use client';
// Creating a sync rule, with each option explained where it is chosen.
import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { errorMessage } from '../lib/format';
import { CREATE_SYNC_RULE, SYNC_RULES } from '../lib/operations';

const MODES = [
  {
    value: 'two-way',
    label: 'Two-way',
    help: 'Changes on either side reach the other; deletions too. Conflicts follow the rule below.',
  },
  {
    value: 'copy',
    label: 'Copy',
    help: 'New and changed files go from the first side to the second; nothing is ever deleted.',
  },
  {
    value: 'one-way',
    label: 'Mirror (one-way)',
    help: 'The second side becomes an exact copy of the first: files removed from the first are removed from the second.',
  },
  {
    value: 'move',
    label: 'Move',
    help: 'Files go from the first side to the second and are then removed from the first.',
  },
];

const COMPARE = [
  { value: 'size', label: 'Size', help: 'Cheap; misses edits that keep the size.' },
  {
    value: 'modtime',
    label: 'Modification time',
    help: 'Cheap; providers that do not keep times rely on size.',
  },
  { value: 'checksum', label: 'Checksum', help: 'Exact; slower where the provider cannot give a hash.' },
];

const KEEP = [
  { value: 'newer', label: 'Keep the newer' },
  { value: 'older', label: 'Keep the older' },
  { value: 'larger', label: 'Keep the larger' },
  { value: 'smaller', label: 'Keep the smaller' },
  { value: 'path1', label: 'First side wins' },
  { value: 'path2', label: 'Second side wins' },
];

type Remote = { id: string; name: string };

export function RuleForm({ remotes }: { remotes: Remote[] }) {
  const client = useApolloClient();
  const [name, setName] = useState('');
  const [mode, setMode] = useState('two-way');
  const [side1, setSide1] = useState({ remote: remotes[0]?.id ?? '', path: '' });
  const [side2, setSide2] = useState({ remote: remotes[1]?.id ?? remotes[0]?.id ?? '', path: '' });
  const [compare, setCompare] = useState<string[]>(['size', 'modtime']);
  const [keep, setKeep] = useState('newer');
  const [autoMerge, setAutoMerge] = useState(false);
  const [maxDelete, setMaxDelete] = useState('50');
  const [schedule, setSchedule] = useState('');
  const [realTime, setRealTime] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const side = (label: string, value: typeof side1, set: (v: typeof side1) => void, n: string) => (
    <fieldset>
      <legend>{label}</legend>
      <label htmlFor={`rule-remote${n}`}>Remote</label>
      <select
        id={`rule-remote${n}`}
        value={value.remote}
        onChange={(e) => set({ ...value, remote: e.target.value })}
      >
        {remotes.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </select>
      <label htmlFor={`rule-path${n}`}>Folder</label>
      <input
        id={`rule-path${n}`}
        value={value.path}
        placeholder="(whole remote)"
        onChange={(e) => set({ ...value, path: e.target.value })}
      />
    </fieldset>
  );

  const submit = async () => {
    setBusy(true);
    setMessage(null);
    try {
      await client.mutate({
        mutation: CREATE_SYNC_RULE,
        variables: {
          name: name.trim(),
          rule: {
            mode,
            path1: side1,
            path2: side2,
            compare,
            keep,
            autoMerge: mode === 'two-way' && autoMerge,
            maxDelete: { percent: Number(maxDelete) },
            scheduleSeconds: schedule ? Number(schedule) * 60 : null,
            realTime,
          },
        },
        refetchQueries: [SYNC_RULES],
        awaitRefetchQueries: true,
      });
      setMessage({ ok: true, text: `Created ${name.trim()}` });
      setName('');
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
    setBusy(false);
  };

  return (
    <form
      className="rule-form"
      aria-label="New sync rule"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor="rule-name">Name</label>
      <input id="rule-name" value={name} onChange={(e) => setName(e.target.value)} required />
      <fieldset>
        <legend>Mode</legend>
        {MODES.map((m) => (
          <label key={m.value} className="choice">
            <input
              type="radio"
              name="mode"
              value={m.value}
              checked={mode === m.value}
              onChange={() => setMode(m.value)}
            />{' '}
            <strong>{m.label}</strong> <span className="muted">— {m.help}</span>
          </label>
        ))}
      </fieldset>
      <div className="sides">
        {side(mode === 'two-way' ? 'First side' : 'From', side1, setSide1, '1')}
        {side(mode === 'two-way' ? 'Second side' : 'To', side2, setSide2, '2')}
      </div>
      <fieldset>
        <legend>Compare files by</legend>
        {COMPARE.map((c) => (
          <label key={c.value} className="choice">
            <input
              type="checkbox"
              checked={compare.includes(c.value)}
              onChange={(e) =>
                setCompare(e.target.checked ? [...compare, c.value] : compare.filter((x) => x !== c.value))
              }
            />{' '}
            <strong>{c.label}</strong> <span className="muted">— {c.help}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>When a file changed on both sides</legend>
        <select aria-label="Conflict resolution" value={keep} onChange={(e) => setKeep(e.target.value)}>
          {KEEP.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
        <p className="muted">The other version is never lost: it is kept beside it with a conflict name.</p>
        {mode === 'two-way' && (
          <label className="choice">
            <input type="checkbox" checked={autoMerge} onChange={(e) => setAutoMerge(e.target.checked)} />{' '}
            Merge small text files changed on both sides when the edits do not overlap
          </label>
        )}
      </fieldset>
      <fieldset>
        <legend>Safety and timing</legend>
        <label htmlFor="rule-maxdelete">Stop if a run would delete more than this share of a side (%)</label>
        <input
          id="rule-maxdelete"
          type="number"
          min={0}
          max={100}
          value={maxDelete}
          onChange={(e) => setMaxDelete(e.target.value)}
        />
        <label htmlFor="rule-schedule">Run every (minutes, empty: only when asked)</label>
        <input
          id="rule-schedule"
          type="number"
          min={1}
          value={schedule}
          onChange={(e) => setSchedule(e.target.value)}
        />
        <label className="choice">
          <input type="checkbox" checked={realTime} onChange={(e) => setRealTime(e.target.checked)} /> Follow
          changes as they happen between scheduled runs
        </label>
      </fieldset>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok' : 'bad'}>
          {message.text}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || !name.trim() || compare.length === 0}>
        {busy ? 'Creating…' : 'Create rule'}
      </button>
    </form>
  );
}
