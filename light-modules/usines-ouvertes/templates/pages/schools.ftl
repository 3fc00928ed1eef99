[#include "/usines-ouvertes/templates/includes/init.ftl"]
[#include "/usines-ouvertes/templates/includes/head.ftl"]
<body class="page-schools">
[#include "/usines-ouvertes/templates/includes/header.ftl"]
<main id="contenu" class="site-main">
[#-- For schools: editorial components, then factories open to school groups on the school day(s) near the
     school's commune (straight-line radius standing for 45 minutes by coach), and the "Kit de l'Industrie
     de Demain" once the communication team has published the DAM folder /kits: the asset
     /kits/kit-industrie-de-demain, else the first PDF of the folder. --]
  <div class="container"><h1 class="page-title">${content.title!content["@name"]}</h1></div>
  [@cms.area name="main" /]
  [#assign kit = damfn.getAsset("jcr", "/kits/kit-industrie-de-demain")!""]
  [#if !kit?has_content]
    [#assign kitFolder = cmsfn.contentByPath("/kits", "dam")!""]
    [#if kitFolder?is_hash]
      [#list cmsfn.children(kitFolder, "mgnl:asset")![] as file]
        [#assign candidate = damfn.getAsset(file["@id"])!""]
        [#if candidate?has_content && (candidate.mimeType!"") == "application/pdf"][#assign kit = candidate][#break][/#if]
      [/#list]
    [/#if]
  [/#if]
  [#if kit?has_content && kit.link?has_content]
    <p class="container"><a class="button" href="${kit.link}">${i18n['schools.kit']}</a></p>
  [/#if]
  [#-- the search needs the events module (directoryfn); without it the page keeps its editorial content --]
  [#if directoryfn??]
  [#include "/events/templates/includes/directory.ftl"]
  [#assign here = (lang == "en")?then(enUrl, frUrl)]
  [#assign dir = directoryfn.schools(ctx, lang)]
  [#if dir.error??]${ctx.response.setStatus(400)}[/#if]
  <section class="container schools-search" aria-labelledby="schools-title">
    <h2 id="schools-title">${i18n['schools.title']}</h2>
    <p>${i18n['schools.intro']}</p>
    <form class="directory-form" method="get" action="${here}" role="search" aria-labelledby="schools-title">
      <div class="search-fields">
        [@placeFields dir false /]
        <p class="search-submit"><button type="submit" class="button">${i18n['schools.submit']}</button></p>
      </div>
      [#if dir.error?? && !["near", "km"]?seq_contains(dir.error.field)]
        <p class="field-error" role="alert">${i18n['directory.error.' + dir.error.code]} (${dir.error.field})</p>
      [/#if]
    </form>
    <p class="note">${i18n.get('schools.approximation', directoryfn.schoolKm()?c)}</p>
    <h3>${i18n['schools.results']}</h3>
    <p class="result-count" role="status">${i18n.get('directory.total', dir.total)}</p>
    [@results dir 4 /]
    [@pagination dir /]
  </section>
  [/#if]
</main>
[#include "/usines-ouvertes/templates/includes/footer.ftl"]
</body>
</html>
