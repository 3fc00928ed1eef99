[#-- Site search: a search form that works without JavaScript, the number of results, results with
     their type, title link and summary, and previous/next pages (parameter "page", 1-based). --]
[#include "/usines-ouvertes/templates/includes/init.ftl"]
[#assign q = (ctx.getParameter("q")!"")?trim]
[#assign pageSize = 10]
[#-- "page" is 1 to 1000; anything else answers 400 with the first page (no template error, nothing logged) --]
[#assign pageParam = ctx.getParameter("page")!"1"]
[#assign pageNumber = pageParam?matches("[1-9][0-9]{0,3}")?then(pageParam?number, 0)]
[#if pageNumber < 1 || pageNumber > 1000]${ctx.response.setStatus(400)}[#assign pageNumber = 1][/#if]
[#if q?has_content]
  [#assign found = searchfn.content(q, lang, pageSize, (pageNumber - 1) * pageSize)]
[/#if]
[#include "/usines-ouvertes/templates/includes/head.ftl"]
<body class="page-search">
[#include "/usines-ouvertes/templates/includes/header.ftl"]
<main id="contenu" class="site-main">
  <div class="container">
    <h1 class="page-title">${content.title!content["@name"]}</h1>
    <form class="search-form" role="search" method="get" action="${cmsfn.link(content)}">
      <label for="search-q">${i18n['search.label']}</label>
      <input id="search-q" name="q" type="search" value="${q}" maxlength="200">
      <button type="submit">${i18n['search.submit']}</button>
    </form>
    [#if found??]
      <div role="status"><h2 class="search-count" id="search-count">${found.total} ${(found.total == 1)?then(i18n['search.result'], i18n['search.results'])}</h2></div>
      [#if found.results?has_content]
        <ol class="card-list search-results" aria-labelledby="search-count">
          [#list found.results as result]
            <li class="card">
              <p class="meta">${i18n['search.type.' + result.type]}</p>
              <h3 class="card-title"><a href="${base}${result.url}">${result.title}</a></h3>
              [#if result.summary?has_content]<p>${result.summary}</p>[/#if]
            </li>
          [/#list]
        </ol>
        [#if pageNumber > 1 || found.total > pageNumber * pageSize]
          <nav class="pagination" aria-label="${i18n['search.pages']}">
            <ul>
              [#if pageNumber > 1]<li><a href="?q=${q?url}&amp;page=${pageNumber - 1}" rel="prev">${i18n['search.previous']}</a></li>[/#if]
              [#if found.total > pageNumber * pageSize]<li><a href="?q=${q?url}&amp;page=${pageNumber + 1}" rel="next">${i18n['search.next']}</a></li>[/#if]
            </ul>
          </nav>
        [/#if]
      [#else]
        <p>${i18n['search.none']}</p>
      [/#if]
    [/#if]
  </div>
</main>
[#include "/usines-ouvertes/templates/includes/footer.ftl"]
</body>
</html>
