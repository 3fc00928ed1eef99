/*
 * Commune field of the company space as an ARIA combobox (WAI-ARIA Authoring Practices, "list autocomplete"):
 * typing two characters or more asks GET /.rest/communes/v1?q=…&limit=8 for suggestions, shown in a listbox;
 * Down/Up move through them (aria-activedescendant), Enter or a click picks one ("Longueau (80330)"), Escape
 * closes the list, and a polite live region announces how many communes are suggested. Without this script the
 * field stays a text field that the server checks.
 */
(function () {
  'use strict';
  var french = (document.documentElement.lang || 'fr').indexOf('en') !== 0;
  var TEXT = french
    ? {count: function (n) { return n === 0 ? 'Aucune commune trouvée.' : n === 1 ? '1 commune proposée, flèche bas pour la choisir.' : n + ' communes proposées, flèches haut et bas pour choisir.'; },
       picked: function (label) { return label + ' choisie.'; }}
    : {count: function (n) { return n === 0 ? 'No commune found.' : n === 1 ? '1 commune suggested, down arrow to choose it.' : n + ' communes suggested, up and down arrows to choose.'; },
       picked: function (label) { return label + ' chosen.'; }};

  function enhance(input) {
    var endpoint = input.getAttribute('data-commune-combobox');
    var listbox = document.createElement('ul');
    var status = document.createElement('div');
    var options = [];
    var active = -1;
    var timer = null;
    var request = 0;

    listbox.id = input.id + '-listbox';
    listbox.setAttribute('role', 'listbox');
    listbox.setAttribute('aria-label', input.labels && input.labels[0] ? input.labels[0].textContent.replace('*', '').trim() : 'Communes');
    listbox.hidden = true;
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    input.parentNode.appendChild(listbox);
    input.parentNode.appendChild(status);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listbox.id);
    input.setAttribute('autocomplete', 'off');

    function close() {
      listbox.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function highlight(index) {
      options.forEach(function (option, i) { option.setAttribute('aria-selected', i === index ? 'true' : 'false'); });
      active = index;
      if (index >= 0) {
        input.setAttribute('aria-activedescendant', options[index].id);
        options[index].scrollIntoView({block: 'nearest'});
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function pick(index) {
      var option = options[index];
      input.value = option.getAttribute('data-value');
      close();
      status.textContent = TEXT.picked(option.textContent);
    }

    function show(results) {
      listbox.textContent = '';
      options = results.map(function (result, i) {
        var option = document.createElement('li');
        option.id = input.id + '-option-' + i;
        option.setAttribute('role', 'option');
        option.setAttribute('aria-selected', 'false');
        option.setAttribute('data-value', result.value);
        option.textContent = result.label;
        option.addEventListener('mousedown', function (event) { event.preventDefault(); });
        option.addEventListener('click', function () { pick(i); input.focus(); });
        listbox.appendChild(option);
        return option;
      });
      active = -1;
      listbox.hidden = options.length === 0;
      input.setAttribute('aria-expanded', options.length > 0 ? 'true' : 'false');
      status.textContent = TEXT.count(options.length);
    }

    function suggest() {
      var text = input.value.trim();
      if (text.length < 2) {
        close();
        status.textContent = '';
        return;
      }
      var mine = ++request;
      fetch(endpoint + '?limit=8&q=' + encodeURIComponent(text), {headers: {Accept: 'application/json'}})
        .then(function (response) { return response.ok ? response.json() : {results: []}; })
        .then(function (body) { if (mine === request) { show(body.results || []); } })
        .catch(function () { if (mine === request) { close(); } });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(suggest, 150);
    });
    input.addEventListener('keydown', function (event) {
      var open = !listbox.hidden && options.length > 0;
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        if (!open) { suggest(); return; }
        highlight(active < options.length - 1 ? active + 1 : 0);
      } else if (event.key === 'ArrowUp') {
        if (!open) { return; }
        event.preventDefault();
        highlight(active > 0 ? active - 1 : options.length - 1);
      } else if (event.key === 'Enter') {
        if (open && active >= 0) {
          event.preventDefault();
          pick(active);
        }
      } else if (event.key === 'Escape') {
        if (open) {
          event.preventDefault();
          close();
        }
      } else if (event.key === 'Tab') {
        close();
      }
    });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
  }

  Array.prototype.forEach.call(document.querySelectorAll('input[data-commune-combobox]'), enhance);
}());
