[#-- The page of the e-mailed link: a button, so that a mail scanner opening the link does not use it up. --]
[#include "/events/templates/registration/layout.ftl"]
[#include "/events/templates/company/fields.ftl"]
[@page title=m["verify.title"]]
  <h1>${m["verify.title"]}</h1>
  <p>${m["verify.text"]}</p>
  <form method="post" action="${action}">
    <input type="hidden" name="csrf" value="${csrf}">
    <p><button type="submit">${m["verify.submit"]}</button></p>
  </form>
[/@page]
