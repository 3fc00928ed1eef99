[#include "/usines-ouvertes/templates/includes/init.ftl"]
[#include "/usines-ouvertes/templates/includes/head.ftl"]
<body class="page-press-room">
[#include "/usines-ouvertes/templates/includes/header.ftl"]
<main id="contenu" class="site-main">
[#-- List of press releases, or one press release when the URL names it (detail page: item). --]
[#if item??]
  <article class="container press-release">
    <p class="back-link"><a href="${cmsfn.link(content)}">${i18n['press.back']}</a></p>
    <h1 class="page-title">${item.title!item["@name"]}</h1>
    <p class="meta">
      [#if item.date??][@date item.date /][/#if]
      [#if item.place?has_content]<span class="meta-place">${item.place}</span>[/#if]
    </p>
    [#if item.lead?has_content]<p class="lead">${item.lead}</p>[/#if]
    [#if item.body?has_content]<div class="rich-text">${cmsfn.decode(item).body}</div>[/#if]
    [#assign attachments = asList(item.attachments!)]
    [#if attachments?has_content]
      <section class="attachments">
        <h2>${i18n['press.attachments']}</h2>
        <ul>
          [#list attachments as attachment]
            [#assign attachmentLink = (damfn.getAssetLink(attachment))!""]
            [#if attachmentLink?has_content]<li><a href="${attachmentLink}">${i18n['press.download']} ${attachment?counter}</a></li>[/#if]
          [/#list]
        </ul>
      </section>
    [/#if]
  </article>
[#else]
  <div class="container"><h1 class="page-title">${content.title!content["@name"]}</h1></div>
  <section class="container press-list" aria-labelledby="press-list-title">
    <h2 id="press-list-title">${i18n['press.releases']}</h2>
    [#assign releases = pressReleasesByDate()]
    [#if releases?has_content]
      [#-- Newest first, grouped under one heading per year (undated releases last, without a year). --]
      [#assign year = ""]
      [#list releases as release]
        [#assign releaseYear = release.date???then(release.date?string('yyyy'), "")]
        [#if release?is_first || releaseYear != year]
          [#if !release?is_first]</ul>[/#if]
          [#assign year = releaseYear]
          [#if year?has_content]<h3 class="press-year">${year}</h3>[/#if]
          <ul class="card-list">
        [/#if]
          <li class="card">
            <p class="meta">[#if release.date??][@date release.date /][/#if][#if release.place?has_content] <span class="meta-place">${release.place}</span>[/#if]</p>
            <h4 class="card-title"><a href="${detailLink(content, release)}">${release.title!release["@name"]}</a></h4>
            [#if release.lead?has_content]<p>${release.lead}</p>[/#if]
            <p><a class="read-more" href="${detailLink(content, release)}">${i18n['common.readMore']}<span class="visually-hidden"> : ${release.title!release["@name"]}</span></a></p>
          </li>
        [#if release?is_last]</ul>[/#if]
      [/#list]
    [#else]
      <p>${i18n['press.none']}</p>
    [/#if]
  </section>
  [#-- Press kit: the PDF files of the DAM folder named by the page (pressKitFolder, default /presse), if any. --]
  [#assign kitFolder = cmsfn.contentByPath(content.pressKitFolder!"/presse", "dam")!""]
  [#assign kit = []]
  [#if kitFolder?is_hash]
    [#list cmsfn.children(kitFolder, "mgnl:asset")![] as file]
      [#assign asset = damfn.getAsset(file["@id"])!""]
      [#if asset?has_content && (asset.mimeType!"") == "application/pdf"][#assign kit = kit + [asset]][/#if]
    [/#list]
  [/#if]
  [#if kit?has_content]
    <section class="container press-kit" aria-labelledby="press-kit-title">
      <h2 id="press-kit-title">${i18n['press.kit']}</h2>
      <p>${i18n['press.kitIntro']}</p>
      <ul>
        [#list kit as asset]
          <li><a href="${asset.link}" type="application/pdf" download>${asset.title!asset.fileName} <span class="meta">(${i18n['press.pdf']})</span></a></li>
        [/#list]
      </ul>
    </section>
  [/#if]
  <section class="container press-contact" aria-labelledby="press-contact-title">
    <h2 id="press-contact-title">${i18n['press.contact']}</h2>
    [#-- The organisation's generic press address only (the agency's), never a person's details. --]
    <p>${i18n['press.contactText']} <a href="mailto:${i18n['footer.pressEmail']}">${i18n['footer.pressEmail']}</a></p>
  </section>
  [#if feedBase??]
    <section class="container press-feeds" aria-labelledby="press-feeds-title">
      <h2 id="press-feeds-title">${i18n['press.feeds']}</h2>
      <ul>
        <li><a href="${feedBase}.rss" type="application/rss+xml">${i18n['press.feedRss']}</a></li>
        <li><a href="${feedBase}.atom" type="application/atom+xml">${i18n['press.feedAtom']}</a></li>
      </ul>
    </section>
  [/#if]
  [@cms.area name="main" /]
[/#if]
</main>
[#include "/usines-ouvertes/templates/includes/footer.ftl"]
</body>
</html>
