[#-- Skip link, brand, main navigation (pages below home not hidden in navigation), FR/EN switch. --]
<a class="skip-link" href="#contenu">${i18n['nav.skip']}</a>
<header class="site-header">
  <div class="container header-inner">
    <a class="brand" href="${homeUrl}">
      <img src="${base}/.resources/usines-ouvertes/webresources/img/logo.svg" alt="" width="44" height="44">
      <span class="brand-name">${i18n['site.name']}</span>
    </a>
    <nav class="main-nav" aria-label="${i18n['nav.label']}">
      <ul>
        [#list (navfn.navItems(homePage))![] as navItem]
          [#if !(navItem.hideInNav!false)]
            [#assign current = (content["@path"] + "/")?starts_with(navItem["@path"] + "/")]
            <li><a href="${cmsfn.link(navItem)}"[#if current] aria-current="page"[/#if]>${navItem.navigationTitle!navItem.title!navItem["@name"]}</a></li>
          [/#if]
        [/#list]
      </ul>
    </nav>
    <form class="site-search" role="search" method="get" action="${base}${(lang == "en")?then("/en", "")}/recherche">
      <label for="site-search-q" class="visually-hidden">${i18n['search.label']}</label>
      <input id="site-search-q" name="q" type="search" maxlength="200">
      <button type="submit">${i18n['search.submit']}</button>
    </form>
    <nav class="lang-switch" aria-label="${i18n['lang.label']}">
      <ul>
        <li><a href="${frUrl}" lang="fr" hreflang="fr"[#if lang == "fr"] aria-current="true"[/#if]><abbr title="Français">FR</abbr></a></li>
        <li><a href="${enUrl}" lang="en" hreflang="en"[#if lang == "en"] aria-current="true"[/#if]><abbr title="English">EN</abbr></a></li>
      </ul>
    </nav>
  </div>
</header>
