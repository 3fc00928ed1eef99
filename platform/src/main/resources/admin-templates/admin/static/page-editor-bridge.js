// The page editor's bridge in a front end hosted apart from the platform. Magnolia's front-end helpers
// (@magnolia/react-editor, vue-editor, angular-editor) load it from the editor's host as
// /VAADIN/widgetsets/info.magnolia.PageEditor/info.magnolia.PageEditor.nocache.js, wait for window.mgnlFrameReady,
// then call it and window.mgnlRefresh whenever the page's annotations are rendered. The platform serves this file
// after page-editor-bars.js. The bridge asks the editor (the parent window, of this script's origin) for its labels,
// draws the bars in the front end's document and sends their actions to the editor, which carries them out.
(function () {
  "use strict";
  var script = document.currentScript;
  var editorOrigin = script ? new URL(script.src).origin : null;
  var config = null;

  function tell(message) {
    window.parent.postMessage(JSON.stringify(message), editorOrigin);
  }

  function redraw() {
    if (!config || !document.body) {
      return;
    }
    window.uoEditBars.decorate(document, {labels: config.labels, titles: config.titles, page: config.page,
      act: function (action) {
        tell({action: "uoEditBar", bar: action});
      }});
  }

  if (!editorOrigin || window.parent === window) {
    return;
  }
  window.uoEditBars.onMessage(function () { return window.parent; }, editorOrigin, function (message) {
    if (message.action === "uoBridgeConfig") {
      config = message;
      redraw();
    }
  });
  window.mgnlFrameReady = function () {
    if (!config) {
      tell({action: "uoBridgeReady"});
    }
  };
  window.mgnlRefresh = redraw;
})();
