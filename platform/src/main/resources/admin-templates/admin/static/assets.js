/*
 * Media library: files dropped on the upload zone, or several chosen at once, are sent one request per file
 * with a progress bar each; the server checks every file as for the plain form (which works without this
 * script). Texts come from the form's data-* attributes, in the page's language.
 */
(function () {
  'use strict';
  var form = document.querySelector('form.upload-form');
  if (!form || !window.FormData || !window.XMLHttpRequest) {
    return;
  }
  var input = form.querySelector('input[type=file]');
  var zone = form.querySelector('.drop-zone');
  var output = form.querySelector('.upload-progress');
  var csrf = form.querySelector('input[name=_csrf]').value;
  var folder = form.querySelector('input[name=folder]').value;
  form.querySelector('.drop-hint').hidden = false;
  zone.classList.add('droppable');

  function text(name, values) {
    var message = form.getAttribute('data-' + name) || '';
    Object.keys(values || {}).forEach(function (key) {
      message = message.split('{' + key + '}').join(String(values[key]));
    });
    return message;
  }

  ['dragenter', 'dragover'].forEach(function (type) {
    zone.addEventListener(type, function (event) {
      event.preventDefault();
      zone.classList.add('dragging');
    });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    zone.addEventListener(type, function () {
      zone.classList.remove('dragging');
    });
  });
  zone.addEventListener('drop', function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) {
      send(Array.prototype.slice.call(event.dataTransfer.files));
    }
  });
  form.addEventListener('submit', function (event) {
    if (input.files.length) {
      event.preventDefault();
      send(Array.prototype.slice.call(input.files));
    }
  });

  function send(files) {
    var summary = document.createElement('p');
    summary.className = 'upload-summary';
    summary.textContent = text('dropped', {n: files.length});
    var list = document.createElement('ul');
    list.className = 'upload-list';
    output.replaceChildren(summary, list);
    var rows = files.map(function (file) {
      var item = document.createElement('li');
      var name = document.createElement('span');
      name.className = 'upload-name';
      name.textContent = file.name;
      var bar = document.createElement('progress');
      bar.max = 100;
      bar.value = 0;
      bar.setAttribute('aria-label', file.name);
      var state = document.createElement('span');
      state.className = 'upload-state';
      item.append(name, ' ', bar, ' ', state);
      list.appendChild(item);
      return {file: file, item: item, bar: bar, state: state};
    });
    var ok = 0;
    var failed = 0;
    (function next(index) {
      if (index >= rows.length) {
        summary.textContent = text('done', {ok: ok, failed: failed});
        var reload = document.createElement('a');
        reload.href = window.location.pathname + window.location.search;
        reload.className = 'upload-reload';
        reload.textContent = text('reload');
        output.appendChild(reload);
        input.value = '';
        return;
      }
      var row = rows[index];
      var data = new FormData();
      data.append('folder', folder);
      data.append('file', row.file, row.file.name);
      var request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.setRequestHeader('Accept', 'application/json');
      request.setRequestHeader('X-CSRF-Token', csrf);
      request.upload.addEventListener('progress', function (event) {
        if (event.lengthComputable) {
          row.bar.value = Math.round(event.loaded * 100 / event.total);
        }
      });
      request.addEventListener('load', function () {
        var answer = {};
        try {
          answer = JSON.parse(request.responseText);
        } catch (e) {
          answer = {};
        }
        if (request.status === 201) {
          ok++;
          row.bar.value = 100;
          row.item.classList.add('uploaded');
          var link = document.createElement('a');
          link.href = answer.screen;
          link.textContent = answer.title || row.file.name;
          row.state.replaceChildren('✓ ', link);
        } else {
          failed++;
          row.item.classList.add('refused');
          row.state.textContent = answer.message || text('failed') + ' (' + request.status + ')';
        }
        next(index + 1);
      });
      request.addEventListener('error', function () {
        failed++;
        row.item.classList.add('refused');
        row.state.textContent = text('failed');
        next(index + 1);
      });
      request.send(data);
    })(0);
  }
})();
