'use client';
// Computers: each device with the remotes on it.
import { useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { Empty, ErrorState, Loading } from '../../../components/States';
import { COMPUTERS } from '../../../lib/operations';

export default function ComputersPage() {
  const { data, loading, error, refetch } = useQuery(COMPUTERS);
  const computers = data?.computers.edges.map((e) => e.node) ?? [];
  return (
    <section>
      <h1>Computers</h1>
      {error ? (
        <ErrorState error={error} retry={() => void refetch()} />
      ) : loading && !data ? (
        <Loading />
      ) : computers.length === 0 ? (
        <Empty title="No computers yet">
          <p>Run the syncoxide agent on a computer to see its folders here.</p>
        </Empty>
      ) : (
        <ul className="cards" data-state="loaded">
          {computers.map((c) => (
            <li key={c.id} className="card">
              <h2>{c.name}</h2>
              <p className="muted">
                {c.hostname} {c.platform && `· ${c.platform}`}
              </p>
              <ul>
                {c.remotes.map((r) => (
                  <li key={r.id}>
                    <Link href={`/remote/${encodeURIComponent(r.id)}`}>{r.name}</Link>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
