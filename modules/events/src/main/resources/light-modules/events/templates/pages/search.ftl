[#-- Site search: a search form that works without JavaScript, the number of results, then on the first
     page the open factories matching (searchfn.sites: site, company, commune, sector, showcase text) with a
     link to the directory searching the same words, then pages and press releases with their type, title
     link and summary, and previous/next pages (parameter "page", 1-based, pages and press releases only). --]
[#-- the site's page frame (its definition's parameter "frame"), else the module's own --]
[#assign frame = (sitefn.site().parameters.frame)!"/events/templates/frame/"]
[#include frame + "init.ftl"]
[#assign q = (ctx.getParameter("q")!"")?trim]
[#assign pageSize = 10]
[#-- "page" is 1 to 1000; anything else answers 400 with the first page (no template error, nothing logged) --]
[#assign pageParam = ctx.getParameter("page")!"1"]
[#assign pageNumber = pageParam?matches("[1-9][0-9]{0,3}")?then(pageParam?number, 0)]
[#if pageNumber < 1 || pageNumber > 1000]${ctx.response.setStatus(400)}[#assign pageNumber = 1][/#if]
[#if q?has_content]
  [#assign found = searchfn.content(q, lang, pageSize, (pageNumber - 1) * pageSize)]
  [#assign sites = searchfn.sites(q, lang, 5)]
  [#assign showSites = pageNumber == 1 && sites.total > 0]
[/#if]
[#include frame + "head.ftl"]
<body class="page-search">
[#include frame + "header.ftl"]
<main id="contenu" class="site-main">
  <div class="container">
    <h1 class="page-title">${content.title!content["@name"]}</h1>
    <form class="search-form" role="search" method="get" action="${cmsfn.link(content)}">
      <label for="search-q">${i18n['search.label']}</label>
      <input id="search-q" name="q" type="search" value="${q}" maxlength="200">
      <button type="submit">${i18n['search.submit']}</button>
    </form>
    [#if found??]
      [#assign total = found.total + sites.total]
      <div role="status"><p class="search-count" id="search-count">${total} ${(total == 1)?then(i18n['search.result'], i18n['search.results'])}</p></div>
      [#if showSites]
        <section class="search-group search-sites" aria-labelledby="search-sites-title">
          <h2 id="search-sites-title">${i18n['search.sites.title']} <span class="count">(${sites.total})</span></h2>
          <ol class="card-list search-site-results">
            [#list sites.results as site]
              <li class="card">
                <p class="meta">${i18n['search.type.site']} · ${site.commune}[#if site.department?has_content] (${site.department})[/#if]</p>
                <h3 class="card-title"><a href="${base}${site.url}">${site.company?has_content?then(site.company + " – " + site.name, site.name)}</a></h3>
                [#if site.sector?has_content]<p>${site.sector}</p>[/#if]
              </li>
            [/#list]
          </ol>
          <p><a class="read-more" href="${base}${sites.directoryUrl}">${i18n.get('search.sites.all', q)}</a></p>
        </section>
      [/#if]
      [#if found.results?has_content || !showSites]
        <section class="search-group search-content"[#if showSites] aria-labelledby="search-content-title"[/#if]>
          [#if showSites]<h2 id="search-content-title">${i18n['search.content.title']} <span class="count">(${found.total})</span></h2>[/#if]
          [#if found.results?has_content]
            <ol class="card-list search-results"[#if showSites] aria-labelledby="search-content-title"[#else] aria-labelledby="search-count"[/#if]>
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
        </section>
      [/#if]
    [/#if]
  </div>
</main>
[#include frame + "footer.ftl"]
</body>
</html>
