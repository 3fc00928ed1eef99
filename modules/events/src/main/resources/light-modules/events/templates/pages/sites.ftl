[#-- Participating sites: without an item, the directory (search, facets, map, results); with an item (a site), its public page:
     company, address, practical information, slots per day with places left and registration links,
     and schema.org Event JSON-LD. A site without a published sheet answers the site's 404; a sheet cancelled after
     its publication keeps its page, which says the visit is cancelled (neutral text: the company's reason goes to the
     registrants only), takes no registration and points to other factories nearby. --]
[#-- the site's page frame (its definition's parameter "frame"), else the module's own --]
[#assign frame = (sitefn.site().parameters.frame)!"/events/templates/frame/"]
[#include frame + "init.ftl"]
[#if item??]
  [#assign sheet = eventsfn.requirePublishedSheet(item)]
  [#assign site = eventsfn.site(item["@name"])]
  [#assign pageTitle = site.companyName?has_content?then(site.companyName + " – " + site.name, site.name)]
  [#assign description = site.sector!""]
[/#if]
[#include frame + "head.ftl"]
<body class="page-sites">
[#include frame + "header.ftl"]
<main id="contenu" class="site-main">
[#if item??]
  <script type="application/ld+json">${eventsfn.jsonLd(site, lang)?no_esc}</script>
  <article class="container site-page">
    <p class="kicker">${site.companyName!""}</p>
    <h1 class="page-title">${site.name}[#if sheet.cancelled] – ${i18n['events.cancelled.title']}[/#if]</h1>
    [#if sheet.cancelled]
      <div class="notice notice--warning visit-cancelled" role="status">
        <p><strong>${i18n['events.cancelled.title']}</strong></p>
        <p>${i18n['events.cancelled.text']}</p>
      </div>
    [/#if]
    [#assign street = (site.address!"")?trim town = ((site.postalCode!"") + " " + (site.commune!""))?trim]
    <p class="site-address">${street}[#if street?has_content && town?has_content], [/#if]${town}
      [#if site.department?has_content] (${site.department})[/#if][#if site.region?has_content] · ${site.region}[/#if]</p>
    [#if site.sector?has_content]<p class="site-sector">${i18n['events.site.sector']} : ${site.sector}</p>[/#if]
    [#if site.description?has_content]<div class="rich-text">${cmsfn.decode(site.description)}</div>[/#if]
    [#if sheet.description?has_content]<div class="rich-text">${cmsfn.decode(sheet.description)}</div>[/#if]
    [#if site.companyDescription?has_content || site.companyWebsite?has_content]
      <section aria-labelledby="company-title" class="company">
        <h2 id="company-title">${site.companyName!i18n['events.company.title']}</h2>
        [#if site.companyDescription?has_content]<div class="rich-text">${cmsfn.decode(site.companyDescription)}</div>[/#if]
        [#if site.companyWebsite?has_content && (site.companyWebsite?starts_with("https://") || site.companyWebsite?starts_with("http://"))]
          <p><a href="${site.companyWebsite}" rel="noopener">${i18n['events.company.website']}</a></p>
        [/#if]
      </section>
    [/#if]
    [#if site.images?has_content]
      <ul class="site-images">
        [#list site.images as image][#assign asset = (damfn.getAsset(image))!""]
          [#-- the alternative text from the media library; with a caption shown, the image needs no other --]
          [#if asset?has_content && (asset.caption?? || asset.credit??)]
            <li><figure><img src="${asset.link!""}" alt="${asset.alt!""}" loading="lazy"><figcaption>[#if asset.caption??]${asset.caption}[/#if][#if asset.credit??] <span class="credit">${asset.credit}</span>[/#if]</figcaption></figure></li>
          [#elseif asset?has_content]<li><img src="${asset.link!""}" alt="${asset.alt!asset.title!""}" loading="lazy"></li>[/#if]
        [/#list]
      </ul>
    [/#if]
    [#assign photos = eventsfn.photos(site)]
    [#if photos?has_content]
      <ul class="site-images">
        [#list photos as photo]<li><img src="${photo.url}" alt="${photo.alt}" loading="lazy"></li>[/#list]
      </ul>
    [/#if]
    <section aria-labelledby="practical-title" class="practical">
      <h2 id="practical-title">${i18n['events.practical.title']}</h2>
      <dl>
        [#if sheet.meetingPoint?has_content]<dt>${i18n['events.practical.meetingPoint']}</dt><dd>${sheet.meetingPoint}</dd>[/#if]
        [#if sheet.access?has_content]<dt>${i18n['events.practical.access']}</dt><dd>${sheet.access}</dd>[/#if]
        [#if sheet.parking?has_content]<dt>${i18n['events.practical.parking']}</dt><dd>${sheet.parking}</dd>[/#if]
        [#if sheet.safetyEquipment?has_content]<dt>${i18n['events.practical.safetyEquipment']}</dt><dd>${sheet.safetyEquipment}</dd>[/#if]
        [#if sheet.minimumAge??]<dt>${i18n['events.practical.minimumAge']}</dt><dd>${i18n.get('events.practical.years', sheet.minimumAge?c)}</dd>[/#if]
        [#if sheet.reducedMobilityAccess??]<dt>${i18n['events.practical.reducedMobility']}</dt><dd>${sheet.reducedMobilityAccess?then(i18n['events.yes'], i18n['events.no'])}</dd>[/#if]
        [#if sheet.languages?has_content]<dt>${i18n['events.practical.languages']}</dt><dd>[#list sheet.languages as l]${i18n['events.language.' + l]!l}[#sep], [/#list]</dd>[/#if]
      </dl>
    </section>
    <section aria-labelledby="slots-title" class="slots">
      <h2 id="slots-title">${i18n['events.slots.title']}</h2>
      [#list eventsfn.slotsByDay(sheet, lang) as day]
        <h3>${day.dayLabel}</h3>
        <ul class="slot-list">
        [#list day.slots as slot]
          <li class="slot[#if slot.isFull] slot-full[/#if][#if slot.cancelled || sheet.cancelled] slot-cancelled[/#if]" id="slot-${slot.id}">
            <p class="slot-time">${slot.startLabel} – ${slot.endLabel}</p>
            [#if slot.cancelled || sheet.cancelled]
            <p class="slot-places"><strong>${i18n['events.slot.cancelled']}</strong> · ${i18n['events.slot.cancelledHint']}</p>
            [#else]
            <p class="slot-places">[#if slot.isFull]<strong>${i18n['events.slot.full']}</strong> · ${i18n['events.slot.waitingList']}[#else]${i18n.get('events.slot.placesLeft', slot.placesLeft, slot.capacity)}[/#if]</p>
            [#if sheet.registrationMode == "external" && sheet.externalUrl?has_content]
              <p><a class="button" href="${sheet.externalUrl}" rel="noopener">${i18n['events.register.external']}</a></p>
            [#elseif sheet.registrationMode == "contact" && sheet.contactEmail?has_content]
              <p><a class="button" href="mailto:${sheet.contactEmail}">${i18n['events.register.contact']}</a></p>
            [#else]
              [#-- each audience's state before any form: the button, or why not now (opens on…, closed, over) --]
              [#assign states = eventsfn.registrationStates(site, sheet, slot, lang)]
              <p class="slot-register">
              [#list ["public", "school", "franceTravail"] as audience]
                [#list states?filter(x -> x.audience == audience) as state]
                  [#if state.open]
                    <a class="button" href="${base}${eventsfn.registrationUrl(slot, audience, lang)}">${i18n[slot.isFull?then('events.register.waiting.', 'events.register.') + audience]}</a>
                  [#else]
                    <span class="slot-state">${i18n['events.register.' + audience]} – ${state.message}</span>
                  [/#if]
                [/#list]
              [/#list]
              </p>
            [/#if]
            <p class="slot-ics"><a href="${base}${eventsfn.icsUrl(slot, lang)}">${i18n['events.slot.calendar']}</a></p>
            [/#if]
          </li>
        [/#list]
        </ul>
      [#else]
        <p>${i18n['events.slots.none']}</p>
      [/#list]
    </section>
    [#if sheet.cancelled || eventsfn.slots(sheet, lang)?filter(x -> x.cancelled)?has_content]
      <section aria-labelledby="nearby-title" class="nearby">
        <h2 id="nearby-title">${i18n['events.nearby.title']}</h2>
        [#assign nearby = eventsfn.nearbySlots(site, lang)]
        [#if nearby?has_content]
          <ul>
          [#list nearby as other]
            <li><a href="${base}${other.url}">${other.companyName} – ${other.siteName}</a>, ${other.commune} (${other.km?c} km)${(lang == "en")?then(": ", " : ")}${other.dayLabel}, ${other.startLabel} – ${other.endLabel}</li>
          [/#list]
          </ul>
        [/#if]
        <p><a href="${base}${(lang == "en")?then("/en", "")}/usines">${i18n['events.nearby.directory']}</a></p>
      </section>
    [/#if]
  </article>
[#else]
  [#-- The directory: search form with facets (works without JavaScript), filters in force, map by region,
       results with places left and next slots, pagination. --]
  [#include "/events/templates/includes/directory.ftl"]
  [#assign here = (lang == "en")?then(enUrl, frUrl)]
  <div class="container"><h1 class="page-title">${content.title!content["@name"]}</h1></div>
  [@cms.area name="main" /]
  [#-- the view is cached per search; a refused parameter answers 400, with the message next to its field --]
  [#assign dir = directoryfn.search(ctx, lang)]
  [#if dir.error??]${ctx.response.setStatus(400)}[/#if]
  [#-- rendered once per search, language, page URL, index version and minute (see FragmentCache) --]
  [@directoryfn.fragment key=directoryfn.searchKey(ctx, lang) + here]
  <div class="container directory">
    <form class="directory-form" method="get" action="${here}" role="search" aria-label="${i18n['directory.search']}">
      <div class="search-fields">
        [@placeFields dir /]
        <p class="search-submit"><button type="submit" class="button">${i18n['directory.submit']}</button></p>
      </div>
      [#if dir.error?? && !["q", "near", "km"]?seq_contains(dir.error.field)]
        <p class="field-error" role="alert">${i18n['directory.error.' + dir.error.code]} (${dir.error.field})</p>
      [/#if]
      <div class="directory-layout">
        [#-- folded (one line above the results) on phones; directory-filters.js opens it on wide screens,
             where directory.css puts it in the left column; without JavaScript it opens with a click --]
        <details class="facets" id="directory-filters">
          <summary><h2 class="facets-title">${i18n['directory.filters']}</h2></summary>
          [@facets dir /]
          <p><button type="submit" class="button">${i18n['directory.apply']}</button></p>
        </details>
        <div class="directory-results">
          [@chips dir /]
          <h2 id="results-title">${i18n['directory.results']}</h2>
          <p class="result-count" role="status">${i18n.get('directory.total', dir.total)}[#if dir.near?has_content && !dir.error??] · ${i18n['directory.byDistance']}[/#if]</p>
          [@results dir 3 /]
          [@pagination dir /]
        </div>
      </div>
    </form>
    [@franceMap dir /]
  </div>
  [/@]
  <script src="${base}${resfn.cachedLink("/events/webresources/js/directory-filters.js")}" defer></script>
[/#if]
</main>
[#include frame + "footer.ftl"]
</body>
</html>
