[#include "/events/templates/registration/layout.ftl"]
[#include "/events/templates/company/fields.ftl"]
[@page title=m["verify.done.title"]]
  <h1>${m["verify.done.title"]}</h1>
  <p>${m["verify.done.text"]?replace("{0}", login)}</p>
  <p><a class="button" href="/admin/login[#if lang == "en"]?lang=en[/#if]">${m["verify.login"]}</a></p>
[/@page]
