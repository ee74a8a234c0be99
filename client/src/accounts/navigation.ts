import { useSyncExternalStore, type MouseEvent } from 'react';

/**
 * The explorer's few pages (the explorer at `/` and `/i/…`, `/sign-in`, `/account`, `/investigations`) on the history API: no router, only
 * the path, which `usePath` follows through `navigate` and the browser's back and forward buttons.
 */
const moved = new EventTarget();

export const signInPath = '/sign-in';
export const accountPath = '/account';
export const investigationsPath = '/investigations';

function subscribe(onChange: () => void) {
  window.addEventListener('popstate', onChange);
  moved.addEventListener('move', onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    moved.removeEventListener('move', onChange);
  };
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** The explorer's address as last seen (its view lives in the hash), to come back to it from another page. */
let lastExplorerUrl = '/';

/** Goes to `url` within the page; `replace` leaves no history entry (a redirect). */
export function navigate(url: string, { replace = false } = {}) {
  if (![signInPath, accountPath, investigationsPath].includes(window.location.pathname)) {
    lastExplorerUrl = window.location.pathname + window.location.search + window.location.hash;
  }
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  moved.dispatchEvent(new Event('move'));
}

export function backToExplorer() {
  navigate(lastExplorerUrl);
}

/** The sign-in page's address, asking it to come back to where the user is now. */
export function signInUrl(): string {
  const here = window.location.pathname + window.location.search + window.location.hash;
  return here === '/' || window.location.pathname === signInPath
    ? signInPath
    : `${signInPath}?returnTo=${encodeURIComponent(here)}`;
}

/** Where to go after signing in: the page asked for, if it is one of this site's own (never another origin). */
export function returnTo(): string {
  const asked = new URLSearchParams(window.location.search).get('returnTo') ?? '/';
  return asked.startsWith('/') && !asked.startsWith('//') && !asked.startsWith(signInPath) ? asked : '/';
}

/** For an `<a href>` inside the page: a plain click navigates without reloading; others (new tab) as usual. */
export function followLink(event: MouseEvent<HTMLAnchorElement>) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href')!);
}
