// Kill switch for the guide's offline copy: use it only to reset every device at once
// (see README, "Resetting every device's offline copy").
//
// Publish this file as sw.js in place of the built one (same folder, same name). Each
// phone or tablet that saved the guide fetches it the next time it opens a page online,
// and then this worker deletes every cache the guide made under this base path, removes
// itself, and reloads the open pages from the network. Nothing is saved afterwards
// until you publish a normal build again.
self.addEventListener('install', () => {
  // Take over at once instead of waiting for every open tab to close.
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const scope = self.registration.scope;
      const base = new URL(scope).pathname;
      const names = await caches.keys();
      // The guide's caches: Workbox's precache (named after the scope) and the handout caches (named after the base path).
      const ours = names.filter((name) => name.includes(scope) || (name.startsWith('guide-') && name.endsWith(base)));
      await Promise.all(ours.map((name) => caches.delete(name)));
      await self.registration.unregister();
      const windows = await self.clients.matchAll({ type: 'window' });
      await Promise.all(windows.map((client) => client.navigate(client.url)));
    })(),
  );
});
