[#-- One of the three registration forms (kind: public, school, franceTravail); works without JavaScript. --]
[#include "/events/templates/registration/layout.ftl"]
[#macro field name label type="text" required=true extra=""]
  [#assign error = fieldErrors[name]!""]
  <p class="field[#if error?has_content] field--error[/#if]">
    <label for="f-${name}">${label}[#if required] <span aria-hidden="true">*</span>[/#if]</label>
    <input id="f-${name}" name="${name}" type="${type}" value="${values[name]!""}"[#if required] required[/#if][#if type == "number"] min="1" step="1"[/#if] ${extra?no_esc}[#if error?has_content] aria-invalid="true" aria-describedby="e-${name}"[/#if]>
    [#if error?has_content]<span class="field__error" id="e-${name}">${error}</span>[/#if]
  </p>
[/#macro]
[@page title=msg["form.title." + kind]]
  <h1>${msg["form.title." + kind]}</h1>
  [@visit slot=slot /]
  [#if noticeKey?has_content]<p class="notice notice--warning" role="alert">${msg[noticeKey]}</p>[/#if]
  [#if errors?has_content]
    <div class="form-errors" role="alert" tabindex="-1">
      <h2>${msg["form.errors"]}</h2>
      <ul>
        [#list errors as error]
          <li>[#if error.field?has_content && error.field != honeypot]<a href="#f-${error.field}">${msg["field." + error.field]!error.field}</a> : [/#if]${error.message}</li>
        [/#list]
      </ul>
    </div>
  [/#if]
  <form method="post" action="${action}" novalidate>
    <input type="hidden" name="csrf" value="${csrf}">
    [#if kind == "public"]
      [@field name="name" label=msg["field.name"] /]
      [@field name="email" label=msg["field.email"] type="email" extra='autocomplete="email"' /]
      [@field name="persons" label=msg["field.persons"] + " (max. " + slot.maxPersons + ")" type="number" /]
    [#elseif kind == "school"]
      [@field name="schoolName" label=msg["field.schoolName"] /]
      [@field name="uai" label=msg["field.uai"] required=false /]
      [@field name="commune" label=msg["field.commune"] /]
      [#assign levelError = fieldErrors["level"]!""]
      <p class="field[#if levelError?has_content] field--error[/#if]">
        <label for="f-level">${msg["field.level"]} <span aria-hidden="true">*</span></label>
        <select id="f-level" name="level" required[#if levelError?has_content] aria-invalid="true" aria-describedby="e-level"[/#if]>
          <option value="">—</option>
          [#list levels as level]<option value="${level.id}"[#if (values["level"]!"") == level.id] selected[/#if]>${level.label}</option>[/#list]
        </select>
        [#if levelError?has_content]<span class="field__error" id="e-level">${levelError}</span>[/#if]
      </p>
      [@field name="persons" label=msg["field.pupils"] type="number" /]
      [@field name="accompanyingAdults" label=msg["field.accompanyingAdults"] type="number" /]
      [@field name="teacherName" label=msg["field.teacherName"] /]
      [@field name="email" label=msg["field.email"] type="email" extra='autocomplete="email"' /]
      [@field name="phone" label=msg["field.phone"] type="tel" extra='autocomplete="tel"' /]
      <p class="field">
        <input id="f-transportFunding" name="transportFunding" type="checkbox" value="true"[#if (values["transportFunding"]!"") == "true"] checked[/#if]>
        <label for="f-transportFunding">${msg["field.transportFunding"]}</label>
      </p>
      [@field name="transportAmount" label=msg["field.transportAmount"] type="number" required=false /]
    [#else]
      [@field name="agency" label=msg["field.agency"] /]
      [@field name="adviserName" label=msg["field.adviserName"] /]
      [@field name="adviserEmail" label=msg["field.adviserEmail"] type="email" extra='autocomplete="email"' /]
      [@field name="persons" label=msg["field.jobSeekers"] type="number" /]
    [/#if]
    [#-- Honeypot: hidden from people (and from screen readers), filled only by robots. --]
    <p class="field field--trap" aria-hidden="true" style="position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden">
      <label for="f-${honeypot}">${msg["field.honeypot"]}</label>
      <input id="f-${honeypot}" name="${honeypot}" type="text" tabindex="-1" autocomplete="off" value="">
    </p>
    <section class="privacy">
      <h2>${msg["privacy.title"]}</h2>
      <p>${msg["privacy.purpose"]}</p>
      <p>${msg["privacy.retention"]}</p>
      [#if kind != "public"]<p>${msg["privacy.noNames"]}</p>[/#if]
    </section>
    [#assign consentError = fieldErrors["consent"]!""]
    <p class="field[#if consentError?has_content] field--error[/#if]">
      <input id="f-consent" name="consent" type="checkbox" value="true" required[#if (values["consent"]!"") == "true"] checked[/#if][#if consentError?has_content] aria-invalid="true" aria-describedby="e-consent"[/#if]>
      <label for="f-consent">${msg["field.consent"]}</label>
      [#if consentError?has_content]<span class="field__error" id="e-consent">${consentError}</span>[/#if]
    </p>
    [#if offerWaitingList]
      <p class="field">
        <input id="f-waitingList" name="waitingList" type="checkbox" value="true">
        <label for="f-waitingList">${msg["form.waitingList"]}</label>
      </p>
    [/#if]
    <p><button type="submit">${msg["form.submit"]}</button></p>
  </form>
[/@page]
