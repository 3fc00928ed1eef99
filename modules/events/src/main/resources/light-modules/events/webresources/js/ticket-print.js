// The ticket page's "Imprimer" button (/billet/<token>): shown only when scripts run, since printing from a page
// needs window.print(); without it, the browser's own print command prints the same page.
(function () {
  'use strict';
  var button = document.getElementById('ticket-print');
  if (!button || !window.print) {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', function () {
    window.print();
  });
}());
