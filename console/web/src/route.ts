import { useEffect, useState } from 'react';

/** The page the hash names: hash routes need no server-side fallback for deep links. */
export type Route =
  | { page: 'phone'; callId: string | null }
  | { page: 'calls'; query?: string }
  | { page: 'uploads' }
  /** "Invite Earpiece to a meeting": dial a bridge. */
  | { page: 'meeting' }
  | { page: 'call'; callId: string }
  | { page: 'admin'; section: string }
  | { page: 'analytics'; query?: string }
  /** "#/": the softphone for reps, analytics for managers and admins (the shell decides). */
  | { page: 'home' };

export function parseRoute(hash: string): Route {
  // "#/calls?q=price&page=2": the calls library keeps its search in the address, so it can be shared
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'live' && parts[1]) return { page: 'phone', callId: parts[1] };
  if (parts[0] === 'calls' && parts[1]) return { page: 'call', callId: parts[1] };
  if (parts[0] === 'calls') return { page: 'calls', query };
  if (parts[0] === 'uploads') return { page: 'uploads' };
  if (parts[0] === 'meeting') return { page: 'meeting' };
  if (parts[0] === 'admin') return { page: 'admin', section: parts[1] ?? 'users' };
  if (parts[0] === 'analytics') return { page: 'analytics', query };
  if (parts[0] === 'phone') return { page: 'phone', callId: null };
  return { page: 'home' };
}

export function href(route: Route): string {
  switch (route.page) {
    case 'phone':
      return route.callId ? `#/live/${encodeURIComponent(route.callId)}` : '#/phone';
    case 'calls':
      return route.query ? `#/calls?${route.query}` : '#/calls';
    case 'uploads':
      return '#/uploads';
    case 'meeting':
      return '#/meeting';
    case 'call':
      return `#/calls/${encodeURIComponent(route.callId)}`;
    case 'admin':
      return `#/admin/${route.section}`;
    case 'analytics':
      return route.query ? `#/analytics?${route.query}` : '#/analytics';
    case 'home':
      return '#/';
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
