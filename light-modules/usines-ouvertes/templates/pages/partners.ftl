[#include "/usines-ouvertes/templates/includes/init.ftl"]
[#include "/usines-ouvertes/templates/includes/head.ftl"]
<body class="page-partners">
[#include "/usines-ouvertes/templates/includes/header.ftl"]
<main id="contenu" class="site-main">
[#-- Partners from the partners app, grouped by role in a fixed order. --]
  <div class="container"><h1 class="page-title">${content.title!content["@name"]}</h1></div>
  [@cms.area name="main" /]
  [#assign partners = byOrder(workspaceItems("partners"))]
  [#list ["organiser", "institutional", "contributing", "regional"] as role]
    [#assign group = partners?filter(p -> (p.role!"") == role)]
    [#if group?has_content]
      <section class="container partner-group" aria-labelledby="role-${role}">
        <h2 id="role-${role}">${i18n['partners.role.' + role]}</h2>
        <ul class="card-list partner-list">
          [#list group as partner]
            <li class="card partner">
              [#if partner.logo?has_content]
                [#assign logoLink = (damfn.getAssetLink(partner.logo))!""]
                [#if logoLink?has_content]<img class="partner-logo" src="${logoLink}" alt="">[/#if]
              [/#if]
              <h3 class="card-title">${partner.name!partner["@name"]}</h3>
              [#if partner.description?has_content]<p>${partner.description}</p>[/#if]
              [#if partner.website?has_content]<p><a href="${partner.website}">${i18n['partners.website']}<span class="visually-hidden"> : ${partner.name!partner["@name"]}</span></a></p>[/#if]
            </li>
          [/#list]
        </ul>
      </section>
    [/#if]
  [/#list]
</main>
[#include "/usines-ouvertes/templates/includes/footer.ftl"]
</body>
</html>
