/*
 * Media library, an image's screen: a click on the image sets its focal point (where its subject is, kept in view
 * when the site crops the image) in the form's field as two percentages from the left and from the top, and a mark
 * shows it. The field can be typed in as well (keyboard, or without this script).
 */
(function () {
  'use strict';
  var image = document.querySelector('.asset-preview-large img');
  var field = document.getElementById('f-focalPoint');
  if (!image || !field) {
    return;
  }
  var frame = image.parentNode;
  var mark = document.createElement('span');
  mark.className = 'focal-mark';
  mark.setAttribute('aria-hidden', 'true');
  frame.appendChild(mark);
  image.classList.add('focal-target');
  image.title = document.documentElement.lang === 'en' ? 'Click the subject to set the focal point'
      : 'Cliquez sur le sujet pour placer le point d\u2019intérêt';

  // The image's drawn box inside its element (object-fit: contain leaves bands around it).
  function drawn() {
    var box = image.getBoundingClientRect();
    var ratio = image.naturalWidth / image.naturalHeight;
    var width = box.width;
    var height = box.height;
    if (width / height > ratio) {
      width = height * ratio;
    } else {
      height = width / ratio;
    }
    return {left: box.left + (box.width - width) / 2, top: box.top + (box.height - height) / 2, width: width,
      height: height, offsetLeft: image.offsetLeft + (box.width - width) / 2,
      offsetTop: image.offsetTop + (box.height - height) / 2};
  }

  function show() {
    var found = /^\s*(\d{1,3}(?:\.\d{1,2})?)%?[\s,;]+(\d{1,3}(?:\.\d{1,2})?)%?\s*$/.exec(field.value);
    if (!found || !image.naturalWidth) {
      mark.hidden = true;
      return;
    }
    var area = drawn();
    mark.hidden = false;
    mark.style.left = (area.offsetLeft + area.width * parseFloat(found[1]) / 100) + 'px';
    mark.style.top = (area.offsetTop + area.height * parseFloat(found[2]) / 100) + 'px';
  }

  image.addEventListener('click', function (event) {
    var area = drawn();
    var x = Math.round((event.clientX - area.left) / area.width * 100);
    var y = Math.round((event.clientY - area.top) / area.height * 100);
    if (x < 0 || y < 0 || x > 100 || y > 100) {
      return; // a click on the bands around the image
    }
    field.value = x + ' ' + y;
    show();
  });
  field.addEventListener('input', show);
  if (image.complete) {
    show();
  } else {
    image.addEventListener('load', show);
  }
})();
