/* Sinergi KIM service worker (served at /kim/sw.js, scope /kim/): lets the report form open without signal.
 *
 * It keeps one page, the empty report form, and the static files it uses. A member page opened
 * without signal gets that form, which report.js then keeps in the phone's outbox. Nothing is sent
 * from here: sending is report.js's job. Signing out deletes these caches (report.js).
 */
"use strict";
var CACHE = "sinergi-kim-v1";
var FORM = "/kim/laporan/baru/";

function keepForm(response) {
  // Only a real form page: never a redirect to the sign-in page or an error.
  if (!response.ok || response.redirected) return Promise.resolve();
  return response.clone().text().then(function (html) {
    var wanted = (html.match(/\/static\/[^"'\s<>]+/g) || []).map(function (path) {
      return new URL(path, self.location.origin).href;
    });
    return caches.open(CACHE).then(function (cache) {
      return cache.put(FORM, response).then(function () { return cache.keys(); }).then(function (stored) {
        var have = stored.map(function (r) { return r.url; });
        // Fetch only what is missing (the phone pays for every byte); drop files of an older release.
        var stale = stored.filter(function (r) {
          return r.url.indexOf("/static/") !== -1 && wanted.indexOf(r.url) === -1;
        }).map(function (r) { return cache.delete(r); });
        var missing = wanted.filter(function (url) { return have.indexOf(url) === -1; })
          .map(function (url) { return cache.add(url).catch(function () {}); });
        return Promise.all(stale.concat(missing));
      });
    });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    fetch(FORM, { credentials: "same-origin" }).then(keepForm).catch(function () {}).then(function () {
      return self.skipWaiting();
    })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (k) { return k.indexOf("sinergi-kim-") === 0 && k !== CACHE; })
        .map(function (k) { return caches.delete(k); }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.mode === "navigate" && url.pathname.indexOf("/kim/") === 0) {
    event.respondWith(
      fetch(request).then(function (response) {
        if (url.pathname === FORM) event.waitUntil(keepForm(response.clone()).catch(function () {}));
        return response;
      }).catch(function () {
        return caches.match(FORM).then(function (page) { return page || Response.error(); });
      })
    );
    return;
  }
  if (url.pathname.indexOf("/static/") === 0) {
    // Static file names carry a hash of their content: a stored copy never goes stale.
    event.respondWith(
      caches.match(request).then(function (hit) {
        return hit || fetch(request).then(function (response) {
          if (response.ok) {
            var copy = response.clone();
            caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
          }
          return response;
        });
      })
    );
  }
});
