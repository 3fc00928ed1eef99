[#-- A registrant's own registration, reached by the signed link of the e-mail, with its cancel button. --]
[#include "/events/templates/registration/layout.ftl"]
[@page title=msg["manage.title"]]
  <h1>${msg["manage.title"]}</h1>
  [#if notice?has_content]<p role="status" class="notice">${notice}</p>[/#if]
  [#if cancellationReason?has_content]
    <div class="notice notice--warning" role="status">
      <p><strong>${msg["manage.visitCancelled"]}</strong></p>
      <p>${msg["manage.reason"]} : ${cancellationReason}</p>
    </div>
  [/#if]
  [@visit slot=slot /]
  <dl>
    <dt>${msg["manage.status"]}</dt><dd>${msg["status." + status]}[#if status == "waitlisted"] (${msg["confirmation.position"]?replace("{0}", position?c)})[/#if]</dd>
    <dt>${msg["manage.contact"]}</dt><dd>${contactName} – ${email}</dd>
    <dt>${msg["manage.persons"]}</dt><dd>${persons}</dd>
  </dl>
  [#if status != "cancelled"]
    <form method="post" action="${action}">
      <input type="hidden" name="csrf" value="${csrf}">
      <p><button type="submit">${msg["manage.cancel"]}</button></p>
    </form>
  [/#if]
[/@page]
