import { useState } from 'react';
import { api } from '../api';
import { transcriptOf } from '../playbookForm';

interface Analysis {
  events: { utterance: number; tag: string }[];
  cards: { id: string; title: string; body: string; utterance: number; trigger?: string }[];
}

/**
 * "Try it": the team's saved playbook (the engine live calls get, through /api/analyze) over a pasted transcript,
 * listing the triggers it recognised and the cards it would show, line by line.
 */
export function PlaybookTryIt({ team, unsaved }: { team: string; unsaved: boolean }) {
  const [pasted, setPasted] = useState('');
  const [result, setResult] = useState<{ lines: string[]; analysis: Analysis } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    const transcript = transcriptOf(pasted);
    setError(null);
    setResult(null);
    if (!transcript.utterances.length) {
      setError('Paste at least one line, such as “Customer: that is too expensive for us”.');
      return;
    }
    setBusy(true);
    try {
      const analysis = await api.post<Analysis>(`/api/analyze?team=${encodeURIComponent(team)}`, transcript);
      setResult({ lines: transcript.utterances.map((u) => `${u.speaker === 'rep' ? 'Rep' : 'Customer'}: ${u.text}`), analysis });
    } catch (e) {
      setError(`Could not try it: ${(e as Error).message ?? e}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="pb-try" aria-labelledby="pb-try-title" data-testid="playbook-try">
      <h3 id="pb-try-title">Try it</h3>
      <p className="pb-hint" id="pb-try-hint">
        One line per utterance, starting “Rep:” or “Customer:”. Runs the saved playbook of {team}
        {unsaved ? ' — save first to try your unsaved changes' : ''}.
      </p>
      <label className="visually-hidden" htmlFor="pb-try-text">Transcript to try</label>
      <textarea id="pb-try-text" rows={4} value={pasted} aria-describedby="pb-try-hint"
        placeholder={'Customer: Honestly it is too expensive for us.\nRep: I understand.'}
        onChange={(e) => setPasted(e.target.value)} />
      <div className="editor-actions">
        <button type="button" className="btn small" disabled={busy || !pasted.trim()} onClick={() => void run()}>
          {busy ? 'Trying…' : 'Try it'}
        </button>
        {error && <span className="error" role="alert">{error}</span>}
      </div>
      {result && (
        <ol className="pb-try-result" data-testid="playbook-try-result" aria-live="polite">
          {result.lines.map((line, i) => {
            const tags = result.analysis.events.filter((e) => e.utterance === i).map((e) => e.tag);
            const cards = result.analysis.cards.filter((c) => c.utterance === i);
            return (
              <li key={i}>
                <span>{line}</span>
                {tags.length > 0 && <span className="pb-tags"> → {tags.join(', ')}</span>}
                {cards.map((c) => (
                  <div key={c.id} className="pb-try-card" data-card={c.id}><strong>{c.title}</strong> {c.body}</div>
                ))}
              </li>
            );
          })}
          {result.analysis.cards.length === 0 && <li className="muted">No card would be shown.</li>}
        </ol>
      )}
    </section>
  );
}
