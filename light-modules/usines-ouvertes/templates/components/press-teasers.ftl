[#-- The latest press releases, linked to their page in the press room chosen in the dialog. --]
[#include "/usines-ouvertes/templates/includes/macros.ftl"]
[#assign maxItems = content.maxItems!3]
[#if maxItems?is_string][#assign maxItems = maxItems?number][/#if]
[#assign releases = pressReleasesByDate()]
[#assign pressRoom = ""]
[#if content.pressRoomPage?has_content][#assign pressRoom = (cmsfn.contentById(content.pressRoomPage, "website"))!""][/#if]
[#if releases?has_content]
<section class="press-teasers">
  <div class="container">
    [#if content.title?has_content]<h2>${content.title}</h2>[/#if]
    <ul class="card-list">
      [#list releases as release]
        [#if release?index gte maxItems][#break][/#if]
        <li class="card">
          <p class="meta">[#if release.date??][@date release.date /][/#if]</p>
          <h3 class="card-title">[#if pressRoom?is_hash]<a href="${detailLink(pressRoom, release)}">${release.title!release["@name"]}</a>[#else]${release.title!release["@name"]}[/#if]</h3>
          [#if release.lead?has_content]<p>${release.lead}</p>[/#if]
        </li>
      [/#list]
    </ul>
    [#if pressRoom?is_hash]<p><a class="read-more" href="${cmsfn.link(pressRoom)}">${i18n['press.all']}</a></p>[/#if]
  </div>
</section>
[/#if]
