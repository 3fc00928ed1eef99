[#-- Frame of the registration pages: the site's own head, header (skip link, navigation, search, FR/EN switch)
     and footer, as on every page of the site; the platform renders these scripts for the module's URLs
     (ModulePages), with the site's home page as content. Included, not imported, so that the site's
     variables (lang, homeUrl, ...) are the page's. Registration pages are never indexed. --]
[#macro page title]
[#-- the site's page frame (its definition's parameter "frame"), else the module's own --]
[#assign frame = (sitefn.site().parameters.frame)!"/events/templates/frame/"]
[#include frame + "init.ftl"]
[#assign pageTitle = title]
[#assign description = ""]
[#assign robots = "noindex"]
[#include frame + "head.ftl"]
<body class="page-registration">
[#include frame + "header.ftl"]
<main id="contenu" class="site-main registration">
  <div class="container">
  [#nested]
  </div>
</main>
[#include frame + "footer.ftl"]
</body>
</html>
[/#macro]

[#macro visit slot]
  <p class="visit"><strong>${slot.company}</strong> – ${slot.site}<br>
    ${slot.day}, ${slot.start} – ${slot.end}[#if slot.address?has_content]<br>${slot.address}[/#if]</p>
[/#macro]
