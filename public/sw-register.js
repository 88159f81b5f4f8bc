// Registers the service worker that keeps the guide working offline (made at build
// time by src/integrations/offline.ts). An external module script, not inline code,
// so a Content-Security-Policy can allow it by origin.

/** The site's root, base path included: this file sits there next to sw.js. */
const siteRoot = new URL('./', import.meta.url);

if ('serviceWorker' in navigator) {
  navigator.serviceWorker
    .register(new URL('sw.js', siteRoot), { scope: siteRoot.pathname })
    .then(handOverAtNextPage, (error) => console.warn('The guide could not be saved for offline use:', error));
}

/**
 * A new build's worker waits instead of taking over an open page (which would then mix
 * files from two builds). When the patient follows a link to another page of the guide,
 * the new worker takes over first, and that page opens whole from the new build.
 */
function handOverAtNextPage(registration) {
  document.addEventListener('click', (event) => {
    const waiting = registration.waiting;
    if (!waiting || !navigator.serviceWorker.controller || event.defaultPrevented) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || (link.target && link.target !== '_self') || link.hasAttribute('download')) return;
    const url = new URL(link.href);
    if (url.origin !== location.origin || !url.pathname.startsWith(siteRoot.pathname)) return;
    if (url.pathname === location.pathname && url.search === location.search) return;
    event.preventDefault();
    navigator.serviceWorker.addEventListener('controllerchange', () => location.assign(url.href), { once: true });
    waiting.postMessage({ type: 'SKIP_WAITING' });
  });
}
