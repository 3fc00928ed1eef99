[#-- Key figures: value + label pairs stored as the child items of "figures". --]
<section class="key-figures">
  <div class="container">
    [#if content.title?has_content]<h2>${content.title}</h2>[/#if]
    [#if content.figures?? && content.figures?is_hash]
      <ul class="figures">
        [#list cmsfn.children(content.figures, "mgnl:contentNode") as figure]
          <li class="figure"><span class="figure-value">${figure.value!""}</span> <span class="figure-label">${figure.label!""}</span></li>
        [/#list]
      </ul>
    [/#if]
    [#if content.note?has_content]<p class="note">${content.note}</p>[/#if]
  </div>
</section>
