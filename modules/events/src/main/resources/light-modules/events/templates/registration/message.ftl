[#-- A short page for refusals: unknown slot or link, expired form, too many submissions. --]
[#include "/events/templates/registration/layout.ftl"]
[@page title=msg[messageKey]]
  <h1>${msg[messageKey]}</h1>
  [#if detail?? && detail?has_content]<p>${detail}</p>[/#if]
  <p><a href="${homeUrl}">${msg["message.home"]}</a></p>
[/@page]
