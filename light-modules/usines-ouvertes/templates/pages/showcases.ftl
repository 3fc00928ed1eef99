[#include "/usines-ouvertes/templates/includes/init.ftl"]
[#include "/usines-ouvertes/templates/includes/head.ftl"]
<body class="page-showcases">
[#include "/usines-ouvertes/templates/includes/header.ftl"]
<main id="contenu" class="site-main">
[#-- Showcase companies, or one company with the table of its sites (detail page: item). --]
[#if item??]
  [#assign sites = sitesOf(item)]
  <article class="container showcase">
    <p class="back-link"><a href="${cmsfn.link(content)}">${i18n['showcases.back']}</a></p>
    <h1 class="page-title">${item.company!item["@name"]}</h1>
    [#if item.sector?has_content]<p class="meta">${item.sector}</p>[/#if]
    [#if item.description?has_content]<div class="rich-text">${cmsfn.decode(item).description}</div>[/#if]
    <h2>${i18n['showcases.sites']} (${sites?size})</h2>
    [#if sites?has_content]
      <div class="table-wrapper">
        <table class="sites">
          <thead><tr>
            <th scope="col">${i18n['showcases.site']}</th>
            <th scope="col">${i18n['showcases.commune']}</th>
            <th scope="col">${i18n['showcases.department']}</th>
            <th scope="col">${i18n['showcases.region']}</th>
          </tr></thead>
          <tbody>
            [#list sites as site]
              <tr>
                <th scope="row">${site.name!site["@name"]}</th>
                <td>${site.commune!"—"}[#if site.inseeCode?has_content] <span class="insee">(${i18n['showcases.insee']} ${site.inseeCode})</span>[/#if]</td>
                <td>${site.department!"—"}</td>
                <td>${site.region!"—"}</td>
              </tr>
            [/#list]
          </tbody>
        </table>
      </div>
    [/#if]
    [#if item.url?has_content]<p><a class="button" href="${item.url}">${i18n['showcases.organisersPage']}</a></p>[/#if]
  </article>
[#else]
  <div class="container"><h1 class="page-title">${content.title!content["@name"]}</h1></div>
  [@cms.area name="main" /]
  [#assign showcases = byOrder(workspaceItems("showcases"))]
  <section class="container" aria-labelledby="showcase-list-title">
    <h2 id="showcase-list-title" class="visually-hidden">${i18n['showcases.list']}</h2>
    <ul class="card-list showcase-list">
      [#list showcases as showcase]
        [#assign sites = sitesOf(showcase)]
        <li class="card">
          <h3 class="card-title"><a href="${detailLink(content, showcase)}">${showcase.company!showcase["@name"]}</a></h3>
          [#if showcase.sector?has_content]<p class="meta">${showcase.sector}</p>[/#if]
          <p>${sites?size} [#if sites?size gt 1]${i18n['showcases.sitesCount']}[#else]${i18n['showcases.siteCount']}[/#if][#if regionsOf(sites)?has_content] · ${regionsOf(sites)?join(", ")}[/#if]</p>
        </li>
      [/#list]
    </ul>
  </section>
[/#if]
</main>
[#include "/usines-ouvertes/templates/includes/footer.ftl"]
</body>
</html>
