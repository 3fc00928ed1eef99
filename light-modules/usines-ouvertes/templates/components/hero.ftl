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
            [@heroImage image/]
            <figcaption>[#if image.caption??]${image.caption}[/#if][#if image.credit??] <span class="credit">${image.credit}</span>[/#if]</figcaption>
          </figure>
        [#else]
          [@heroImage image/]
        [/#if]
      [/#if]
    [/#if]
  </div>
</section>
[#-- The image at the width the screen needs (renditions in srcset: two columns from 48rem), cropped to 4:3 around its
     focal point (set in the media library). --]
[#macro heroImage image]
<img class="hero-image" src="${image.srcset?has_content?then(image.rendition(800), image.link)}"[#if image.srcset?has_content] srcset="${image.srcset}" sizes="(min-width: 48rem) 40vw, 100vw"[/#if] style="object-position: ${image.focalPoint}" alt="${image.alt!""}">
[/#macro]
