import type { ReactNode } from 'react';

/** What a labelled control is given: its id and, when there is an error or a hint, the ARIA that points at them. */
export interface FieldProps {
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

/** One labelled input or text area with its error beside it (aria-invalid, aria-describedby) and an optional hint. */
export function LabelledField({ id, label, error, hint, children }: {
  id: string; label: string; error?: string; hint?: string; children: (props: FieldProps) => ReactNode;
}) {
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`pb-field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described })}
      {hint && <span id={`${id}-hint`} className="pb-hint">{hint}</span>}
      {error && <span id={`${id}-error`} className="pb-error">{error}</span>}
    </div>
  );
}
