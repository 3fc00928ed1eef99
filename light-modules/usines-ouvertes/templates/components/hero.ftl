[#-- Hero banner: kicker, title, subtitle, rich text, optional image (with its caption and credit) and call to action. --]
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
      [#-- the image's alternative text from the media library (none: decorative); caption and credit under it --]
      [#assign image = (damfn.getAsset(content.image))!""]
      [#if image?has_content && image.link?has_content]
        [#if image.caption?? || image.credit??]
          <figure class="hero-figure">
            <img class="hero-image" src="${image.link}" alt="${image.alt!""}">
            <figcaption>[#if image.caption??]${image.caption}[/#if][#if image.credit??] <span class="credit">${image.credit}</span>[/#if]</figcaption>
          </figure>
        [#else]
          <img class="hero-image" src="${image.link}" alt="${image.alt!""}">
        [/#if]
      [/#if]
    [/#if]
  </div>
</section>
