[#-- Hero banner: kicker, title, subtitle, rich text, optional image and call to action. --]
<section class="hero">
  <div class="container hero-inner">
    <div class="hero-body">
      [#if content.kicker?has_content]<p class="hero-kicker">${content.kicker}</p>[/#if]
      <h2 class="hero-title">${content.title!""}</h2>
      [#if content.subtitle?has_content]<p class="hero-subtitle">${content.subtitle}</p>[/#if]
      [#if content.text?has_content]<div class="rich-text">${cmsfn.decode(content).text}</div>[/#if]
      [#if content.ctaUrl?has_content]<p><a class="button button-primary" href="${content.ctaUrl}">${content.ctaLabel!i18n['common.takePart']}</a></p>[/#if]
    </div>
    [#if content.image?has_content]
      [#assign imageLink = (damfn.getAssetLink(content.image))!""]
      [#if imageLink?has_content]<img class="hero-image" src="${imageLink}" alt="">[/#if]
    [/#if]
  </div>
</section>
