[#-- A short page for refusals: invalid link, expired form, too many attempts. --]
[#include "/events/templates/registration/layout.ftl"]
[#include "/events/templates/company/fields.ftl"]
[@page title=message]
  <h1>${message}</h1>
  [#if login?has_content]<p><a href="/admin/login">${m["verify.login"]}</a></p>[#else]<p><a href="${prefix}/">${m["home"]}</a></p>[/#if]
[/@page]
