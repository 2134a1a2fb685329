// The app's service worker: the app works offline after one visit.
// Written into dist/ by the post-build hook from crates/postbuild/src/js/sw.js (offline.rs fills in
// the cache version and the precache list). No third-party URL, no importScripts.
'use strict';

// A hash of this build's files: a new build is a new cache.
const VERSION = "__CACHE_VERSION__";
// Every file of this build, relative to this worker (and "./" for the page).
const PRECACHE = ["__PRECACHE__"];

// Caches are per origin, not per folder: the scope in the name keeps two copies of the app
// deployed under different folders of one host from deleting each other's caches.
const SCOPE = self.registration.scope;
const PREFIX = `zezhou:${SCOPE}:`;
const CACHE = PREFIX + VERSION;
const PAGE = new URL('./', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // no-cache: revalidate with the server, so a stale HTTP cache never mixes two builds.
      await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'no-cache' })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith(PREFIX) && name !== CACHE)
          .map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(request, url));
  } else {
    event.respondWith(cacheFirst(request));
  }
});

// Pages: the network first, so a reload after a deploy gets the new page; offline, the page
// this build cached, each language's by its folder (the view lives in the hash, which never
// reaches the network).
async function navigate(request, url) {
  try {
    return await fetch(request);
  } catch (error) {
    const folder = new URL(url.pathname.replace(/index\.html$/, ''), url).href;
    const cached = await caches.match(folder, { cacheName: CACHE, ignoreSearch: true });
    if (cached) return cached;
    // A mistyped path under the app, offline: the app's own folder, where its files resolve.
    if (folder !== PAGE) return Response.redirect(PAGE, 302);
    throw error;
  }
}

// Files: content-hashed, so the cached copy is the right one; what is missing comes from the
// network and is kept.
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    // A full disk must not cost the reader the file itself.
    await cache.put(request, response.clone()).catch(() => {});
  }
  return response;
}
