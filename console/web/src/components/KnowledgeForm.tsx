import { useState, type FormEvent } from 'react';
import { api } from '../api';

/** Adds a knowledge-base document; customers' questions are then answered from it with this citation. */
export function KnowledgeForm({ onAdded }: { onAdded: () => void }) {
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [source, setSource] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    try {
      const doc = await api.post<{ slug: string; version: number }>('/api/knowledge',
        { title: title.trim(), body: body.trim(), source: source.trim() || null });
      setStatus({ ok: true, message: `Added as kb:${doc.slug}` });
      setTitle('');
      setBody('');
      setSource('');
      onAdded();
    } catch (err) {
      setStatus({ ok: false, message: `Not added: ${(err as Error).message ?? err}` });
    }
  };

  return (
    <form className="knowledge-form" onSubmit={add} data-testid="knowledge-form">
      <label><span>Title</span><input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} /></label>
      <label><span>Answer</span><textarea value={body} onChange={(e) => setBody(e.target.value)} required rows={4} /></label>
      <label><span>Source (URL)</span><input value={source} onChange={(e) => setSource(e.target.value)} maxLength={500} /></label>
      <div className="editor-actions">
        <button type="submit" className="btn primary small" disabled={!title.trim() || !body.trim()}>Add document</button>
        {status && (
          <span className={status.ok ? 'ok-text' : 'error'} role={status.ok ? 'status' : 'alert'}
            data-testid="knowledge-status">{status.message}</span>
        )}
      </div>
    </form>
  );
}
