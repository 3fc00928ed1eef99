<#-- Page frame of the registration pages: the site's stylesheet, a link home, the content. -->
<#macro page title>
<!DOCTYPE html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>${title} – Journées Usines Ouvertes</title>
  <link rel="stylesheet" href="/.resources/usines-ouvertes/webresources/css/site.css">
</head>
<body>
  <header class="site-header"><div class="container header-inner"><a class="brand" href="${home}">Journées Usines Ouvertes</a></div></header>
  <main id="contenu" class="registration">
    <#nested>
  </main>
</body>
</html>
</#macro>

<#macro visit slot>
  <p class="visit"><strong>${slot.company}</strong> – ${slot.site}<br>
    ${slot.day}, ${slot.start} – ${slot.end}<#if slot.address?has_content><br>${slot.address}</#if></p>
</#macro>
