[#-- Frame of the registration pages: the site's own head, header (skip link, navigation, search, FR/EN switch)
     and footer, as on every page of the site; the platform renders these scripts for the module's URLs
     (ModulePages), with the site's home page as content. Included, not imported, so that the site's
     variables (lang, homeUrl, ...) are the page's. Registration pages are never indexed. --]
[#macro page title]
[#include "/usines-ouvertes/templates/includes/init.ftl"]
[#assign pageTitle = title]
[#assign description = ""]
[#assign robots = "noindex"]
[#include "/usines-ouvertes/templates/includes/head.ftl"]
<body class="page-registration">
[#include "/usines-ouvertes/templates/includes/header.ftl"]
<main id="contenu" class="site-main registration">
  <div class="container">
  [#nested]
  </div>
</main>
[#include "/usines-ouvertes/templates/includes/footer.ftl"]
</body>
</html>
[/#macro]

[#macro visit slot]
  <p class="visit"><strong>${slot.company}</strong> – ${slot.site}<br>
    ${slot.day}, ${slot.start} – ${slot.end}[#if slot.address?has_content]<br>${slot.address}[/#if]</p>
[/#macro]
