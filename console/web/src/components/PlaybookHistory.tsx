import { useEffect, useState } from 'react';
import { api } from '../api';
import { savePlaybook } from '../playbookApi';
import { lineDiff } from '../textDiff';
import { toYaml } from '../playbookForm';
import type { PlaybookView } from './PlaybookEditor';

/**
 * The team's versions, newest first: one can be compared with the current version line by line and restored,
 * which stores its text again as the newest version (history is never rewritten).
 */
export function PlaybookHistory({ team, current, confirmDiscard, onRestored }: {
  team: string; current: PlaybookView; confirmDiscard: () => boolean; onRestored: (version: number) => void;
}) {
  const [versions, setVersions] = useState<PlaybookView[]>([]);
  const [picked, setPicked] = useState<PlaybookView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setPicked(null);
    api.get<PlaybookView[]>(`/api/playbooks/${encodeURIComponent(team)}/versions`)
      .then(setVersions, (e) => setError(`Could not load the history: ${e.message ?? e}`));
  }, [team, current.version]);

  const compare = async (version: number) => {
    setError(null);
    try {
      setPicked(await api.get<PlaybookView>(`/api/playbooks/${encodeURIComponent(team)}/versions/${version}`));
    } catch (e) {
      setError(`Could not load version ${version}: ${(e as Error).message ?? e}`);
    }
  };

  const restore = async () => {
    if (!picked?.body || !confirmDiscard()) return;
    setError(null);
    try {
      const saved = await savePlaybook(team, picked.body);
      if (!saved.ok) {
        setError(`Not restored (${saved.status}): ${saved.body.message ?? 'refused'}`);
        return;
      }
      onRestored(saved.body.version ?? 0);
    } catch (e) {
      setError(`Not restored: ${(e as Error).message ?? e}`);
    }
  };

  if (versions.length < 2 && !error) return null;
  // content, not layout: both versions written out the same way (keys sorted), so quoting, key order or comments
  // do not count as changes
  const written = (v: PlaybookView) => (v.structure !== undefined && v.structure !== null
    ? toYaml(v.structure, { sorted: true }) : v.body ?? '');
  const diff = picked ? lineDiff(written(picked), written(current)) : [];
  const changed = diff.filter((l) => l.kind !== 'same').length;
  return (
    <section className="pb-history" aria-labelledby="pb-history-title" data-testid="playbook-history">
      <h3 id="pb-history-title">Version history</h3>
      {error && <p className="error" role="alert">{error}</p>}
      <ul className="pb-versions">
        {versions.map((v) => (
          <li key={v.version}>
            <span>Version {v.version}{v.version === current.version ? ' (current)' : ''} · {v.author ?? 'unknown'}
              {v.createdAt ? ` · ${new Date(v.createdAt).toLocaleString()}` : ''}</span>
            {v.version !== current.version && (
              <button type="button" className="btn small ghost" onClick={() => void compare(v.version)}
                aria-pressed={picked?.version === v.version}>
                Compare<span className="visually-hidden"> version {v.version}</span> with current
              </button>
            )}
          </li>
        ))}
      </ul>
      {picked && (
        <div className="pb-diff-wrap">
          <p>
            Version {picked.version} → version {current.version}: {changed} line{changed === 1 ? '' : 's'} differ
            {' '}<button type="button" className="btn small" onClick={() => void restore()}>Restore version {picked.version}</button>
          </p>
          <pre className="pb-diff" data-testid="playbook-diff" tabIndex={0} aria-label={`Changes from version ${picked.version} to version ${current.version}`}>
            {diff.map((l, i) => (
              l.kind === 'same' ? null
                : <div key={i} className={`pb-diff-${l.kind}`}>{l.kind === 'added' ? '+ ' : '- '}{l.text}</div>
            ))}
          </pre>
        </div>
      )}
    </section>
  );
}
