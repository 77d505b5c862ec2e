import type { CallDetail, CallSummary, SearchPage, ServerStatus, User } from './types';

/**
 * Thrown for a non-2xx answer; {@code status} lets callers tell "sign in" (401) from "not there" (404), and
 * {@code field}, where a 400 names one, which request field the refusal is about (a form shows it there).
 */
export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly field?: string) {
    super(message);
  }
}

let onUnauthorized: () => void = () => {};

/** Where a 401 from any call sends the app (back to the sign-in form). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

function cookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

async function send(method: string, url: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = cookie('XSRF-TOKEN');
  if (method !== 'GET' && token) headers['X-XSRF-TOKEN'] = token;
  return fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function request(method: string, url: string, body?: unknown): Promise<Response> {
  let res = await send(method, url, body);
  if (res.status === 403 && method !== 'GET' && !cookie('XSRF-TOKEN')) {
    // Spring sets the CSRF cookie lazily; a GET obtains it, then the POST is repeated once.
    await send('GET', '/api/auth/me');
    if (cookie('XSRF-TOKEN')) res = await send(method, url, body);
  }
  return res;
}

/** A refusal's reason and, when the server names it, the field at fault. */
async function problem(res: Response): Promise<{ message: string; field?: string }> {
  try {
    const body = await res.json();
    return {
      message: body.message || body.error || `${res.status}`,
      field: typeof body.field === 'string' ? body.field : undefined,
    };
  } catch {
    return { message: `${res.status} ${res.statusText}` };
  }
}

async function reason(res: Response): Promise<string> {
  return (await problem(res)).message;
}

async function json<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await request(method, url, body);
  if (res.status === 401 && !url.startsWith('/api/auth/')) onUnauthorized();
  if (!res.ok) {
    const p = await problem(res);
    throw new ApiError(res.status, p.message, p.field);
  }
  const text = await res.text();
  return (text ? JSON.parse(text) : null) as T;
}

/** The signed-in user; null when the server has no auth yet (open API), throws ApiError(401) when signed out. */
export async function me(): Promise<User | null> {
  const res = await send('GET', '/api/auth/me');
  if (res.status === 404) return null;
  if (!res.ok) throw new ApiError(res.status, await reason(res));
  return (await res.json()) as User;
}

/** After repeated socket failures: a signed-out session (401) is the likely cause, and it sends the app to sign-in. */
export async function checkSession(): Promise<void> {
  const res = await send('GET', '/api/auth/me').catch(() => null);
  if (res?.status === 401) onUnauthorized();
}

export const api = {
  login: (username: string, password: string) => json<User>('POST', '/api/auth/login', { username, password }),
  logout: () => json<unknown>('POST', '/api/auth/logout'),
  calls: () => json<CallSummary[]>('GET', '/api/calls?size=50'),
  status: () => json<ServerStatus>('GET', '/api/status'),
  /** GET /api/search with the library's query string (see library.ts). */
  search: (query: string) => json<SearchPage>('GET', `/api/search?${query}`),
  call: (id: string) => json<CallDetail>('GET', `/api/calls/${encodeURIComponent(id)}`),
  feedback: (callId: string, cardId: number, action: 'used' | 'dismissed') =>
    json<unknown>('POST', `/api/calls/${encodeURIComponent(callId)}/cards/${cardId}/feedback`, { action }),
  get: <T>(url: string) => json<T>('GET', url),
  post: <T>(url: string, body?: unknown) => json<T>('POST', url, body ?? {}),
  put: <T>(url: string, body: unknown) => json<T>('PUT', url, body),
  delete: <T>(url: string) => json<T>('DELETE', url),
};

/** The CSRF token for a non-JSON request (an upload); a GET makes Spring set its lazy cookie first. */
export async function csrfToken(): Promise<string | null> {
  if (!cookie('XSRF-TOKEN')) await send('GET', '/api/auth/me').catch(() => null);
  return cookie('XSRF-TOKEN');
}

/** GETs {@code url}; null when the server does not offer it (404/405/501), so pages can say "not available". */
export async function optional<T>(url: string): Promise<T | null> {
  try {
    return await api.get<T>(url);
  } catch (e) {
    if (e instanceof ApiError && [404, 405, 501].includes(e.status)) return null;
    throw e;
  }
}
