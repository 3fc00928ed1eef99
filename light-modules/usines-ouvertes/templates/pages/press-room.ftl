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
      <ul class="card-list">
        [#list releases as release]
          <li class="card">
            <p class="meta">[#if release.date??][@date release.date /][/#if][#if release.place?has_content] <span class="meta-place">${release.place}</span>[/#if]</p>
            <h3 class="card-title"><a href="${detailLink(content, release)}">${release.title!release["@name"]}</a></h3>
            [#if release.lead?has_content]<p>${release.lead}</p>[/#if]
            <p><a class="read-more" href="${detailLink(content, release)}">${i18n['common.readMore']}<span class="visually-hidden"> : ${release.title!release["@name"]}</span></a></p>
          </li>
        [/#list]
      </ul>
    [#else]
      <p>${i18n['press.none']}</p>
    [/#if]
  </section>
  [@cms.area name="main" /]
[/#if]
</main>
[#include "/usines-ouvertes/templates/includes/footer.ftl"]
</body>
</html>
