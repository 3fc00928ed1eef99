[#include "/usines-ouvertes/templates/includes/init.ftl"]
[#include "/usines-ouvertes/templates/includes/head.ftl"]
<body class="page-region">
[#include "/usines-ouvertes/templates/includes/header.ftl"]
<main id="contenu" class="site-main">
[#-- Regional page: editorial components, the region's open factories (search), then its showcase sites. --]
  <div class="container"><h1 class="page-title">${content.title!content["@name"]}</h1></div>
  [@cms.area name="main" /]
  [#if content.regionName?has_content && directoryfn??]
    [#-- The region's open factories, through the same search as the directory (first page, link to the rest). --]
    [#include "/events/templates/includes/directory.ftl"]
    [#assign directoryPage = pageWithTemplate(homePage, "events:pages/sites")]
    [#assign dir = directoryfn.region(content.regionName, lang)]
    <section class="container region-sites" aria-labelledby="region-directory-title">
      <h2 id="region-directory-title">${i18n['region.directory.sites']} ${content.regionName}</h2>
      <p class="result-count">${i18n.get('region.directory.total', dir.total)}</p>
      [@results dir 3 /]
      [#if directoryPage?is_hash && dir.total > 0]
        <p><a class="read-more" href="${cmsfn.link(directoryPage)}?region=${content.regionName?url('UTF-8')}">${i18n['region.directory.all']}</a></p>
      [/#if]
    </section>
  [/#if]
  [#if content.regionName?has_content]
    [#assign showcasesPage = pageWithTemplate(homePage, "usines-ouvertes:pages/showcases")]
    [#assign rows = []]
    [#list byOrder(workspaceItems("showcases")) as showcase]
      [#list sitesOf(showcase) as site]
        [#if (site.region!"") == content.regionName][#assign rows = rows + [{"showcase": showcase, "site": site}]][/#if]
      [/#list]
    [/#list]
    [#if rows?has_content]
      <section class="container" aria-labelledby="region-sites-title">
        <h2 id="region-sites-title">${i18n['region.showcases']} ${content.regionName}</h2>
        <ul class="card-list">
          [#list rows as row]
            <li class="card">
              <h3 class="card-title">[#if showcasesPage?is_hash]<a href="${detailLink(showcasesPage, row.showcase)}">${row.showcase.company!row.showcase["@name"]}</a>[#else]${row.showcase.company!row.showcase["@name"]}[/#if]</h3>
              <p>${row.site.name!""}[#if row.site.commune?has_content] · ${row.site.commune}[/#if]</p>
            </li>
          [/#list]
        </ul>
      </section>
    [/#if]
  [/#if]
</main>
[#include "/usines-ouvertes/templates/includes/footer.ftl"]
</body>
</html>
