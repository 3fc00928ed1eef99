[#-- Text block: optional title and rich text (sanitised on save, decoded here). --]
<section class="text-block">
  <div class="container">
    [#if content.title?has_content]<h2>${content.title}</h2>[/#if]
    [#if content.text?has_content]<div class="rich-text">${cmsfn.decode(content).text}</div>[/#if]
  </div>
</section>
