/*
 * Rich-text fields of the generated forms: each textarea.rich-text becomes a TinyMCE editor (served from its
 * WebJar under /admin/static/tinymce/) offering exactly what the server's sanitiser keeps: paragraphs, headings
 * 2 to 4, bold, italic, lists, quotes, tables with a header row, links to the site's pages, to media-library
 * files and to https:/mailto: addresses (pickers fed by /admin/pages/links.json and /admin/assets/links.json),
 * and media-library images with their alternative text. Pasted text (Word included) is filtered to the same
 * elements, comments and images from elsewhere dropped. Without this script (or without JavaScript) the textarea
 * is sent as HTML and cleaned by the server.
 */
(function () {
  'use strict';
  var areas = document.querySelectorAll('textarea.rich-text');
  if (!areas.length || !window.tinymce || !window.fetch || !window.Promise) {
    return;
  }
  var en = document.documentElement.lang === 'en';
  var DRAFT = '/admin/assets/draft/';
  var cache = {};

  function t(fr, english) {
    return en ? english : fr;
  }

  function json(url) {
    if (!cache[url]) {
      cache[url] = fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .catch(function () { return []; });
    }
    return cache[url];
  }

  function assets() {
    return json('/admin/assets/links.json' + (en ? '?lang=en' : ''));
  }

  function pages() {
    return json('/admin/pages/links.json');
  }

  /* Images show their draft in the editor (the public /dam/ address serves published files only). */
  function toDraft(src) {
    return src && src.indexOf('/dam/') === 0 ? DRAFT + src.substring('/dam/'.length) : src;
  }

  function toPublic(src) {
    return src && src.indexOf(DRAFT) === 0 ? '/dam/' + src.substring(DRAFT.length) : src;
  }

  /*
   * Word's lists arrive as paragraphs (class MsoListParagraph…, style "mso-list:l0 level2 lfo1") whose bullet or
   * number is text in a span styled "mso-list:Ignore". Each run of such paragraphs becomes a list again, nested by
   * level, numbered when the marker is a number or letter; the markers go. The pasted HTML is parsed (DOMParser),
   * never matched as text; only attribute values (style, marker) are read with patterns.
   */
  function wordLists(html) {
    if (html.indexOf('mso-list') < 0) {
      return html;
    }
    var doc = new DOMParser().parseFromString(html, 'text/html');
    function isItem(node) {
      return node.nodeType === 1 && node.nodeName === 'P' && /mso-list:\s*l\d/i.test(node.getAttribute('style') || '');
    }
    function level(p) {
      var found = /level(\d+)/i.exec(p.getAttribute('style') || '');
      return found ? parseInt(found[1], 10) : 1;
    }
    function takeMarker(p) {
      var text = '';
      Array.prototype.forEach.call(p.querySelectorAll('span'), function (span) {
        if (span.isConnected && /mso-list:\s*ignore/i.test(span.getAttribute('style') || '')) {
          text += span.textContent;
          span.parentNode.removeChild(span);
        }
      });
      return text.replace(/\u00a0/g, ' ').trim();
    }
    var done = [];
    Array.prototype.forEach.call(doc.body.querySelectorAll('p'), function (first) {
      if (!isItem(first) || done.indexOf(first) >= 0) {
        return;
      }
      var run = [];
      for (var node = first; node; node = node.nextSibling) {
        if (isItem(node)) {
          run.push(node);
        } else if (!(node.nodeType === 8 || (node.nodeType === 3 && !node.textContent.trim()))) {
          break;
        }
      }
      var root = null;
      var stack = [];
      run.forEach(function (p) {
        done.push(p);
        var depth = level(p);
        var tag = /^[0-9a-z]{1,4}[.)]$/i.test(takeMarker(p)) ? 'ol' : 'ul';
        while (stack.length && stack[stack.length - 1].level > depth) {
          stack.pop();
        }
        if (!stack.length || stack[stack.length - 1].level < depth) {
          var list = doc.createElement(tag);
          if (stack.length) {
            var parent = stack[stack.length - 1].list;
            (parent.lastElementChild || parent).appendChild(list);
          } else {
            root = list;
          }
          stack.push({ level: depth, list: list });
        }
        var item = doc.createElement('li');
        while (p.firstChild) {
          item.appendChild(p.firstChild);
        }
        stack[stack.length - 1].list.appendChild(item);
      });
      first.parentNode.insertBefore(root, first);
      run.forEach(function (p) { p.parentNode.removeChild(p); });
    });
    return doc.body.innerHTML;
  }

  function linkList(success) {
    Promise.all([pages(), assets()]).then(function (lists) {
      var menus = [];
      if (lists[0].length) {
        menus.push({ title: t('Pages du site', 'Site pages'), menu: lists[0].map(function (page) {
          return { title: page.title, value: page.value };
        }) });
      }
      if (lists[1].length) {
        menus.push({ title: t('Médiathèque', 'Media library'), menu: lists[1].map(function (asset) {
          return { title: asset.title, value: asset.value };
        }) });
      }
      success(menus);
    });
  }

  /*
   * A search over a long list (the site's pages, the media library): words typed narrow the list (accents and case
   * ignored, every word must appear), a click or Enter on a result chooses it. TinyMCE's own dialog parts: an input
   * and a one-column collection, as its special-characters search.
   */
  function searchDialog(editor, title, items, choose) {
    function plain(text) {
      return (text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    }
    function shown(query) {
      var words = plain(query).split(/\s+/).filter(function (word) { return word; });
      return items.filter(function (item) {
        var text = plain(item.text + ' ' + item.value);
        return words.every(function (word) { return text.indexOf(word) >= 0; });
      }).slice(0, 60).map(function (item) {
        return { value: item.value, text: editor.dom.encode(item.text), icon: item.icon };
      });
    }
    editor.windowManager.open({
      title: title,
      body: { type: 'panel', items: [
        { type: 'input', name: 'q', label: t('Rechercher (titre ou adresse)', 'Search (title or address)') },
        { type: 'collection', name: 'results', columns: 1 }
      ] },
      initialData: { q: '', results: shown('') },
      buttons: [{ type: 'cancel', text: 'Cancel' }],
      onChange: function (api, details) {
        if (details.name === 'q') {
          api.setData({ results: shown(api.getData().q) });
        }
      },
      onAction: function (api, details) {
        if (details.name === 'results') {
          var item = items.filter(function (candidate) { return candidate.value === details.value; })[0];
          api.close();
          if (item) {
            choose(item);
          }
        }
      }
    });
  }

  /* The link dialog's browse button: the site's pages and the media library's files, searched. */
  function linkPicker(editor, callback) {
    Promise.all([pages(), assets()]).then(function (lists) {
      var items = lists[0].map(function (page) {
        var title = page.title.replace(/^\u00a0+/, '');
        return { value: page.value, text: title, name: title.replace(/ \([^)]*\)$/, ''), icon: 'link' };
      }).concat(lists[1].map(function (asset) {
        return { value: asset.value, text: asset.title, icon: 'document-properties' };
      }));
      searchDialog(editor, t('Lien vers une page ou un fichier', 'Link to a page or a file'), items, function (item) {
        callback(item.value, { text: item.name || item.text });
      });
    });
  }

  /* The media-library image dialog: pick an image, its alternative text filled from the asset's metadata. */
  function imageDialog(editor) {
    assets().then(function (all) {
      var images = all.filter(function (asset) { return asset.image; });
      if (!images.length) {
        editor.notificationManager.open({ type: 'warning', timeout: 5000,
          text: t('La médiathèque ne contient aucune image.', 'The media library holds no image.') });
        return;
      }
      var node = editor.selection.getNode();
      var current = node && node.nodeName === 'IMG' ? node : null;
      var altOf = function (value) {
        var found = images.filter(function (asset) { return asset.value === value; })[0];
        return found ? found.alt : '';
      };
      var src = current ? toPublic(current.getAttribute('src')) : images[0].value;
      editor.windowManager.open({
        title: t('Image de la médiathèque', 'Image from the media library'),
        body: { type: 'panel', items: [
          { type: 'listbox', name: 'src', label: t('Image', 'Image'), items: images.map(function (asset) {
            return { text: asset.title, value: asset.value };
          }) },
          { type: 'button', name: 'search', text: t('Rechercher une image\u2026', 'Search for an image\u2026') },
          { type: 'input', name: 'alt', label: t('Texte alternatif (ce que montre l\u2019image, pour qui ne la voit pas)',
            'Alternative text (what the image shows, for whoever cannot see it)') },
          { type: 'checkbox', name: 'decorative', label: t('Image décorative (sans texte alternatif)',
            'Decorative image (no alternative text)') }
        ] },
        initialData: { src: src, alt: current ? (current.getAttribute('alt') || '') : altOf(src),
          decorative: !!current && current.getAttribute('alt') === '' },
        buttons: [{ type: 'cancel', text: 'Cancel' }, { type: 'submit', text: 'Save', primary: true }],
        onChange: function (api, details) {
          if (details.name === 'src') {
            api.setData({ alt: altOf(api.getData().src) });
          }
        },
        onAction: function (api, details) {
          if (details.name === 'search') {
            searchDialog(editor, t('Rechercher une image', 'Search for an image'), images.map(function (asset) {
              return { value: asset.value, text: asset.title, icon: 'image' };
            }), function (item) {
              api.setData({ src: item.value, alt: altOf(item.value) });
            });
          }
        },
        onSubmit: function (api) {
          var data = api.getData();
          var alt = data.decorative ? '' : data.alt.trim();
          if (!data.decorative && !alt) {
            editor.notificationManager.open({ type: 'error', timeout: 6000,
              text: t('Saisissez le texte alternatif, ou cochez « Image décorative ».',
                'Type the alternative text, or tick “Decorative image”.') });
            return;
          }
          if (current) {
            editor.undoManager.transact(function () {
              editor.dom.setAttribs(current, { src: toDraft(data.src), alt: alt, 'data-mce-src': data.src });
            });
          } else {
            editor.insertContent(editor.dom.createHTML('img', { src: data.src, alt: alt }));
          }
          api.close();
        }
      });
    });
  }

  Array.prototype.forEach.call(areas, function (area) {
    var label = document.querySelector('label[for="' + area.id + '"]');
    tinymce.init({
      target: area,
      license_key: 'gpl',
      language: en ? undefined : 'fr_FR',
      language_url: en ? undefined : '/admin/static/tinymce-fr.js',
      menubar: false,
      toolbar_mode: 'wrap',
      elementpath: false,
      branding: false,
      promotion: false,
      plugins: 'lists link table autoresize',
      toolbar: 'undo redo | blocks | bold italic | bullist numlist blockquote | link mediaimage table | removeformat',
      block_formats: t('Paragraphe=p; Titre 2=h2; Titre 3=h3; Titre 4=h4', 'Paragraph=p; Heading 2=h2; Heading 3=h3; Heading 4=h4'),
      /* exactly the server's allow-list (RichTextSanitizer): what the editor keeps is what the site shows */
      valid_elements: 'p,br,h2,h3,h4,strong/b,em/i,sub,sup,ul,ol,li,blockquote,a[href|title],'
        + 'img[!src|alt|width|height],table,caption,thead,tbody,tfoot,tr,th[scope|colspan|rowspan],td[colspan|rowspan]',
      valid_children: '-a[img]',
      invalid_styles: '*',
      convert_urls: false,
      link_title: false,
      link_target_list: false,
      link_default_protocol: 'https',
      link_list: linkList,
      file_picker_types: 'file',
      file_picker_callback: function (callback) { linkPicker(tinymce.activeEditor, callback); },
      paste_data_images: false,
      paste_webkit_styles: 'none',
      paste_remove_styles_if_webkit: true,
      table_header_type: 'sectionCells',
      table_default_attributes: {},
      table_default_styles: {},
      table_sizing_mode: 'unset',
      table_resize_bars: false,
      table_appearance_options: false,
      table_advtab: false,
      table_cell_advtab: false,
      table_row_advtab: false,
      table_style_by_css: false,
      table_use_colgroups: false,
      table_toolbar: 'tableprops tabledelete | tableinsertrowbefore tableinsertrowafter tabledeleterow | '
        + 'tableinsertcolbefore tableinsertcolafter tabledeletecol',
      object_resizing: false,
      min_height: 320,
      autoresize_bottom_margin: 20,
      iframe_aria_text: (label ? label.textContent.replace(/\s+/g, ' ').trim() + ' \u2013 ' : '')
        + t('texte enrichi (Alt+0 pour l\u2019aide)', 'rich text (Alt+0 for help)'),
      content_style: 'body{font-family:system-ui,sans-serif;line-height:1.5;margin:1rem}'
        + 'img{max-width:100%;height:auto}table{border-collapse:collapse}'
        + 'th,td{border:1px solid #8a93a5;padding:.25rem .5rem}'
        + 'blockquote{border-left:4px solid #d5dae3;margin-left:0;padding-left:1rem;color:#5a6478}',
      setup: function (editor) {
        editor.ui.registry.addButton('mediaimage', {
          icon: 'image',
          tooltip: t('Image de la médiathèque', 'Image from the media library'),
          onAction: function () { imageDialog(editor); }
        });
        /* Word's lists are rebuilt before the editor's own paste handling, which drops the styles that mark them */
        editor.on('paste', function (e) {
          var html = e.clipboardData && e.clipboardData.getData('text/html');
          if (html && html.indexOf('mso-list') >= 0) {
            e.preventDefault();
            editor.execCommand('mceInsertClipboardContent', false, { html: wordLists(html) });
          }
        }, true);
        editor.on('PreInit', function () {
          editor.getDoc().documentElement.lang = area.closest('[lang]') ? area.closest('[lang]').lang : 'fr';
          /* pasted (or typed) comments and images from outside the media library, e.g. Word's file:/// pictures,
             would be removed by the server: they never enter the editor */
          editor.parser.addNodeFilter('#comment', function (nodes) {
            nodes.forEach(function (node) { node.remove(); });
          });
          editor.parser.addNodeFilter('img', function (nodes) {
            nodes.forEach(function (node) {
              var src = node.attr('src') || '';
              if (src.indexOf('/dam/') !== 0 && src.indexOf(DRAFT) !== 0) {
                node.remove();
              }
            });
          });
          editor.parser.addAttributeFilter('src', function (nodes) {
            nodes.forEach(function (node) {
              if (node.name === 'img') {
                node.attr('data-mce-src', toPublic(node.attr('src')));
                node.attr('src', toDraft(node.attr('src')));
              }
            });
          });
          editor.serializer.addAttributeFilter('src', function (nodes) {
            nodes.forEach(function (node) {
              if (node.name === 'img') {
                node.attr('src', toPublic(node.attr('src')));
              }
            });
          });
          /* header cells say what they head */
          editor.serializer.addNodeFilter('th', function (nodes) {
            nodes.forEach(function (node) {
              if (!node.attr('scope')) {
                var inHead = node.parent && node.parent.parent && node.parent.parent.name === 'thead';
                node.attr('scope', inHead ? 'col' : 'row');
              }
            });
          });
        });
        /* a new table starts with a header row (thead, th scope="col") */
        editor.on('BeforeExecCommand', function (event) {
          if (event.command === 'mceInsertTable' && event.value && typeof event.value === 'object'
              && !event.value.options) {
            event.value.options = { headerRows: 1 };
          }
        });
        editor.on('change input undo redo', function () { editor.save(); });
        if (label) {
          label.addEventListener('click', function (event) {
            event.preventDefault();
            editor.focus();
          });
        }
      }
    });
  });
}());
