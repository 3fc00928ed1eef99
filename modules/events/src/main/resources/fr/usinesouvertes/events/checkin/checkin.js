/*
 * The gate's check-in on a phone, offline first. The day's list comes from /admin/pointage/jour.json and is kept in
 * the phone's storage; every check-in (present with the persons there, absent, undo, walk-in, close) is applied to
 * the list at once and queued in the phone's storage, then sent to /admin/pointage/sync whenever the network is there
 * (at once, when the browser says it is back, and every 20 seconds). The server applies each operation idempotently,
 * so a queue sent twice or two phones checking the same booking count each booking once. A service worker
 * (/admin/pointage/sw.js) keeps the page, this script and the lists for when the network is gone.
 */
(function () {
  'use strict';
  var root = document.getElementById('checkin');
  if (!root || !window.fetch || !window.localStorage || !window.JSON) {
    return;
  }
  var m = JSON.parse(root.getAttribute('data-messages'));
  var csrf = root.getAttribute('data-csrf');
  var date = new URLSearchParams(window.location.search).get('jour') || root.getAttribute('data-date');
  var status = document.getElementById('checkin-status');
  var DAY_KEY = 'uo-checkin-day-' + date;
  var QUEUE_KEY = 'uo-checkin-queue';
  var server = read(DAY_KEY);
  var queue = read(QUEUE_KEY) || [];
  var filter = '';
  var sending = false;
  var refused = '';
  var notice = '';

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/admin/pointage/sw.js').catch(function () { /* still works online */ });
  }

  function read(key) {
    try {
      return JSON.parse(window.localStorage.getItem(key));
    } catch (e) {
      return null;
    }
  }

  function save() {
    window.localStorage.setItem(QUEUE_KEY, JSON.stringify(queue));
    if (server) {
      window.localStorage.setItem(DAY_KEY, JSON.stringify(server));
    }
  }

  function id() {
    return window.crypto && window.crypto.randomUUID ? window.crypto.randomUUID()
      : 'w' + Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
  }

  function plain(text) {
    return (text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  // The server's list with the queued operations applied, as the phone shows it.
  function view() {
    var day = JSON.parse(JSON.stringify(server || { slots: [] }));
    queue.forEach(function (op) {
      if (op.date !== date) {
        return;
      }
      day.slots.forEach(function (slot) {
        if (slot.id !== op.slot) {
          return;
        }
        slot.bookings.forEach(function (booking) {
          if (booking.id !== op.registration) {
            return;
          }
          if (op.type === 'present') {
            booking.state = 'present';
            booking.present = op.persons;
          } else if (op.type === 'absent') {
            booking.state = 'absent';
            booking.present = 0;
          } else if (op.type === 'undo') {
            booking.state = 'expected';
            booking.present = 0;
          }
        });
        if (op.type === 'walk-in') {
          slot.walkIns = slot.walkIns.filter(function (w) { return w.id !== op.walkIn; })
            .concat([{ id: op.walkIn, persons: op.persons }]);
        } else if (op.type === 'remove-walk-in') {
          slot.walkIns = slot.walkIns.filter(function (w) { return w.id !== op.walkIn; });
        } else if (op.type === 'close') {
          slot.closed = true;
          slot.bookings.forEach(function (booking) {
            if (booking.state === 'expected' && booking.label.slice(-2) !== ' *') {
              booking.state = 'absent';
            }
          });
        }
      });
    });
    day.slots.forEach(function (slot) {
      slot.presentPersons = slot.bookings.reduce(function (sum, b) { return sum + (b.state === 'present' ? b.present : 0); }, 0)
        + slot.walkIns.reduce(function (sum, w) { return sum + w.persons; }, 0);
    });
    return day;
  }

  function queueOp(op) {
    op.id = id();
    op.date = date;
    queue.push(op);
    save();
    render();
    sync();
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') {
        node.textContent = attributes[name];
      } else if (name.indexOf('on') === 0) {
        node.addEventListener(name.substring(2), attributes[name]);
      } else {
        node.setAttribute(name, attributes[name]);
      }
    });
    (children || []).forEach(function (child) { node.appendChild(child); });
    return node;
  }

  function bookingItem(slot, booking) {
    var persons = el('input', { type: 'number', min: '1', max: '999', value: String(booking.present || booking.expected),
      'aria-label': m['checkin.presentPersons'] + ' — ' + booking.label, 'class': 'checkin-persons' });
    var buttons = [];
    if (!slot.closed || booking.state !== 'expected') {
      buttons.push(el('button', { type: 'button', 'class': 'checkin-present', text: m['checkin.present'],
        'aria-label': m['checkin.present'] + ' — ' + booking.label, onclick: function () {
          var count = parseInt(persons.value, 10);
          queueOp({ type: 'present', slot: slot.id, registration: booking.id, persons: count > 0 ? count : booking.expected });
        } }));
      buttons.push(el('button', { type: 'button', 'class': 'checkin-absent', text: m['checkin.absent'],
        'aria-label': m['checkin.absent'] + ' — ' + booking.label, onclick: function () {
          queueOp({ type: 'absent', slot: slot.id, registration: booking.id });
        } }));
    }
    if (booking.state !== 'expected') {
      buttons.push(el('button', { type: 'button', 'class': 'checkin-undo', text: m['checkin.undo'],
        'aria-label': m['checkin.undo'] + ' — ' + booking.label, onclick: function () {
          queueOp({ type: 'undo', slot: slot.id, registration: booking.id });
        } }));
    }
    return el('li', { 'class': 'checkin-booking checkin-' + booking.state, 'data-id': booking.id }, [
      el('span', { 'class': 'checkin-label', text: booking.label }),
      el('span', { 'class': 'checkin-expected', text: booking.expected + ' ' + m['checkin.expected'] }),
      el('span', { 'class': 'checkin-state', text: m['checkin.state.' + booking.state]
        + (booking.state === 'present' ? ' (' + booking.present + ')' : '') }),
      persons
    ].concat(buttons));
  }

  function slotSection(slot) {
    var shown = slot.bookings.filter(function (b) { return !filter || plain(b.label).indexOf(filter) >= 0; });
    var walkInPersons = el('input', { type: 'number', min: '1', max: '999', value: '1', 'class': 'checkin-persons',
      'aria-label': m['checkin.walkInPersons'] });
    var children = [
      el('h2', { text: slot.site + ' · ' + slot.start + '–' + slot.end }),
      el('p', { 'class': 'checkin-counts', text: slot.presentPersons + ' ' + m['checkin.came'] + ' / '
        + slot.expectedPersons + ' ' + m['checkin.expected'] + ' / ' + slot.capacity + ' ' + m['checkin.capacity'] }),
      el('ul', { 'class': 'checkin-bookings' }, shown.map(function (b) { return bookingItem(slot, b); }))
    ];
    if (slot.presentPersons > slot.capacity) {
      children.push(el('p', { 'class': 'notice notice--warning', text: m['checkin.overCapacity'] }));
    }
    children.push(el('h3', { text: m['checkin.walkIn'] }));
    children.push(el('ul', { 'class': 'checkin-walkins' }, slot.walkIns.map(function (walkIn) {
      return el('li', {}, [el('span', { text: walkIn.persons + ' ' + m['checkin.came'] }),
        el('button', { type: 'button', text: m['checkin.removeWalkIn'], onclick: function () {
          queueOp({ type: 'remove-walk-in', slot: slot.id, walkIn: walkIn.id });
        } })]);
    })));
    if (!slot.closed) {
      children.push(el('p', { 'class': 'checkin-walkin-form' }, [walkInPersons,
        el('button', { type: 'button', 'class': 'checkin-add-walkin', text: m['checkin.addWalkIn'], onclick: function () {
          var count = parseInt(walkInPersons.value, 10);
          if (count > 0) {
            queueOp({ type: 'walk-in', slot: slot.id, walkIn: id(), persons: count });
          }
        } })]));
      children.push(el('p', {}, [el('button', { type: 'button', 'class': 'checkin-close', text: m['checkin.close'],
        onclick: function () {
          if (window.confirm(m['checkin.close'] + ' ?')) {
            queueOp({ type: 'close', slot: slot.id });
          }
        } })]));
    } else {
      children.push(el('p', { 'class': 'checkin-closed', text: m['checkin.closed'] }));
    }
    return el('section', { 'class': 'checkin-slot', 'data-slot': slot.id }, children);
  }

  var search = el('input', { type: 'search', id: 'checkin-search', 'aria-label': m['checkin.search'],
    placeholder: m['checkin.search'], oninput: function () { filter = plain(search.value); render(); } });
  var list = el('div', { 'class': 'checkin-list' });
  root.textContent = '';
  root.appendChild(el('p', {}, [search]));
  root.appendChild(list);

  function render() {
    var day = view();
    var focused = document.activeElement && document.activeElement.getAttribute('aria-label');
    list.textContent = '';
    if (!server) {
      list.appendChild(el('p', { text: navigator.onLine ? '…' : m['checkin.offline'] }));
    } else if (!day.slots.length) {
      list.appendChild(el('p', { text: m['checkin.none'] }));
    }
    day.slots.forEach(function (slot) { list.appendChild(slotSection(slot)); });
    var pending = queue.filter(function (op) { return op.date === date; }).length;
    status.textContent = (navigator.onLine ? m['checkin.online'] : m['checkin.offline']) + ' '
      + (pending ? pending + ' ' + m['checkin.pending'] : m['checkin.synced']) + (refused ? ' ' + refused : '')
      + (notice ? ' ' + notice : '');
    status.className = 'checkin-status' + (navigator.onLine ? '' : ' checkin-offline');
    if (focused) {
      var again = list.querySelector('[aria-label="' + focused.replace(/"/g, '\\"') + '"]');
      if (again) {
        again.focus();
      }
    }
  }

  function sync() {
    if (sending || !navigator.onLine || !queue.length) {
      return;
    }
    sending = true;
    var done = false;
    var sent = queue.slice();
    var operations = sent.map(function (op) {
      var copy = Object.assign({}, op);
      delete copy.id;
      delete copy.date;
      return copy;
    });
    fetch('/admin/pointage/sync', { method: 'POST', credentials: 'same-origin', redirect: 'error',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, Accept: 'application/json' },
      body: JSON.stringify({ date: date, operations: operations }) })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, status: response.status, body: body }; });
      })
      .then(function (answer) {
        var ids = sent.map(function (op) { return op.id; });
        done = answer.ok;
        if (answer.ok || answer.status === 400 || answer.status === 404) {
          queue = queue.filter(function (op) { return ids.indexOf(op.id) < 0; });
        }
        if (answer.ok) {
          // the slots the operations touched, as the server has them now
          answer.body.slots.forEach(function (slot) {
            if (server) {
              server.slots = server.slots.map(function (kept) { return kept.id === slot.id ? slot : kept; });
            }
          });
          refused = '';
        } else if (answer.status === 400 || answer.status === 404) {
          refused = m['checkin.refused'] + ' ' + answer.body.message;
        }
        save();
      })
      .catch(function () { /* offline or session gone: the queue stays for the next try */ })
      .then(function () {
        sending = false;
        render();
        if (done && queue.length) {
          sync(); // check-ins made while these were on their way
        }
      });
  }

  function load() {
    if (!navigator.onLine) {
      render();
      return;
    }
    fetch('/admin/pointage/jour.json?jour=' + encodeURIComponent(date), { credentials: 'same-origin',
      headers: { Accept: 'application/json' }, redirect: 'error' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (day) {
        if (day) {
          server = { date: day.date, slots: day.slots };
          save();
        }
      })
      .catch(function () { /* keep the stored list */ })
      .then(function () { render(); sync(); });
  }

  // Scanning a ticket: the phone's camera takes a photo of its QR code (/billet/<token>), read here when the browser
  // can (BarcodeDetector: offline too; the token names the booking), else sent to /admin/pointage/scan to be read.
  var scan = document.getElementById('checkin-scan');
  function bookingOfToken(text) {
    var at = text.indexOf('/billet/');
    if (at < 0) {
      return null;
    }
    var part = text.substring(at + '/billet/'.length).split('.')[0].replace(/-/g, '+').replace(/_/g, '/');
    var id;
    try {
      id = window.atob(part + '==='.slice((part.length + 3) % 4));
    } catch (e) {
      return null;
    }
    var found = null;
    view().slots.forEach(function (slot) {
      slot.bookings.forEach(function (booking) {
        if (booking.id === id) {
          found = { slot: slot.id, registration: id };
        }
      });
    });
    return found || { other: true };
  }
  function readHere(file) {
    if (!('BarcodeDetector' in window) || !window.createImageBitmap) {
      return Promise.resolve(null);
    }
    return window.createImageBitmap(file).then(function (bitmap) {
      return new window.BarcodeDetector({ formats: ['qr_code'] }).detect(bitmap);
    }).then(function (codes) { return codes.length ? codes[0].rawValue : null; }).catch(function () { return null; });
  }
  function readThere(file) {
    if (!navigator.onLine) {
      return Promise.resolve({ message: m['checkin.scanOffline'] });
    }
    var form = new FormData();
    form.append('photo', file);
    return fetch('/admin/pointage/scan?jour=' + encodeURIComponent(date), { method: 'POST', credentials: 'same-origin',
      headers: { 'X-CSRF-Token': csrf, Accept: 'application/json' }, body: form })
      .then(function (response) {
        return response.json().then(function (body) {
          return response.ok ? body : { message: response.status === 404 ? m['checkin.scanOther'] : m['checkin.scanNothing'] };
        });
      }).catch(function () { return { message: m['checkin.scanOffline'] }; });
  }
  function scanned(found) {
    if (!found || found.message || found.other) {
      notice = found && found.message ? found.message : found && found.other ? m['checkin.scanOther']
        : m['checkin.scanNothing'];
      render();
      return;
    }
    var booking = null;
    view().slots.forEach(function (slot) {
      slot.bookings.forEach(function (b) { if (b.id === found.registration) { booking = b; } });
    });
    if (!booking) {
      notice = m['checkin.scanOther'];
      render();
      return;
    }
    if (booking.state !== 'present') {
      queueOp({ type: 'present', slot: found.slot, registration: booking.id, persons: booking.expected });
    }
    var shown = view();
    shown.slots.forEach(function (slot) {
      slot.bookings.forEach(function (b) { if (b.id === booking.id) { booking = b; } });
    });
    notice = m['checkin.scanned'].replace('%s', booking.label).replace('%s', booking.present);
    render();
    var persons = list.querySelector('li[data-id="' + booking.id + '"] .checkin-persons');
    if (persons) {
      persons.focus();
    }
  }
  if (scan) {
    scan.addEventListener('change', function () {
      var file = scan.files && scan.files[0];
      if (!file) {
        return;
      }
      readHere(file).then(function (text) { return text ? bookingOfToken(text) : readThere(file); })
        .then(scanned).then(function () { scan.value = ''; });
    });
  }

  window.addEventListener('online', function () { render(); sync(); });
  window.addEventListener('offline', render);
  window.setInterval(sync, 20000);
  render();
  load();
})();
