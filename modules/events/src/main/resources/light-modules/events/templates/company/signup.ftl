[#-- Company sign-up form; works without JavaScript. --]
[#include "/events/templates/registration/layout.ftl"]
[#include "/events/templates/company/fields.ftl"]
[@page title=m["signup.title"]]
  <h1>${m["signup.title"]}</h1>
  [#if refusal?has_content]<p class="notice notice--warning" role="alert">${refusal}</p>[/#if]
  <p>${m["signup.intro"]}</p>
  [@errorSummary errors=errors /]
  <form method="post" action="${action}" novalidate>
    <input type="hidden" name="csrf" value="${csrf}">
    [@field name="companyName" label=m["field.companyName"] /]
    [@field name="siret" label=m["field.siret"] required=false /]
    [#assign regionError = fieldErrors["region"]!""]
    <p class="field[#if regionError?has_content] field--error[/#if]">
      <label for="f-region">${m["field.region"]} <span aria-hidden="true">*</span></label>
      <select id="f-region" name="region" required[#if regionError?has_content] aria-invalid="true" aria-describedby="e-region"[/#if]>
        <option value="">${m["choose"]}</option>
        [#list regions as region]<option[#if (values["region"]!"") == region] selected[/#if]>${region}</option>[/#list]
      </select>
      [#if regionError?has_content]<span class="field__error" id="e-region">${regionError}</span>[/#if]
    </p>
    [@field name="contactName" label=m["field.contactName"] /]
    [@field name="email" label=m["field.email"] type="email" /]
    [@field name="password" label=m["field.password"] type="password" hint=m["signup.passwordHint"] /]
    <p class="honeypot" aria-hidden="true" style="position:absolute;left:-10000px">
      <label for="f-website">${m["field.website"]}</label>
      <input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off">
    </p>
    [#assign consentError = fieldErrors["consent"]!""]
    <p class="field field--checkbox[#if consentError?has_content] field--error[/#if]">
      <input id="f-consent" name="consent" type="checkbox"[#if (values["consent"]!"") == "on"] checked[/#if]>
      <label for="f-consent">${m["signup.consent"]}</label>
      [#if consentError?has_content]<span class="field__error" id="e-consent">${consentError}</span>[/#if]
    </p>
    <p><button type="submit">${m["signup.submit"]}</button></p>
  </form>
[/@page]
