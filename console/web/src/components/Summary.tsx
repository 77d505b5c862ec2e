import type { ReactNode } from 'react';

function title(key: string): string {
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ').toLowerCase();
  return words[0].toUpperCase() + words.slice(1);
}

/** Renders a summary whatever its exact JSON shape: text as paragraphs, lists as bullets, objects as sections. */
export function SummaryValue({ value, depth = 0 }: { value: unknown; depth?: number }): ReactNode {
  if (value == null || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return <p>{String(value)}</p>;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return <p className="muted">None.</p>;
    return (
      <ul>
        {value.map((v, i) => (
          <li key={i}>
            {typeof v === 'object' && v !== null
              ? Object.entries(v).filter(([, x]) => x != null && x !== '').map(([k, x]) => (
                  <span key={k} className="kv"><span className="k">{title(k)}:</span> {typeof x === 'object' ? JSON.stringify(x) : String(x)}</span>
                ))
              : String(v)}
          </li>
        ))}
      </ul>
    );
  }
  const Heading = depth === 0 ? 'h3' : 'h4';
  return (
    <>
      {Object.entries(value as Record<string, unknown>)
        .filter(([k, v]) => v != null && v !== '' && k !== 'callId' && k !== 'id')
        .map(([k, v]) => (
          <div key={k} className="summary-part">
            <Heading>{title(k)}</Heading>
            <SummaryValue value={v} depth={depth + 1} />
          </div>
        ))}
    </>
  );
}
