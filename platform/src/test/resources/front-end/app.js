// A minimal front end written as Magnolia's React demos are (EditablePage, EditableArea, component mappings), in plain
// JavaScript: it reads its page and, in the page editor, the page's template annotations from the platform, repeating
// the frame's query string on both calls as Magnolia's getMagnoliaContext gives it.
(function () {
  "use strict";
  var h = React.createElement;
  var context = EditorContextHelper.getMagnoliaContext(window.location.href, "/headless", ["en"]);

  function Headline(props) {
    return h("h2", {className: "headline"}, props.text);
  }

  function Page(props) {
    return h("main", null, h("h1", null, props.title), props.main ? h(EditableArea, {content: props.main}) : null);
  }

  var config = {componentMappings: {"headless:pages/spa": Page, "headless:components/headline": Headline}};

  function json(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) {
        throw new Error(url + " answered " + response.status);
      }
      return response.json();
    });
  }

  Promise.all([
    json(window.PLATFORM + "/.rest/delivery/pages/v1" + context.nodePath + context.search),
    context.isMagnoliaEdit
      ? json(window.PLATFORM + "/.rest/template-annotations/v1" + context.nodePath + context.search)
      : Promise.resolve(null)
  ]).then(function (answers) {
    ReactDOM.createRoot(document.getElementById("root")).render(
        h(EditablePage, {content: answers[0], config: config, templateAnnotations: answers[1]}));
  }).catch(function (error) {
    document.getElementById("root").textContent = "Error: " + error.message;
  });
})();
