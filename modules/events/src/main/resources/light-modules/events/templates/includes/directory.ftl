[#-- Pieces of the directory of open factories, shared by the directory page (/usines), the regional
     pages and the schools page. `dir` is a view from directoryfn; `here` is the page's own URL, to which
     the view's query strings (?region=...) are appended, so every filter works as a plain link. --]

[#-- The error message of a field, next to it (French first), with the candidates of an ambiguous commune. --]
[#macro fieldError dir field]
  [#if dir.error?? && dir.error.field == field]
    <div id="dir-${field}-error" class="field-error">
      <p>${i18n['directory.error.' + dir.error.code]}</p>
      [#if dir.error.candidates?has_content]
        <ul class="candidates">
          [#list dir.error.candidates as candidate]<li><a href="${here}${candidate.href}">${candidate.label}</a></li>[/#list]
        </ul>
      [/#if]
    </div>
  [/#if]
[/#macro]

[#macro invalid dir field][#if dir.error?? && dir.error.field == field] aria-invalid="true" aria-describedby="dir-${field}-error"[/#if][/#macro]

[#-- Text, place and radius; `withText` false on the schools page. --]
[#macro placeFields dir withText=true]
  [#if withText]
  <div class="field field-text">
    <label for="dir-q">${i18n['directory.q']}</label>
    <input id="dir-q" type="search" name="q" value="${dir.text}" maxlength="200"[@invalid dir "q"/]>
    [@fieldError dir "q"/]
  </div>
  [/#if]
  <div class="field">
    <label for="dir-near">${i18n['directory.near']}</label>
    <input id="dir-near" type="text" name="near" value="${dir.near}" maxlength="100" autocomplete="postal-code"[@invalid dir "near"/]>
    [@fieldError dir "near"/]
  </div>
  <div class="field field-short">
    <label for="dir-km">${i18n['directory.km']}</label>
    <input id="dir-km" type="number" name="km" value="${dir.km}" min="1" max="2000" step="1" inputmode="numeric"[@invalid dir "km"/]>
    [@fieldError dir "km"/]
  </div>
[/#macro]

[#-- Facet groups as fieldsets of checkboxes (radio buttons for places left), each value with its count. --]
[#macro facets dir]
  [#list dir.facets as group]
    <fieldset class="facet">
      <legend>${i18n['directory.facet.' + group.dimension]}</legend>
      [#if group.dimension == "placesLeft"]
        <div class="choice"><input type="radio" id="f-placesLeft-all" name="placesLeft" value=""[#if !group.values?filter(v -> v.selected)?has_content] checked[/#if]>
          <label for="f-placesLeft-all">${i18n['directory.placesLeft.all']}</label></div>
      [/#if]
      [#list group.values as value]
        <div class="choice">
          <input type="${(group.dimension == 'placesLeft')?then('radio', 'checkbox')}" id="f-${group.dimension}-${value?index}" name="${group.dimension}" value="${value.value}"[#if value.selected] checked[/#if]>
          <label for="f-${group.dimension}-${value?index}">${value.label} <span class="count">(${value.count?c})</span></label>
        </div>
      [/#list]
    </fieldset>
  [/#list]
[/#macro]

[#-- The filters in force, each a link that removes it. --]
[#macro chips dir]
  [#if dir.chips?has_content]
    <div class="chips">
      <h2 class="chips-title" id="chips-title">${i18n['directory.chips']}</h2>
      <ul aria-labelledby="chips-title">
        [#list dir.chips as chip]
          <li><a class="chip" href="${here}${chip.href}">${chip.label}<span class="visually-hidden"> – ${i18n['directory.chip.remove']}</span><span aria-hidden="true"> ×</span></a></li>
        [/#list]
        <li><a class="chip chip-clear" href="${here}">${i18n['directory.chips.clear']}</a></li>
      </ul>
    </div>
  [/#if]
[/#macro]

[#-- Result cards: company and site, commune, days, places left, next slots, link to the site page. --]
[#macro results dir headingLevel=3]
  [#if dir.results?has_content]
    <ul class="card-list results">
      [#list dir.results as r]
        <li class="card result">
          <h${headingLevel} class="card-title"><a href="${base}${r.url}">[#if r.company?has_content]${r.company} – [/#if]${r.name}</a></h${headingLevel}>
          <p class="meta">${r.commune}[#if r.department?has_content] (${r.department})[/#if][#if r.region?has_content] · ${r.region}[/#if][#if r.distanceKm??] · <strong>${i18n.get('directory.distance', r.distanceKm?string("0.#"))}</strong>[/#if]</p>
          [#if r.sector?has_content]<p class="meta">${r.sector}</p>[/#if]
          [#if r.days?has_content]<p>${i18n['directory.days']} : ${r.days?join(", ")}</p>[/#if]
          <p class="places">[#if r.placesLeft > 0]${i18n.get('directory.placesLeft', r.placesLeft)}[#else]<strong>${i18n['directory.full']}</strong>[/#if]</p>
          [#if r.nextSlots?has_content]
            <p class="next-slots-title">${i18n['directory.nextSlots']}</p>
            <ul class="next-slots">
              [#list r.nextSlots as slot]
                <li>${slot.day}, ${slot.time} – [#if slot.isFull]${i18n['directory.full']}[#else]${i18n.get('directory.placesLeft', slot.placesLeft)}[/#if]</li>
              [/#list]
            </ul>
          [/#if]
        </li>
      [/#list]
    </ul>
  [#else]
    <p class="no-result">${i18n['directory.none']}</p>
  [/#if]
[/#macro]

[#-- Accessible pagination: a labelled nav, the current page marked with aria-current. --]
[#macro pagination dir]
  [#if dir.pages.count > 1]
    <nav class="pagination" aria-label="${i18n['directory.pages']}">
      <ul>
        [#if dir.pages.previous??]<li><a href="${here}${dir.pages.previous}" rel="prev">${i18n['directory.previous']}</a></li>[/#if]
        [#list dir.pages.items as item]
          [#if item.gap??]<li class="gap" aria-hidden="true">…</li>
          [#else]<li><a href="${here}${item.href}"[#if item.current] aria-current="page"[/#if]><span class="visually-hidden">${i18n['directory.page']} </span>${item.number?c}</a></li>[/#if]
        [/#list]
        [#if dir.pages.next??]<li><a href="${here}${dir.pages.next}" rel="next">${i18n['directory.next']}</a></li>[/#if]
      </ul>
    </nav>
  [/#if]
[/#macro]

[#-- Map of France by region (inline SVG, no tile server): each region a link filtering the list; the same
     counts follow as a list, for screen readers and keyboards, overseas regions included. --]
[#macro franceMap dir]
  <section class="france-map" aria-labelledby="map-title">
    <h2 id="map-title">${i18n['directory.map.title']}</h2>
    <div class="map-layout">
      <svg class="map" viewBox="${dir.map.viewBox}" role="group" aria-labelledby="map-svg-title map-svg-desc" focusable="false">
        <title id="map-svg-title">${i18n['directory.map.title']}</title>
        <desc id="map-svg-desc">${i18n['directory.map.desc']}</desc>
        [#list dir.map.regions as region]
          <a href="${here}${region.href}" aria-label="${region.name} : ${i18n.get('directory.map.count', region.count)}"><path class="region level-${region.level}[#if region.selected] selected[/#if]" d="${region.path}"/></a>
        [/#list]
      </svg>
      <ul class="region-counts">
        [#list dir.map.all as region]
          <li><a href="${here}${region.href}"[#if region.selected] aria-current="true"[/#if]>${region.name}</a> <span class="count">${i18n.get('directory.map.count', region.count)}</span></li>
        [/#list]
      </ul>
    </div>
  </section>
[/#macro]
