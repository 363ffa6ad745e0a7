'use client';
// The platform's health as the gateway sees it (no sign-in needed).
import { useQuery } from '@apollo/client/react';
import { ErrorState, Loading } from '../../components/States';
import { HEALTH } from '../../lib/operations';

export default function HealthPage() {
  const { data, loading, error, refetch } = useQuery(HEALTH, { pollInterval: 10_000 });
  return (
    <main className="narrow">
      <h1>Platform health</h1>
      {error && <ErrorState error={error} retry={() => void refetch()} />}
      {loading && !data && <Loading label="Checking engines…" />}
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
