// The directory's filters (details.facets, /usines) are folded by default so that on a phone the results
// come first; on a wide screen, where directory.css puts them in a column beside the results, they are
// opened here. Without JavaScript they stay folded and open with a click or the keyboard.
(function () {
  'use strict';
  var filters = document.getElementById('directory-filters');
  if (!filters || !window.matchMedia) {
    return;
  }
  var wide = window.matchMedia('(min-width: 48rem)');
  if (wide.matches) {
    filters.open = true;
  }
  var follow = function (event) {
    if (event.matches) {
      filters.open = true;
    }
  };
  if (wide.addEventListener) {
    wide.addEventListener('change', follow);
  }
}());
