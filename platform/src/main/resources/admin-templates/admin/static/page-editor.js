// The page editor: shows the page in a frame with a bar on each area and component (page-editor-bars.js). The bars'
// actions are the page screen's own forms (same routes, same CSRF token), sent from this document with a return
// address that brings the editor back, so the result shows at once.
//
// A page the platform renders is its draft preview, of this origin: the editor decorates the frame itself. A page
// rendered by a front end hosted elsewhere (its template's baseUrl) cannot be reached across origins: the front end
// runs Magnolia's front-end helpers, which ask this window for the editor's address ("initialize"), then load the
// editor's bridge from it (/VAADIN/…PageEditor.nocache.js, served by the platform); the bridge draws the same bars in
// the front end's document and sends their actions here as messages. Plain JavaScript, no build step.
(function () {
  "use strict";
  var root = document.getElementById("page-editor");
  var frame = document.getElementById("page-editor-frame");
  if (!root || !frame) {
    return;
  }
  var labels = JSON.parse(root.getAttribute("data-labels"));
  var page = root.getAttribute("data-page");
  var frontEndOrigin = root.getAttribute("data-front-end-origin");
  var lang = root.getAttribute("data-lang") === "en" ? "?lang=en" : "";

  // Desktop or phone width.
  Array.prototype.forEach.call(document.querySelectorAll(".page-editor-widths button"), function (button) {
    button.addEventListener("click", function () {
      var width = button.getAttribute("data-width");
      frame.style.width = width ? width + "px" : "";
      Array.prototype.forEach.call(document.querySelectorAll(".page-editor-widths button"), function (other) {
        other.setAttribute("aria-pressed", String(other === button));
      });
    });
  });

  // A POST of the page screen's forms, from this document (the frame's page has no token and must not send any).
  function post(action, fields) {
    var form = document.createElement("form");
    form.method = "post";
    form.action = "/admin/pages/" + action + lang;
    var all = Object.assign({}, fields);
    all[root.getAttribute("data-csrf-field")] = root.getAttribute("data-csrf");
    all["return"] = root.getAttribute("data-return");
    Object.keys(all).forEach(function (name) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = all[name];
      form.appendChild(input);
    });
    document.body.appendChild(form);
    form.submit();
  }

  // Carries out a bar's action (from this window's bars or from a front end's bridge).
  function act(action) {
    if (typeof action !== "object" || action === null || typeof action.type !== "string") {
      return;
    }
    if (action.type === "edit") {
      window.location.href = "/admin/pages/component?path=" + encodeURIComponent(action.path) + "&return="
          + encodeURIComponent(root.getAttribute("data-return")) + lang.replace("?", "&");
    } else if (action.type === "up" || action.type === "down" || action.type === "delete") {
      post("components", {path: page, component: action.path, action: action.type});
    } else if (action.type === "add") {
      post("components", {path: action.owner, area: action.area, template: action.template, action: "add"});
    }
  }

  if (!frontEndOrigin) {
    var decorate = function () {
      var doc = frame.contentDocument;
      if (!doc || !doc.body) {
        return;
      }
      var style = doc.createElement("link");
      style.rel = "stylesheet";
      style.href = "/admin/static/page-editor-frame.css";
      doc.head.appendChild(style);
      window.uoEditBars.decorate(doc, {labels: labels, page: page, act: act});
    };
    frame.addEventListener("load", decorate);
    if (frame.contentDocument && frame.contentDocument.readyState === "complete") {
      decorate();
    }
    return;
  }

  var titles = JSON.parse(root.getAttribute("data-titles") || "{}");
  function tell(message) {
    frame.contentWindow.postMessage(JSON.stringify(message), frontEndOrigin);
  }
  window.uoEditBars.onMessage(function () { return frame.contentWindow; }, frontEndOrigin, function (message) {
    if (message.action === "initialize") {
      // Magnolia's helpers take the bridge's host from this address, and edit mode from its ":edit" end.
      tell({action: "updateState", serverUrl: window.location.origin + "/.magnolia/admincentral#app:pages:detail;"
          + page + ":edit"});
    } else if (message.action === "uoBridgeReady") {
      tell({action: "uoBridgeConfig", labels: labels, titles: titles, page: page});
    } else if (message.action === "uoEditBar") {
      act(message.bar);
    }
  });
})();
