/* Sinergi KIM member pages: the offline queue of reports, live writing hints, "Gunakan lokasi saya".
 *
 * Forms work without this file. With it, a report is sent by fetch; without signal it is kept in
 * IndexedDB (with photo Blobs) and sent on 'online', page load and every 30 s; client_key/send_key
 * make a repeated send harmless. Other refusals show the server's reason. Texts: #kim-texts.
 */
(function () {
  "use strict";
  var app = document.getElementById("kim-app");
  if (!app || !window.fetch || !window.FormData || !window.Promise) return;

  var MEMBER = app.getAttribute("data-member");
  var T = document.getElementById("kim-texts").dataset;
  var statusBox = document.getElementById("kim-status");
  var queueBox = document.getElementById("kim-queue");
  var form = document.getElementById("kim-report-form");
  var DB_NAME = "sinergi-kim", STORE = "outbox", CACHE_PREFIX = "sinergi-kim-";
  // The browser tests shorten the retry interval.
  var RETRY_MS = +window.sinergiKimRetryMs || 30000;

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function replaceAll(element, nodes) {
    while (element.firstChild) element.removeChild(element.firstChild);
    nodes.forEach(function (node) { element.appendChild(node); });
  }

  function fill(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (all, name) { return name in values ? values[name] : all; });
  }

  /* ----------------------------------------------------------------- the status line (role=status) */

  function say(text, kind, link, linkText) {
    var p = document.createElement("p");
    p.className = "msg-" + (kind || "info");
    p.textContent = text;
    if (link) {
      var a = document.createElement("a");
      a.href = link;
      a.textContent = linkText || T.open;
      p.appendChild(document.createTextNode(" "));
      p.appendChild(a);
    }
    replaceAll(statusBox, [p]);
  }

  // What the member must read: into view, focused.
  function showStatus() {
    statusBox.setAttribute("tabindex", "-1");
    statusBox.scrollIntoView({ block: "center" });
    statusBox.focus({ preventScroll: true });
  }

  function clearFieldErrors() {
    Array.prototype.forEach.call(form.querySelectorAll(".kim-js-error"), function (ul) {
      var field = document.getElementById(ul.id.replace("_jserror", ""));
      field.removeAttribute("aria-invalid");
      field.setAttribute("aria-describedby", field.getAttribute("aria-describedby").replace(" " + ul.id, ""));
      ul.parentNode.removeChild(ul);
    });
  }

  // Errors at their fields; the first is focused.
  function showFieldErrors(errors) {
    clearFieldErrors();
    var first = null;
    Object.keys(errors || {}).forEach(function (name) {
      var field = form.querySelector("[name=" + name + "]:not([type=hidden])");
      if (!field || !field.id) return;
      var ul = document.createElement("p"), box = field.closest(".field") || field.parentNode;
      ul.className = "errors kim-js-error"; ul.id = field.id + "_jserror"; ul.textContent = errors[name].join(" ");
      (box.querySelector("div") || box).appendChild(ul);
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", (field.getAttribute("aria-describedby") || "") + " " + ul.id);
      first = first || field;
    });
    if (first) { first.scrollIntoView({ block: "center" }); first.focus({ preventScroll: true }); }
    return !!first;
  }

  /* ----------------------------------------------------------------- IndexedDB outbox */

  function withStore(mode, work) {
    return new Promise(function (resolve, reject) {
      if (!window.indexedDB) { reject(new Error("no IndexedDB")); return; }
      var open = indexedDB.open(DB_NAME, 1);
      open.onupgradeneeded = function () { open.result.createObjectStore(STORE, { keyPath: "id" }); };
      open.onerror = function () { reject(open.error); };
      open.onsuccess = function () {
        var db = open.result, result;
        var tx = db.transaction(STORE, mode);
        var request = work(tx.objectStore(STORE));
        if (request) request.onsuccess = function () { result = request.result; };
        tx.oncomplete = function () { db.close(); resolve(result); };
        tx.onerror = tx.onabort = function () { db.close(); reject(tx.error); };
      };
    });
  }
  function putItem(item) { return withStore("readwrite", function (s) { return s.put(item); }); }
  function deleteItem(id) { return withStore("readwrite", function (s) { return s.delete(id); }); }
  function myItems() {
    return withStore("readonly", function (s) { return s.getAll(); }).then(function (items) {
      // A shared phone: only the signed-in member's reports are sent, under their account.
      return (items || []).filter(function (i) { return i.member === MEMBER; })
        .sort(function (a, b) { return a.created - b.created; });
    }, function () { return []; });
  }

  /* ----------------------------------------------------------------- sending */

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) return decodeURIComponent(match[1]);
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  // The whole form, photos read into memory now: a picked file may not be readable later.
  function snapshot(action) {
    var data = new FormData(form), fields = [], reads = [];
    data.forEach(function (value, name) {
      if (name === "csrfmiddlewaretoken") return;
      if (typeof value === "string") { fields.push([name, value]); return; }
      if (!value.name || !value.size) return;
      reads.push(value.arrayBuffer().then(function (buffer) {
        return { name: value.name, type: value.type, blob: new Blob([buffer], { type: value.type }) };
      }));
    });
    fields = fields.filter(function (f) { return f[0] !== "action" && f[0] !== "send_key"; });
    fields.push(["action", action], ["send_key", uuid()]);
    return Promise.all(reads).then(function (files) {
      var title = form.querySelector("[name=title]").value.trim();
      return { id: uuid(), member: MEMBER, url: form.getAttribute("action"), action: action, title: title,
               fields: fields, files: files, created: Date.now(), failed: "" };
    });
  }

  function send(item, live) {
    var body = new FormData();
    item.fields.forEach(function (f) { body.append(f[0], f[1]); });
    item.files.forEach(function (f) { body.append("photos", f.blob, f.name); });
    return fetch(item.url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "Accept": "application/json", "X-CSRFToken": csrfToken(), "X-Kim-Send": live ? "live" : "queue" }
    }).then(function (response) {
      var json = (response.headers.get("Content-Type") || "").indexOf("application/json") === 0;
      return (json ? response.json() : Promise.resolve(null)).then(function (data) {
        return { status: response.status, data: data };
      });
    });
  }

  // Only the network (no answer, 408, 5xx) is retried by itself.
  function verdict(answer) {
    if (answer.status === 401) return "login";
    if (answer.status === 408 || answer.status >= 500) return "later";
    if (answer.status === 200 && answer.data) return answer.data.ok ? "sent" : "saved";
    if (answer.data && answer.data.saved) return "saved";
    return answer.status >= 400 ? "refused" : "later"; // 2xx not from us: a captive portal
  }

  // The server's reason; without one (a proxy's page), what its status means.
  function errorText(answer) {
    var data = answer.data;
    if (!data) return answer.status === 413 ? T.tooMuch : fill(T.refusedStatus, { status: answer.status });
    var parts = [data.message];
    Object.keys(data.errors || {}).forEach(function (k) {
      data.errors[k].forEach(function (text) { if (parts.indexOf(text) < 0) parts.push(text); });
    });
    return parts.filter(Boolean).join(" ");
  }

  /* ----------------------------------------------------------------- the queue on screen */

  function renderQueue() {
    if (!queueBox) return Promise.resolve();
    return myItems().then(function (items) {
      var list = queueBox.querySelector("ul");
      replaceAll(list, items.map(function (item) {
        var li = document.createElement("li"), text = document.createElement("span");
        text.textContent = (item.title || "—") + " — " + (item.failed || T.waiting);
        li.appendChild(text);
        if (item.failed) {
          [[T.tryAgain, function () { item.failed = ""; putItem(item).then(flush); }],
           [T.remove, function () { deleteItem(item.id).then(renderQueue); }]].forEach(function (b) {
            var button = document.createElement("button");
            button.type = "button"; button.className = "secondary"; button.textContent = b[0];
            button.addEventListener("click", b[1]);
            li.appendChild(button);
          });
        }
        return li;
      }));
      queueBox.hidden = items.length === 0;
      document.getElementById("kim-queue-title").textContent =
        items.every(function (i) { return i.failed; }) ? T.queueRefused : T.queueWaiting;
      return items;
    });
  }

  var flushing = false;
  function flushNow() {
    if (flushing) return Promise.resolve();
    flushing = true;
    return myItems().then(function (items) {
      var waiting = items.filter(function (i) { return !i.failed; });
      var chain = Promise.resolve(true);
      waiting.forEach(function (item) {
        chain = chain.then(function (goOn) {
          if (!goOn) return false;
          say(T.sending + " " + item.title);
          return send(item, false).then(function (answer) {
            var v = verdict(answer), d = answer.data;
            if (v === "sent") {
              return deleteItem(item.id).then(function () {
                say((item.action === "submit" ? T.sent : T.draftSent) + ": " + item.title, "success", d.detail_url);
                return true;
              });
            }
            if (v === "saved") {
              return deleteItem(item.id).then(function () {
                say(T.savedNotSent + ": " + item.title + ". " + errorText(answer), "warning", d.edit_url || d.detail_url);
                return true;
              });
            }
            if (v === "refused") {
              item.failed = T.refused + ": " + errorText(answer);
              return putItem(item).then(function () { say(item.failed, "warning"); return true; });
            }
            if (v === "login") { say(T.login, "warning", app.getAttribute("data-login-url"), T.login); return false; }
            say(T.later + ": " + item.title, "warning");
            return false;
          }, function () {
            say(T.queued + ": " + item.title);
            return false;
          });
        });
      });
      return chain;
    }).then(function () { flushing = false; return renderQueue(); },
            function () { flushing = false; return renderQueue(); });
  }

  function flush() {
    // One tab at a time, where the browser can tell the tabs apart.
    if (navigator.locks && navigator.locks.request) return navigator.locks.request("sinergi-kim-outbox", flushNow);
    return flushNow();
  }

  /* ----------------------------------------------------------------- the report form */

  function photoProblem() {
    var input = document.getElementById("kim-photos");
    if (!input || !input.files) return "";
    var maxPhoto = +form.dataset.maxPhotoBytes, maxAll = +form.dataset.maxRequestBytes, room = +form.dataset.room;
    var total = 0;
    for (var i = 0; i < input.files.length; i++) {
      var f = input.files[i];
      total += f.size;
      if (f.size > maxPhoto) return fill(T.photoTooBig, { name: f.name, mb: Math.round(maxPhoto / 1048576) });
    }
    if (input.files.length > room) return fill(T.tooManyPhotos, { n: room });
    if (total > maxAll) return T.tooMuch;
    return "";
  }

  function showPhotoProblem() {
    var box = document.getElementById("kim-photo-check"), problem = photoProblem();
    if (box) { box.textContent = problem; box.hidden = !problem; }
    return problem;
  }

  function freshKeys() {
    if (form.dataset.new === "1") form.querySelector("[name=client_key]").value = uuid();
    form.querySelector("[name=send_key]").value = uuid();
  }

  var hintTimer = null;
  function askHints() {
    clearTimeout(hintTimer);
    hintTimer = setTimeout(function () {
      var list = document.getElementById("kim-hints"), photos = document.getElementById("kim-photos");
      if (!list || !navigator.onLine) return;
      var body = new FormData();
      ["title", "body", "place", "event_date"].forEach(function (name) {
        var field = form.querySelector("[name=" + name + "]");
        body.append(name, field ? field.value : "");
      });
      body.append("photo_count", (+form.dataset.existingPhotos) + (photos && photos.files ? photos.files.length : 0));
      fetch(form.dataset.hintsUrl, {
        method: "POST", body: body, credentials: "same-origin",
        headers: { "Accept": "application/json", "X-CSRFToken": csrfToken() }
      }).then(function (r) { return r.ok ? r.json() : null; }).then(function (data) {
        if (!data) return;
        replaceAll(list, data.hints.map(function (hint) {
          var li = document.createElement("li"), hidden = document.createElement("span");
          li.className = hint.ok ? "ok" : "todo";
          li.setAttribute("data-key", hint.key);
          hidden.className = "vh";
          hidden.textContent = (hint.ok ? T.hintOk : T.hintTodo) + " ";
          li.appendChild(hidden);
          li.appendChild(document.createTextNode(hint.message));
          return li;
        }));
      }, function () { /* hints are a nicety: without signal the last ones stay */ });
    }, 800);
  }

  function setBusy(busy) {
    Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (b) { b.disabled = busy; });
  }

  // Refused not for the network: kept, marked, never retried by itself.
  function keepRefused(item, answer) {
    item.failed = T.refused + ": " + errorText(answer);
    say(item.failed, "warning");
    showStatus();
    return putItem(item).then(renderQueue, function () {});
  }

  function photoCount() {
    var photos = document.getElementById("kim-photos");
    return +form.dataset.existingPhotos - form.querySelectorAll("[name=remove_photos]:checked").length +
      (photos && photos.files ? photos.files.length : 0);
  }

  function keepOnPhone(item) {
    return putItem(item).then(function () {
      say(T.queued + ": " + item.title);
      showStatus();
      if (form.dataset.new === "1") {
        form.reset();
        var list = document.getElementById("kim-hints");
        if (list) replaceAll(list, []);
      }
      freshKeys();
      return renderQueue();
    }, function () { say(T.noStorage, "warning"); });
  }

  function setUpForm() {
    freshKeys();
    var lastButton = null;
    Array.prototype.forEach.call(form.querySelectorAll("button[name=action]"), function (b) {
      b.addEventListener("click", function () { lastButton = b; });
    });
    form.addEventListener("submit", function (event) {
      var button = event.submitter || lastButton;
      var action = button && button.value === "submit" ? "submit" : "draft";
      event.preventDefault();
      clearFieldErrors();
      var problem = showPhotoProblem();
      if (!problem && action === "submit" && !form.querySelector("[name=body]").value.trim()) problem = T.needBody;
      if (problem) { say(problem, "warning"); showStatus(); return; }
      var consent = form.querySelector("[name=consent_confirmed]");
      if (action === "submit" && consent && !consent.checked && photoCount() > 0) {
        showFieldErrors({ consent_confirmed: [T.needConsent] }); // as views._submit
        return;
      }
      setBusy(true);
      snapshot(action).then(function (item) {
        freshKeys(); // the next press is another send
        if (!navigator.onLine) return keepOnPhone(item);
        return send(item, true).then(function (answer) {
          var v = verdict(answer);
          if (v === "sent" || v === "saved") { window.location.assign(answer.data.url); return; }
          if (v === "refused" && answer.status === 400 && answer.data) {
            say(T.refused + ": " + errorText(answer), "warning");
            if (!showFieldErrors(answer.data.errors)) showStatus();
            return;
          }
          if (v === "refused") return keepRefused(item, answer);
          return keepOnPhone(item).then(function () {
            if (v === "login") say(T.queued + ". " + T.login, "warning", app.getAttribute("data-login-url"), T.login);
            else if (answer.data && answer.data.message) say(T.queued + ". " + answer.data.message, "warning");
          });
        }, function () { return keepOnPhone(item); });
      }).then(function () { setBusy(false); }, function () { setBusy(false); say(T.noStorage, "warning"); });
    });

    ["title", "body", "place", "event_date"].forEach(function (name) {
      var field = form.querySelector("[name=" + name + "]");
      if (field) field.addEventListener("input", askHints);
    });
    var photos = document.getElementById("kim-photos");
    if (photos) photos.addEventListener("change", function () { showPhotoProblem(); askHints(); });

    var geo = document.getElementById("kim-geo"), geoStatus = document.getElementById("kim-geo-status");
    if (geo && navigator.geolocation) {
      geo.hidden = false;
      geo.addEventListener("click", function () {
        geoStatus.hidden = false;
        geoStatus.textContent = T.geoWait;
        navigator.geolocation.getCurrentPosition(function (position) {
          form.querySelector("[name=latitude]").value = position.coords.latitude.toFixed(6);
          form.querySelector("[name=longitude]").value = position.coords.longitude.toFixed(6);
          geoStatus.textContent = T.geoDone;
        }, function () {
          geoStatus.textContent = T.geoFailed;
        }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
      });
    }
  }

  /* ----------------------------------------------------------------- sign-out, service worker, start */

  var logout = document.getElementById("kim-logout");
  if (logout) {
    logout.addEventListener("submit", function (event) {
      event.preventDefault();
      myItems().then(function (items) {
        if (items.length && !window.confirm(T.logoutPending)) return;
        // The cached form page carries the member's name: it goes with the session.
        var clear = window.caches ? caches.keys().then(function (keys) {
          return Promise.all(keys.filter(function (k) { return k.indexOf(CACHE_PREFIX) === 0; })
            .map(function (k) { return caches.delete(k); }));
        }) : Promise.resolve();
        clear.then(function () { logout.submit(); }, function () { logout.submit(); });
      });
    });
  }

  if ("serviceWorker" in navigator && app.getAttribute("data-sw")) {
    navigator.serviceWorker.register(app.getAttribute("data-sw"), { scope: "/kim/" }).catch(function () {});
  }

  if (form) setUpForm();
  window.addEventListener("online", flush);
  setInterval(function () { if (navigator.onLine) myItems().then(function (i) { if (i.length) flush(); }); }, RETRY_MS);
  renderQueue().then(function (items) { if (items && items.length && navigator.onLine) flush(); });
})();
