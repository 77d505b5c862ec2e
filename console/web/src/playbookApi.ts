import { csrfToken } from './api';

/** The server's answer to a playbook save: the new version, or the refusal with its message and field path. */
export interface PlaybookSaved {
  ok: boolean;
  status: number;
  body: { version?: number; message?: string; error?: string; field?: string };
}

/**
 * Stores {@code text} (YAML or JSON, sent as written so YAML keeps its comments, not wrapped in JSON) as the team's
 * next playbook version; 201 a new version, 200 the same text as the newest, 400 a refusal naming the field.
 */
export async function savePlaybook(team: string, text: string): Promise<PlaybookSaved> {
  const token = await csrfToken();
  const res = await fetch(`/api/playbooks/${encodeURIComponent(team)}`, {
    method: 'PUT',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'text/plain', Accept: 'application/json', ...(token ? { 'X-XSRF-TOKEN': token } : {}) },
    body: text,
  });
  const body = await res.json().catch(() => ({}));
  return { ok: res.ok, status: res.status, body };
}
