'use client';
// Sync rules: each with its last result, errors, live progress while running and the runs seen
// in this session; and the form to create one.
import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { useNotices } from '../../../components/Notices';
import { RuleForm } from '../../../components/RuleForm';
import { Empty, ErrorState, Loading } from '../../../components/States';
import { errorMessage, formatBytes, formatDate } from '../../../lib/format';
import type { SyncProgressSubscription } from '../../../lib/gql/graphql';
import {
  DELETE_SYNC_RULE,
  RUN_SYNC_RULE,
  SET_SYNC_RULE_ENABLED,
  SYNC_PROGRESS,
  SYNC_RULES,
} from '../../../lib/operations';

type Progress = SyncProgressSubscription['syncProgress'];

export default function RulesPage() {
  const { data, loading, error, refetch } = useQuery(SYNC_RULES);
  const client = useApolloClient();
  const { notify } = useNotices();
  const [progress, setProgress] = useState<Record<string, Progress>>({});
  const [history, setHistory] = useState<Record<string, Progress[]>>({});
  useSubscription(SYNC_PROGRESS, {
    onData: ({ data: d }) => {
      const p = d.data?.syncProgress;
      if (!p) return;
      setProgress((all) => ({ ...all, [p.ruleId]: p }));
      if (p.stage === 'finished') {
        setHistory((all) => ({ ...all, [p.ruleId]: [p, ...(all[p.ruleId] ?? [])].slice(0, 10) }));
        void refetch();
      }
    },
  });
  const remotes = data?.remotes ?? [];
  const remoteName = (id: unknown) => remotes.find((r) => r.id === id)?.name ?? 'unknown remote';

  const act = async (label: string, work: () => Promise<unknown>) => {
    try {
      await work();
      await refetch();
    } catch (err) {
      notify('error', `${label} failed: ${errorMessage(err)}`);
    }
  };

  return (
    <section>
      <h1>Sync rules</h1>
      {error ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : loading && !data ? (
        <Loading />
      ) : data?.syncRules.length === 0 ? (
        <Empty title="No sync rules yet">
          <p>A rule keeps two folders in step, on the same or different remotes.</p>
        </Empty>
      ) : (
        <ul className="cards" data-state="loaded">
          {data?.syncRules.map((r) => {
            const rule = r.rule as {
              path1: { remote: string; path: string };
              path2: { remote: string; path: string };
            };
            const p = progress[r.id];
            const running = p && p.stage !== 'finished';
            return (
              <li key={r.id} className="card" data-rule={r.name}>
                <h2>
                  {r.name} <span className="muted">{r.mode}</span>{' '}
                  {!r.enabled && <span className="bad">paused</span>}
                </h2>
                <p>
                  {remoteName(rule.path1.remote)}:/{rule.path1.path} {r.mode === 'two-way' ? '⇄' : '→'}{' '}
                  {remoteName(rule.path2.remote)}:/{rule.path2.path}
                </p>
                {running && (
                  <div className="progress" role="status" aria-live="polite">
                    <progress max={p.operations || 1} value={p.done} aria-label={`${r.name} progress`} />{' '}
                    {p.done} of {p.operations} · {formatBytes(p.bytes)}{' '}
                    {p.path && <span className="muted">{p.path}</span>}
                  </div>
                )}
                {r.status ? (
                  <p data-result={r.status.result}>
                    Last run {formatDate(r.status.lastRunAt)}:{' '}
                    <strong
                      className={r.status.result === 'ok' || r.status.result === 'unchanged' ? 'ok' : 'bad'}
                    >
                      {r.status.result}
                    </strong>
                    , {r.status.movedFiles} files ({formatBytes(r.status.movedBytes)}) moved
                    {r.status.reason && ` — ${r.status.reason}`}
                  </p>
                ) : (
                  <p className="muted">Never ran.</p>
                )}
                {r.status && r.status.errors.length > 0 && (
                  <details open>
                    <summary className="bad">{r.status.errors.length} errors</summary>
                    <ul>
                      {r.status.errors.map((e) => (
                        <li key={e}>{e}</li>
                      ))}
                    </ul>
                  </details>
                )}
                {(history[r.id]?.length ?? 0) > 0 && (
                  <details>
                    <summary>Runs this session</summary>
                    <ul>
                      {history[r.id]!.map((h) => (
                        <li key={h.at}>
                          {formatDate(h.at)}: {h.result}, {h.done} done, {h.failed} failed
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
                <div className="actions">
                  <button
                    type="button"
                    className="primary"
                    disabled={!r.enabled || !!running}
                    onClick={() =>
                      void act('Run', async () => {
                        const res = await client.mutate({ mutation: RUN_SYNC_RULE, variables: { id: r.id } });
                        const s = res.data?.runSyncRule;
                        notify(
                          s?.result === 'ok' || s?.result === 'unchanged' ? 'success' : 'error',
                          `${r.name}: ${s?.result}, ${s?.movedFiles} files moved`,
                        );
                        await client.refetchQueries({ include: 'active' });
                      })
                    }
                  >
                    Run now
                  </button>
                  <button
                    type="button"
                    onClick={() =>
                      void act('Pause', () =>
                        client.mutate({
                          mutation: SET_SYNC_RULE_ENABLED,
                          variables: { id: r.id, enabled: !r.enabled },
                        }),
                      )
                    }
                  >
                    {r.enabled ? 'Pause' : 'Resume'}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    onClick={() =>
                      window.confirm(`Delete the rule ${r.name}? No file is touched.`) &&
                      void act('Delete', () =>
                        client.mutate({ mutation: DELETE_SYNC_RULE, variables: { id: r.id } }),
                      )
                    }
                  >
                    Delete
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <h2>New rule</h2>
      {remotes.length === 0 ? (
        <p className="muted">Connect a remote first.</p>
      ) : (
        <RuleForm remotes={remotes} />
      )}
    </section>
  );
}
