// The page editor's bars, shared by the editor of pages the platform renders (it decorates its same-origin frame)
// and by the bridge a front end hosted elsewhere loads (it decorates its own document and tells the editor by
// messages). Reads the page-editor comments around areas and components, in either of the two forms:
//   the platform's preview: <!-- cms:area {json} --> … <!-- /cms:area -->, <!-- cms:component {json} --> …
//   Magnolia's template annotations, as its front-end helpers write them:
//     <!-- cms:area content="website:/p/main" name="main" availableComponents="a,b" label="…" showAddButton="true" -->
// and puts a bar before each area's end and after each component's start. A bar's button calls options.act with
// {type: "edit"|"up"|"down"|"delete", path} or {type: "add", owner, area, template}. Plain JavaScript, no build step.
(function () {
  "use strict";

  function workspacePath(path) {
    if (path.indexOf("website:") === 0) {
      return path.substring("website:".length);
    }
    return path.indexOf("/website/") === 0 ? path.substring("/website".length) : path;
  }

  // name="value" attributes of a Magnolia annotation (values HTML-escaped by the server).
  function attributes(text) {
    var found = {};
    var pattern = /([A-Za-z]+)="([^"]*)"/g;
    var match;
    var scratch = document.createElement("textarea");
    while ((match = pattern.exec(text)) !== null) {
      scratch.innerHTML = match[2];
      found[match[1]] = scratch.value;
    }
    return found;
  }

  // One comment as {kind, data} with data in one shape for both forms; null for any other comment.
  function parse(text, options) {
    text = text.trim();
    if (text === "/cms:area") {
      return {kind: "areaEnd"};
    }
    var json = /^cms:(area|component) (\{.*\})$/.exec(text);
    if (json) {
      var data = JSON.parse(json[2]);
      if (json[1] === "component") {
        return {kind: "component", data: {title: data.title, path: workspacePath(data.content), dialog: data.dialog}};
      }
      return {kind: "area", data: {title: data.title, owner: workspacePath(data.owner), name: data.name,
          pageArea: data.pageArea, available: data.available,
          full: data.max !== null && data.components >= data.max}};
    }
    var magnolia = /^cms:(area|component) (.*)$/.exec(text);
    if (!magnolia) {
      return null;
    }
    var a = attributes(magnolia[2]);
    var path = workspacePath(a.content || "");
    if (magnolia[1] === "component") {
      return {kind: "component", data: {title: a.label || path, path: path, dialog: !!a.dialog}};
    }
    var owner = path.substring(0, path.lastIndexOf("/")) || "/";
    var available = (a.availableComponents || "").split(",").filter(function (id) {
      return id.trim() !== "";
    }).map(function (id) {
      id = id.trim();
      return {id: id, title: (options.titles && options.titles[id]) || id};
    });
    return {kind: "area", data: {title: a.label || a.name, owner: owner, name: a.name,
        pageArea: owner === options.page, available: a.editable === "false" ? [] : available,
        full: a.showAddButton === "false"}};
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

  function componentBar(doc, data, siblings, index, options) {
    var labels = options.labels;
    var bar = doc.createElement("div");
    bar.className = "uo-edit-bar uo-edit-component";
    var name = doc.createElement("span");
    name.className = "uo-edit-name";
    name.textContent = data.title;
    bar.appendChild(name);
    if (data.dialog) {
      bar.appendChild(button(doc, labels.edit, data.title, function () {
        options.act({type: "edit", path: data.path});
      }));
    }
    if (index > 0) {
      bar.appendChild(button(doc, labels.up, data.title, function () {
        options.act({type: "up", path: data.path});
      }));
    }
    if (index < siblings - 1) {
      bar.appendChild(button(doc, labels.down, data.title, function () {
        options.act({type: "down", path: data.path});
      }));
    }
    bar.appendChild(button(doc, labels["delete"], data.title, function () {
      if (doc.defaultView.confirm(labels.confirmDelete + " (" + data.title + ")")) {
        options.act({type: "delete", path: data.path});
      }
    }));
    return bar;
  }

  function areaBar(doc, data, options) {
    var labels = options.labels;
    var bar = doc.createElement("div");
    bar.className = "uo-edit-bar uo-edit-area";
    var name = doc.createElement("span");
    name.className = "uo-edit-name";
    name.textContent = labels.area + " : " + data.title;
    bar.appendChild(name);
    if (!data.pageArea || data.available.length === 0) {
      return bar;
    }
    if (data.full) {
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
      options.act({type: "add", owner: data.owner, area: data.name, template: select.value});
    }));
    return bar;
  }

  // Removes the bars a previous pass put in doc, then puts one on each area and component.
  function decorate(doc, options) {
    Array.prototype.forEach.call(doc.querySelectorAll(".uo-edit-bar"), function (old) {
      old.parentNode.removeChild(old);
    });
    var walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_COMMENT);
    var comments = [];
    while (walker.nextNode()) {
      comments.push(walker.currentNode);
    }
    // Each area's components in order, to know which can move up or down.
    var stack = [];
    comments.forEach(function (comment) {
      var found = parse(comment.nodeValue, options);
      if (!found) {
        return;
      }
      if (found.kind === "area") {
        stack.push({data: found.data, components: []});
      } else if (found.kind === "component") {
        if (stack.length) {
          stack[stack.length - 1].components.push({comment: comment, data: found.data});
        }
      } else if (stack.length && comment.parentNode) {
        var done = stack.pop();
        comment.parentNode.insertBefore(areaBar(doc, done.data, options), comment);
        done.components.forEach(function (component, index) {
          if (component.comment.parentNode) {
            component.comment.parentNode.insertBefore(componentBar(doc, component.data, done.components.length,
                index, options), component.comment.nextSibling);
          }
        });
      }
    });
  }

  // Calls handler with each message (a JSON string) that the window source() sends from origin; ignores any other.
  function onMessage(source, origin, handler) {
    window.addEventListener("message", function (event) {
      if (event.source !== source() || event.origin !== origin || typeof event.data !== "string") {
        return;
      }
      var message;
      try {
        message = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      handler(message);
    });
  }

  window.uoEditBars = {decorate: decorate, onMessage: onMessage};
})();
