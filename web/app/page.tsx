'use client';
// Landing page for now: the platform's health as the gateway sees it. The file manager
// (global views, search, remotes, sync rules) grows here with the gateway's schema.
import { gql } from '@apollo/client';
import { useQuery } from '@apollo/client/react';

interface HealthData {
  health: {
    status: 'ok' | 'degraded' | 'down';
    engines: { name: string; ok: boolean; version: string | null; error: string | null }[];
  };
}

const HEALTH = gql`
  query Health {
    health {
      status
      engines {
        name
        ok
        version
        error
      }
    }
  }
`;

export default function Home() {
  const { data, loading, error } = useQuery<HealthData>(HEALTH, { pollInterval: 10_000 });
  return (
    <main>
      <h1>syncoxide</h1>
      <p className="muted">Your files on every provider, in one place.</p>
      <h2>Platform health</h2>
      {loading && <p aria-live="polite">Checking engines…</p>}
      {error && (
        <p role="alert" className="bad">
          The gateway is not reachable: {error.message}
        </p>
      )}
      {data && (
        <>
          <p>
            Overall:{' '}
            <strong className={data.health.status === 'ok' ? 'ok' : 'bad'}>{data.health.status}</strong>
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">Engine</th>
                <th scope="col">State</th>
                <th scope="col">Version or error</th>
              </tr>
            </thead>
            <tbody>
              {data.health.engines.map((e) => (
                <tr key={e.name}>
                  <td>{e.name}</td>
                  <td className={e.ok ? 'ok' : 'bad'}>{e.ok ? 'up' : 'down'}</td>
                  <td>{e.ok ? e.version : e.error}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </main>
  );
}
