[#include "/events/templates/registration/layout.ftl"]
[#include "/events/templates/company/fields.ftl"]
[@page title=m["signup.sent.title"]]
  <h1>${m["signup.sent.title"]}</h1>
  <p>${m["signup.sent.text"]?replace("{0}", email)}</p>
[/@page]
