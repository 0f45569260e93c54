// A tiny history router: a handful of pages, so a library would be more than the app.
import { useEffect, useState, type MouseEvent } from 'react';

export const BASE = '/console/';

export type Route =
  | { page: 'queue'; state: string | null }
  | { page: 'application'; id: string }
  | { page: 'providers'; search: URLSearchParams }
  | { page: 'provider'; id: string }
  | { page: 'provider-new' }
  | { page: 'provider-edit'; id: string }
  | { page: 'benefits'; state: string | null }
  | { page: 'benefit'; id: string }
  | { page: 'service-records'; providerId: string | null; benefitId: string | null }
  | { page: 'agent' }
  | { page: 'persons' }
  | { page: 'agent-conversation'; id: string }
  | { page: 'unknown' };

/** The sections of the navigation; each page belongs to one. */
export type Section = 'queue' | 'persons' | 'providers' | 'benefits' | 'service-records' | 'agent';

export function sectionOf(route: Route): Section | null {
  switch (route.page) {
    case 'queue':
    case 'application':
      return 'queue';
    case 'providers':
    case 'provider':
    case 'provider-new':
    case 'provider-edit':
      return 'providers';
    case 'benefits':
    case 'benefit':
      return 'benefits';
    case 'service-records':
      return 'service-records';
    case 'agent':
    case 'agent-conversation':
      return 'agent';
    case 'persons':
      return 'persons';
    default:
      return null;
  }
}

export function parseRoute(pathname: string, search: string): Route {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname.replace(/^\/console\/?/, '');
  const query = new URLSearchParams(search);
  const parts = rest.replace(/\/$/, '').split('/').map(decodeURIComponent);
  if (rest === '' || rest === 'queue') return { page: 'queue', state: query.get('state') };
  if (parts[0] === 'applications' && parts.length === 2) return { page: 'application', id: parts[1] };
  if (parts[0] === 'providers') {
    if (parts.length === 1) return { page: 'providers', search: query };
    if (parts.length === 2 && parts[1] === 'new') return { page: 'provider-new' };
    if (parts.length === 2) return { page: 'provider', id: parts[1] };
    if (parts.length === 3 && parts[2] === 'edit') return { page: 'provider-edit', id: parts[1] };
  }
  if (parts[0] === 'benefits') {
    if (parts.length === 1) return { page: 'benefits', state: query.get('state') };
    if (parts.length === 2) return { page: 'benefit', id: parts[1] };
  }
  if (parts[0] === 'agent') {
    if (parts.length === 1) return { page: 'agent' };
    if (parts.length === 3 && parts[1] === 'conversations') return { page: 'agent-conversation', id: parts[2] };
  }
  if (parts[0] === 'persons' && parts.length === 1) return { page: 'persons' };
  if (parts[0] === 'service-records' && parts.length === 1) {
    return { page: 'service-records', providerId: query.get('providerId'), benefitId: query.get('benefitId') };
  }
  return { page: 'unknown' };
}

const qs = (params: Record<string, string | null | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const text = q.toString();
  return text ? `?${text}` : '';
};

export function hrefOf(route: Route): string {
  const e = encodeURIComponent;
  switch (route.page) {
    case 'application':
      return `${BASE}applications/${e(route.id)}`;
    case 'queue':
      return BASE + qs({ state: route.state });
    case 'providers': {
      const text = route.search.toString();
      return `${BASE}providers${text ? `?${text}` : ''}`;
    }
    case 'provider':
      return `${BASE}providers/${e(route.id)}`;
    case 'provider-new':
      return `${BASE}providers/new`;
    case 'provider-edit':
      return `${BASE}providers/${e(route.id)}/edit`;
    case 'benefits':
      return `${BASE}benefits${qs({ state: route.state })}`;
    case 'benefit':
      return `${BASE}benefits/${e(route.id)}`;
    case 'service-records':
      return `${BASE}service-records${qs({ providerId: route.providerId, benefitId: route.benefitId })}`;
    case 'agent':
      return `${BASE}agent`;
    case 'agent-conversation':
      return `${BASE}agent/conversations/${e(route.id)}`;
    case 'persons':
      // No query in the address: a name, ID number or phone stays out of the browser's history.
      return `${BASE}persons`;
    default:
      return BASE;
  }
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
