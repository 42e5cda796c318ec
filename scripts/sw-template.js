/**
 * Cleanroom's service worker: the built app shell, precached and served cache-first, so the app
 * opens offline. Same-origin GETs only; everything else goes to the network untouched.
 *
 * Template: scripts/vite-plugin-precache.ts prepends `self.__PRECACHE__ = { version, files,
 * index }` (from the actual build output) and writes the result as dist/sw.js.
 */
const { version, files, index } = self.__PRECACHE__;

const CACHE_PREFIX = 'cleanroom-shell-';
const CACHE = CACHE_PREFIX + version;
const scope = new URL(self.registration.scope);
const indexUrl = new URL(index, scope).href;
/** Absolute URLs (no query, no hash) of everything precached. */
const precached = new Set(files.map((file) => new URL(file, scope).href));

/**
 * Responses we serve keep the page cross-origin isolated offline (WASM threads need it),
 * whatever headers the host sent when they were cached.
 */
const ISOLATION_HEADERS = {
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // cache: 'reload' skips the HTTP cache, so a new version never precaches stale files.
      await cache.addAll([...precached].map((url) => new Request(url, { cache: 'reload' })));
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
          .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
          .map((name) => caches.delete(name)),
      );
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || request.headers.has('range')) return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const key = url.origin + url.pathname;

  if (request.mode === 'navigate') {
    const isShell = key === scope.href || key === indexUrl;
    if (isShell) event.respondWith(cacheFirst(indexUrl, request));
    else if (precached.has(key)) event.respondWith(cacheFirst(key, request));
    else event.respondWith(networkOrShell(request));
    return;
  }
  if (precached.has(key)) event.respondWith(cacheFirst(key, request));
});

/** The cached copy when there is one; otherwise the network (and the copy is cached again). */
async function cacheFirst(key, request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  if (hit) return isolated(hit);
  const response = await fetch(request);
  if (response.ok && response.type === 'basic' && !response.redirected) {
    await cache.put(key, response.clone());
  }
  return isolated(response);
}

/** Navigations outside the shell go to the network; offline, the cached app answers them. */
async function networkOrShell(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const cache = await caches.open(CACHE);
    const shell = await cache.match(indexUrl);
    if (shell) return isolated(shell);
    throw error;
  }
}

/** A copy of `response` carrying the cross-origin isolation headers. */
function isolated(response) {
  if (response.type !== 'basic' && response.type !== 'default') return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
