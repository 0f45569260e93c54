// A tiny history router: the console has two pages, so a library would be more than the app.
import { useEffect, useState, type MouseEvent } from 'react';

export const BASE = '/console/';

export type Route = { page: 'queue'; state: string | null } | { page: 'application'; id: string } | { page: 'unknown' };

export function parseRoute(pathname: string, search: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname.replace(/^\/console\/?/, '');
  if (rest === '' || rest === 'queue') return { page: 'queue', state: new URLSearchParams(search).get('state') };
  const match = /^applications\/([^/]+)$/.exec(rest);
  if (match) return { page: 'application', id: decodeURIComponent(match[1]) };
  return { page: 'unknown' };
}

export function hrefOf(route: Route): string {
  if (route.page === 'application') return `${BASE}applications/${encodeURIComponent(route.id)}`;
  if (route.page === 'queue' && route.state) return `${BASE}?state=${encodeURIComponent(route.state)}`;
  return BASE;
}

const listeners = new Set<() => void>();

export function navigate(href: string, replace = false): void {
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  listeners.forEach((l) => l());
}

export function useRoute(): Route {
  const read = () => parseRoute(location.pathname, location.search);
  const [route, setRoute] = useState<Route>(read);
  useEffect(() => {
    const update = () => setRoute(read());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** For <a href> inside the app: a plain click navigates in place; modified clicks open a new tab as usual. */
export function followLink(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href') ?? BASE);
}
