[#-- Header of the module's own frame: skip link, home link, language switch. --]
<a class="skip-link" href="#contenu">${(lang == "en")?then("Skip to content", "Aller au contenu")}</a>
<header class="site-header">
  <a class="brand" href="${homeUrl}">${homePage.title!homePage["@name"]}</a>
  <nav class="lang-switch" aria-label="${(lang == "en")?then("Language", "Langue")}">
    <a href="${frUrl}" lang="fr" hreflang="fr"[#if lang == "fr"] aria-current="true"[/#if]>FR</a>
    <a href="${enUrl}" lang="en" hreflang="en"[#if lang == "en"] aria-current="true"[/#if]>EN</a>
  </nav>
</header>
