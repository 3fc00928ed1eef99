// The page editor: reads the page-editor comments of the draft page in the frame (<!-- cms:area {json} --> …
// <!-- /cms:area -->, <!-- cms:component {json} --> … <!-- /cms:component -->) and puts a bar before each area and
// component. The bars' actions are the page screen's own forms (same routes, same CSRF token), sent with a return
// address that brings the editor back, so the result shows at once. Plain JavaScript, no build step.
(function () {
  "use strict";
  var root = document.getElementById("page-editor");
  var frame = document.getElementById("page-editor-frame");
  if (!root || !frame) {
    return;
  }
  var labels = JSON.parse(root.getAttribute("data-labels"));
  var page = root.getAttribute("data-page");
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

  function workspacePath(jcrPath) {
    return jcrPath.indexOf("/website/") === 0 ? jcrPath.substring("/website".length) : jcrPath;
  }

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

  function button(doc, text, title, onClick) {
    var b = doc.createElement("button");
    b.type = "button";
    b.textContent = text;
    if (title) {
      b.title = title;
      b.setAttribute("aria-label", text + " — " + title);
    }
    b.addEventListener("click", onClick);
    return b;
  }

  function componentBar(doc, data, siblings, index) {
    var bar = doc.createElement("div");
    bar.className = "uo-edit-bar uo-edit-component";
    var name = doc.createElement("span");
    name.className = "uo-edit-name";
    name.textContent = data.title;
    bar.appendChild(name);
    var path = workspacePath(data.content);
    if (data.dialog) {
      bar.appendChild(button(doc, labels.edit, data.title, function () {
        window.location.href = "/admin/pages/component?path=" + encodeURIComponent(path) + "&return="
            + encodeURIComponent(root.getAttribute("data-return")) + lang.replace("?", "&");
      }));
    }
    if (index > 0) {
      bar.appendChild(button(doc, labels.up, data.title, function () {
        post("components", {path: page, component: path, action: "up"});
      }));
    }
    if (index < siblings - 1) {
      bar.appendChild(button(doc, labels.down, data.title, function () {
        post("components", {path: page, component: path, action: "down"});
      }));
    }
    bar.appendChild(button(doc, labels["delete"], data.title, function () {
      if (window.confirm(labels.confirmDelete + " (" + data.title + ")")) {
        post("components", {path: page, component: path, action: "delete"});
      }
    }));
    return bar;
  }

  function areaBar(doc, data) {
    var bar = doc.createElement("div");
    bar.className = "uo-edit-bar uo-edit-area";
    var name = doc.createElement("span");
    name.className = "uo-edit-name";
    name.textContent = labels.area + " : " + data.title;
    bar.appendChild(name);
    var full = data.max !== null && data.components >= data.max;
    if (!data.pageArea || data.available.length === 0) {
      return bar;
    }
    if (full) {
      var note = doc.createElement("span");
      note.textContent = labels.full;
      bar.appendChild(note);
      return bar;
    }
    var select = doc.createElement("select");
    select.setAttribute("aria-label", labels.add + " — " + data.title);
    data.available.forEach(function (template) {
      var option = doc.createElement("option");
      option.value = template.id;
      option.textContent = template.title;
      select.appendChild(option);
    });
    bar.appendChild(select);
    bar.appendChild(button(doc, labels.addComponent, data.title, function () {
      post("components", {path: workspacePath(data.owner), area: data.name, template: select.value, action: "add"});
    }));
    return bar;
  }

  function decorate() {
    var doc = frame.contentDocument;
    if (!doc || !doc.body) {
      return;
    }
    var style = doc.createElement("link");
    style.rel = "stylesheet";
    style.href = "/admin/static/page-editor-frame.css";
    doc.head.appendChild(style);
    var walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_COMMENT);
    var comments = [];
    while (walker.nextNode()) {
      comments.push(walker.currentNode);
    }
    // Each area's components in order, to know which can move up or down.
    var stack = [];
    comments.forEach(function (comment) {
      var text = comment.nodeValue.trim();
      var match = /^cms:(area|component) (\{.*\})$/.exec(text);
      if (match) {
        var data = JSON.parse(match[2]);
        if (match[1] === "area") {
          var entry = {comment: comment, data: data, components: []};
          stack.push(entry);
        } else {
          var area = stack.length ? stack[stack.length - 1] : null;
          if (area) {
            area.components.push({comment: comment, data: data});
          }
        }
      } else if (text === "/cms:area" && stack.length) {
        var done = stack.pop();
        comment.parentNode.insertBefore(areaBar(doc, done.data), comment);
        done.components.forEach(function (component, index) {
          component.comment.parentNode.insertBefore(
              componentBar(doc, component.data, done.components.length, index), component.comment.nextSibling);
        });
      }
    });
  }

  frame.addEventListener("load", decorate);
  if (frame.contentDocument && frame.contentDocument.readyState === "complete") {
    decorate();
  }
})();
