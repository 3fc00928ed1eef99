[#-- A school's proposal (the e-mailed link): the proposed slots, each opening the school form pre-filled; or declining. --]
[#include "/events/templates/registration/layout.ftl"]
[@page title=msg["proposal.title"]]
  <h1>${msg["proposal.title"]}</h1>
  <p>${msg["proposal.for"]} <strong>${school}</strong> (${commune})</p>
  [#if declining]
    <p>${msg["proposal.declineQuestion"]}</p>
    <form method="post" action="${declineAction}">
      <input type="hidden" name="csrf" value="${csrf}">
      <button type="submit">${msg["proposal.decline"]}</button>
    </form>
  [#elseif slots?has_content]
    <p>${msg["proposal.intro"]}</p>
    <ul class="proposal-slots">
      [#list slots as slot]
        <li>[@visit slot=slot.view /]<a href="${slot.form}">${msg["proposal.register"]}</a></li>
      [/#list]
    </ul>
    <p><a href="${declineLink}">${msg["proposal.declineLink"]}</a></p>
  [#else]
    <p>${msg["proposal.noSlot"]}</p>
  [/#if]
[/@page]
