import { useEffect, useState } from 'preact/hooks';

export const BASE = '/console';

/** The path under /console, e.g. `/keys` (the query string is the page's own business). */
function currentPath(): string {
  const path = window.location.pathname.slice(BASE.length) || '/';
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** Goes to `target`, a path under /console with an optional query string. */
export function navigate(target: string): void {
  if (`${BASE}${target}` === `${window.location.pathname}${window.location.search}`) return;
  window.history.pushState(null, '', `${BASE}${target}`);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function usePath(): string {
  const [path, setPath] = useState(currentPath());
  useEffect(() => {
    const update = () => setPath(currentPath());
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return path;
}

/** Same-tab navigation for in-app links; modified clicks (new tab) keep the browser's own behaviour. */
export function onLinkClick(event: MouseEvent): void {
  const anchor = event.currentTarget as HTMLAnchorElement;
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(`${anchor.pathname.slice(BASE.length) || '/'}${anchor.search}`);
}
