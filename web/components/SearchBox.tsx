'use client';
// Search as you type: results appear under the box after a short pause; Enter opens the full
// search page with filters and facets.
import { useQuery } from '@apollo/client/react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { SEARCH } from '../lib/operations';

export function useDebounced<T>(value: T, ms = 200): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (m) => ENTITIES[m] ?? m);

/** The gateway's highlight is the escaped name with <mark> around matches: rendered without innerHTML. */
export function Highlight({ html, text }: { html: string | null | undefined; text: string }) {
  if (!html) return <span>{text}</span>;
  const parts = html.split(/<\/?mark>/);
  return (
    <span>
      {parts.map((p, i) =>
        // Odd parts sat between <mark> and </mark>.
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts never reorder
        i % 2 ? <mark key={i}>{decode(p)}</mark> : <span key={i}>{decode(p)}</span>,
      )}
    </span>
  );
}

export function SearchBox() {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const listId = useId();
  const q = useDebounced(text.trim());
  const { data, loading } = useQuery(SEARCH, { variables: { text: q, first: 8 }, skip: q.length < 2 });
  const hits = data?.search.edges.slice(0, 8) ?? [];
  return (
    <search className="searchbox">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setOpen(false);
          router.push(`/search?q=${encodeURIComponent(text.trim())}`);
        }}
      >
        <label htmlFor={`${listId}-input`} className="sr-only">
          Search files
        </label>
        <input
          id={`${listId}-input`}
          type="search"
          placeholder="Search files"
          value={text}
          autoComplete="off"
          aria-controls={listId}
          aria-expanded={open && q.length >= 2}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          role="combobox"
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onFocus={() => setOpen(true)}
        />
        {open && q.length >= 2 && (
          <div id={listId} className="popover suggestions" role="listbox" aria-label="Search suggestions">
            {loading && hits.length === 0 && <p className="muted">Searching…</p>}
            {!loading && hits.length === 0 && <p className="muted">No matches</p>}
            {hits.map((h) => (
              <div key={h.node.id} role="option" aria-selected="false" tabIndex={-1}>
                <Link
                  href={
                    h.node.kind === 'FOLDER'
                      ? `/folder/${encodeURIComponent(h.node.id)}`
                      : `/search?q=${encodeURIComponent(q)}`
                  }
                >
                  <Highlight html={h.highlight} text={h.node.name} />{' '}
                  <span className="muted">{h.node.path}</span>
                </Link>
              </div>
            ))}
          </div>
        )}
      </form>
    </search>
  );
}
