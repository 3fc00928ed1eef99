/*
 * The check-in's service worker (scope /admin/pointage/): keeps the page, its script and style sheets and the day
 * lists the phone loaded, so that the gate's check-in opens and works without network. Network first: online, the
 * phone always gets the current page and list, and the copies are refreshed; offline, the last copies answer. Check-ins
 * themselves are sent by the page (it queues them while offline); POST requests are never answered from here.
 */
'use strict';
var CACHE = 'uo-checkin-v1';
var SHELL = ['/admin/pointage/', '/admin/pointage/checkin.js', '/admin/pointage/checkin.css', '/admin/static/admin.css'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(SHELL.map(function (url) {
      return fetch(url, { credentials: 'same-origin' }).then(function (response) {
        return response.ok ? cache.put(url, response) : null;
      }).catch(function () { return null; });
    }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== CACHE; }).map(function (name) {
      return caches.delete(name);
    }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  var mine = url.origin === self.location.origin
    && (url.pathname.indexOf('/admin/pointage/') === 0 || url.pathname === '/admin/static/admin.css');
  if (request.method !== 'GET' || !mine) {
    return;
  }
  // the page for any day answers from the page kept (its script reads the day from the address)
  var page = request.mode === 'navigate';
  event.respondWith(fetch(request).then(function (response) {
    if (response.ok && !response.redirected) {
      var copy = response.clone();
      caches.open(CACHE).then(function (cache) { cache.put(page ? '/admin/pointage/' : request, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(page ? '/admin/pointage/' : request).then(function (kept) {
      return kept || new Response('', { status: 503, statusText: 'Offline' });
    });
  }));
});
