<h1 id="title">${content.title!}</h1>
[#if item??]<article id="item">${item.title}|${state.selector}|${item['@path']}</article>[/#if]
<ul id="items">[#list cmsfn.children(cmsfn.contentByPath("/", "press-releases"), "mgnl:contentNode") as release]<li>${cmsfn.link(release)}</li>[/#list]</ul>
