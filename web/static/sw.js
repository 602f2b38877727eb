// kgpin's service worker: keeps the app's own files so it opens again without
// a connection. It caches nothing but same-origin GETs of the app itself
// (personal data never leaves the page, so there is none to cache).
const CACHE = "kgpin-v2";
// The citizen's pages. The clerk's worker (kgpin-worker*) is cached by the
// fetch handler below when the clerk page first uses it, never downloaded
// for a citizen who does not.
const FILES = [
  "./",
  "./index.html",
  "./style.css",
  "./kgpin-web.js",
  "./kgpin-web_bg.wasm",
  "./manifest.webmanifest",
  "./icon-192.png",
  "./icon-512.png",
];

// The page has just downloaded these: take them from the browser's HTTP cache
// ("force-cache") rather than fetch the .wasm a second time on a first visit.
self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) =>
        Promise.all(
          FILES.map((file) =>
            fetch(new Request(file, { cache: "force-cache" })).then((response) => {
              if (!response.ok) throw new Error(`${file}: ${response.status}`);
              return cache.put(file, response);
            }),
          ),
        ),
      )
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The network first, so a new version arrives as soon as it is served; the
// cache when there is no network.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit ?? caches.match("./index.html"))),
  );
});
