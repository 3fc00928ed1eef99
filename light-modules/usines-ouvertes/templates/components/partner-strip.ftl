[#-- A strip of partner logos (or names when there is no logo), optionally limited to some roles. --]
[#include "/usines-ouvertes/templates/includes/macros.ftl"]
[#assign roles = asList(content.roles!)]
[#assign partners = byOrder(workspaceItems("partners"))?filter(p -> !roles?has_content || roles?seq_contains(p.role!""))]
[#assign partnersPage = ""]
[#if content.partnersPage?has_content][#assign partnersPage = (cmsfn.contentById(content.partnersPage, "website"))!""][/#if]
[#if partners?has_content]
<section class="partner-strip">
  <div class="container">
    [#if content.title?has_content]<h2>${content.title}</h2>[/#if]
    <ul class="logo-list">
      [#list partners as partner]
        [#assign logoLink = ""]
        [#if partner.logo?has_content][#assign logoLink = (damfn.getAssetLink(partner.logo))!""][/#if]
        <li class="logo-item">[#if logoLink?has_content]<img src="${logoLink}" alt="${partner.name!partner["@name"]}">[#else]<span>${partner.name!partner["@name"]}</span>[/#if]</li>
      [/#list]
    </ul>
    [#if partnersPage?is_hash]<p><a class="read-more" href="${cmsfn.link(partnersPage)}">${i18n['partners.all']}</a></p>[/#if]
  </div>
</section>
[/#if]
