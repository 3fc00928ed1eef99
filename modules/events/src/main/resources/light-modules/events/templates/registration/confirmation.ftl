[#-- After a successful registration: confirmed, or on the waiting list at a position. --]
[#include "/events/templates/registration/layout.ftl"]
[@page title=msg[waitlisted?then("confirmation.waitlisted", "confirmation.confirmed")]]
  <h1 role="status">${msg[waitlisted?then("confirmation.waitlisted", "confirmation.confirmed")]}</h1>
  [@visit slot=slot /]
  [#if waitlisted]<p>${msg["confirmation.position"]?replace("{0}", position?c)}</p>[/#if]
  <p>${msg[waitlisted?then("confirmation.mailWaiting", "confirmation.mail")]?replace("{0}", email)}</p>
  <p><a href="${manageLink}">${msg["confirmation.manage"]}</a></p>
[/@page]
