[#-- Key dates: a timeline of the child items of "dates" (a date, or a text for a period, and a label). --]
[#include "/usines-ouvertes/templates/includes/macros.ftl"]
<section class="key-dates">
  <div class="container">
    [#if content.title?has_content]<h2>${content.title}</h2>[/#if]
    [#if content.dates?? && content.dates?is_hash]
      <ol class="timeline">
        [#list cmsfn.children(content.dates, "mgnl:contentNode") as keyDate]
          <li class="timeline-item">
            <p class="timeline-date">[#if keyDate.dateText?has_content]${keyDate.dateText}[#elseif keyDate.date??][@date keyDate.date /][/#if]</p>
            <p class="timeline-label">${keyDate.label!""}</p>
          </li>
        [/#list]
      </ol>
    [/#if]
  </div>
</section>
