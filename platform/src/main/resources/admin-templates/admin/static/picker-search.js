/*
 * Generated forms: a list of pages or files (select.picker) longer than a screen gets a search box above it. Words
 * typed keep the choices whose label holds every word (accents and case ignored); the chosen one always stays; how
 * many remain is announced. Without this script the list is a plain list.
 */
(function () {
  'use strict';
  var en = document.documentElement.lang === 'en';

  function plain(text) {
    return (text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  Array.prototype.forEach.call(document.querySelectorAll('select.picker'), function (select) {
    if (select.options.length <= 12) {
      return;
    }
    var search = document.createElement('input');
    search.type = 'search';
    search.className = 'picker-search';
    search.id = select.id + '-search';
    search.setAttribute('aria-label', (en ? 'Search the list: ' : 'Rechercher dans la liste : ')
        + (document.querySelector('label[for="' + select.id + '"]') || {textContent: ''}).textContent.trim());
    search.setAttribute('aria-controls', select.id);
    search.placeholder = en ? 'Search…' : 'Rechercher…';
    var count = document.createElement('span');
    count.className = 'hint picker-count';
    count.setAttribute('aria-live', 'polite');
    select.parentNode.insertBefore(search, select);
    select.parentNode.insertBefore(count, select);
    search.addEventListener('input', function () {
      var words = plain(search.value).split(/\s+/).filter(function (word) { return word; });
      var shown = 0;
      Array.prototype.forEach.call(select.options, function (option) {
        var label = plain(option.textContent + ' ' + option.value);
        var match = option.value === '' || option.selected
            || words.every(function (word) { return label.indexOf(word) >= 0; });
        option.hidden = !match;
        if (match && option.value !== '') {
          shown++;
        }
      });
      count.textContent = words.length ? (en ? shown + ' found' : shown + ' trouvé(s)') : '';
    });
  });
})();
