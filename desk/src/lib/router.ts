import { useEffect, useState } from 'preact/hooks';

// A small History API router for the desk's few pages; every path is under /desk/ and the server answers index.html.

export const base = '/desk/';

export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  window.dispatchEvent(new Event('desk:navigate'));
  window.scrollTo(0, 0);
}

export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    window.addEventListener('popstate', update);
    window.addEventListener('desk:navigate', update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener('desk:navigate', update);
    };
  }, []);
  return path;
}

/** Same-origin links to the desk navigate without reloading; modified clicks (new tab) keep the browser's behaviour. */
export function interceptLinks(): void {
  document.addEventListener('click', event => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest?.('a');
    if (!link || link.target || link.hasAttribute('download')) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || !url.pathname.startsWith(base) || url.pathname === '/desk/signin' || url.pathname === '/desk/signout') return;
    // A jump within the page (skip link, 跳到审核决定) is the browser's to do.
    if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
}

export const query = () => new URLSearchParams(location.search);
