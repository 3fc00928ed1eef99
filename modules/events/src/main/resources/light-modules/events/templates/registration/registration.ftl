[#-- A registrant's own registration, reached by the signed link of the e-mail, with its change form (head count,
     another slot of the same visit) and its cancel button. --]
[#include "/events/templates/registration/layout.ftl"]
[#macro changeField name label]
  [#assign error = fieldErrors[name]!""]
  <p class="field[#if error?has_content] field--error[/#if]">
    <label for="f-${name}">${label}</label>
    <input id="f-${name}" name="${name}" type="number" min="1" step="1" inputmode="numeric" value="${values[name]!""}" required[#if error?has_content] aria-invalid="true" aria-describedby="e-${name}"[/#if]>
    [#if error?has_content]<span class="field__error" id="e-${name}">${error}</span>[/#if]
  </p>
[/#macro]
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
  [#if ticketUrl??]
    <section class="registration-ticket" aria-labelledby="ticket-title">
      <h2 id="ticket-title">${msg["manage.ticket.title"]}</h2>
      <p>${msg["manage.ticket.intro"]}</p>
      <p><img src="${ticketQr}" width="200" height="200" alt="${msg["manage.ticket.alt"]}"></p>
      <p><a href="${ticketUrl}">${msg["manage.ticket.open"]}</a></p>
    </section>
  [/#if]
  [#if changeErrors?has_content]
    <div class="form-errors" role="alert" tabindex="-1">
      <h2>${msg["manage.change.refused"]}</h2>
      <ul>[#list changeErrors as error]<li>${error}</li>[/#list]</ul>
    </div>
  [/#if]
  [#if changeable]
    <section class="registration-change" aria-labelledby="change-title">
      <h2 id="change-title">${msg["manage.change.title"]}</h2>
      <p>${msg["manage.change.intro"]}</p>
      [#if fieldErrors?has_content]
        <div class="form-errors" role="alert" tabindex="-1">
          <h3>${msg["manage.change.refused"]}</h3>
          <ul>
            [#list fieldErrors as field, error]
              <li><a href="#f-${field}">${msg["field." + (kind == "school" && field == "persons")?then("pupils", field)]!msg["manage.change.slot"]}</a> : ${error}</li>
            [/#list]
          </ul>
        </div>
      [/#if]
      <form method="post" action="${changeAction}" novalidate>
        <input type="hidden" name="csrf" value="${changeCsrf}">
        [#assign slotError = fieldErrors["slot"]!""]
        [#if options?size > 1]
          <p class="field[#if slotError?has_content] field--error[/#if]">
            <label for="f-slot">${msg["manage.change.slot"]}</label>
            <select id="f-slot" name="slot"[#if slotError?has_content] aria-invalid="true" aria-describedby="e-slot"[/#if]>
              [#list options as option]
                <option value="${option.id}"[#if (values["slot"]!"") == option.id] selected[/#if]>${option.day}, ${option.start} – ${option.end} (${option.current?then(msg["manage.change.current"] + ", ", "")}${msg["manage.change.placesLeft"]?replace("{0}", option.placesLeft?c)})</option>
              [/#list]
            </select>
            [#if slotError?has_content]<span class="field__error" id="e-slot">${slotError}</span>[/#if]
          </p>
        [#else]
          <input type="hidden" name="slot" value="${slot.id}">
          [#if slotError?has_content]<p class="field field--error"><span class="field__error" id="e-slot">${slotError}</span></p>[/#if]
        [/#if]
        [@changeField name="persons" label=msg[(kind == "school")?then("field.pupils", "field.persons")] + " (max. " + slot.maxPersons + ")" /]
        [#if kind == "school"][@changeField name="accompanyingAdults" label=msg["field.accompanyingAdults"] /][/#if]
        <p><button type="submit">${msg["manage.change.submit"]}</button></p>
      </form>
    </section>
  [/#if]
  [#if status != "cancelled"]
    <form method="post" action="${action}">
      <input type="hidden" name="csrf" value="${csrf}">
      <p><button type="submit">${msg["manage.cancel"]}</button></p>
    </form>
  [/#if]
[/@page]
