// Small charts without a chart library: horizontal bars for shares, SVG columns for time series.
// Each also reads as text (labels and values), so screen readers get the numbers.
export function Bars({
  items,
  value,
  label,
  caption,
}: {
  items: { key: string }[] | readonly { key: string }[];
  value: (i: never) => number;
  label: (i: never) => string;
  caption: string;
}) {
  const values = items.map((i) => value(i as never));
  const max = Math.max(1, ...values);
  return (
    <figure className="chart">
      <figcaption>{caption}</figcaption>
      {items.length === 0 ? (
        <p className="muted">No data yet.</p>
      ) : (
        <ul className="bars">
          {items.map((i, n) => (
            <li key={i.key}>
              <span className="bar-key">{i.key}</span>
              <span className="bar" style={{ width: `${(100 * values[n]!) / max}%` }} aria-hidden="true" />
              <span className="muted">{label(i as never)}</span>
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

export function Columns({
  points,
  caption,
  format,
}: {
  points: { at: string; value: number }[];
  caption: string;
  format: (v: number) => string;
}) {
  const max = Math.max(1, ...points.map((p) => p.value));
  const w = 24;
  const h = 120;
  return (
    <figure className="chart">
      <figcaption>{caption}</figcaption>
      {points.length === 0 ? (
        <p className="muted">No data yet.</p>
      ) : (
        <svg
          viewBox={`0 0 ${points.length * w} ${h + 20}`}
          width="100%"
          height={h + 20}
          preserveAspectRatio="none"
          role="img"
          aria-label={caption}
        >
          {points.map((p, i) => {
            const bh = Math.max(1, (h * p.value) / max);
            const label = new Date(p.at).toLocaleDateString(undefined, { year: '2-digit', month: 'short' });
            return (
              <g key={p.at}>
                <rect x={i * w + 3} y={h - bh} width={w - 6} height={bh} className="column">
                  <title>{`${label}: ${format(p.value)}`}</title>
                </rect>
                <text x={i * w + w / 2} y={h + 14} textAnchor="middle" className="axis">
                  {label}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
