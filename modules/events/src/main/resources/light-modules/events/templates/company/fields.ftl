[#-- Macros of the public company pages' forms: the error summary and a labelled input with its error. --]
[#-- The list of errors at the top of a form, each linking to its field. --]
[#macro errorSummary errors]
  [#if errors?has_content]
    <div class="form-errors" role="alert" tabindex="-1">
      <h2>${m["errors.title"]}</h2>
      <ul>
        [#list errors as error]
          <li>[#if error.field?has_content]<a href="#f-${error.field}">${m["field." + error.field]!error.field}</a> : [/#if]${error.message}</li>
        [/#list]
      </ul>
    </div>
  [/#if]
[/#macro]

[#-- A labelled input with its error next to it. --]
[#macro field name label type="text" required=true hint=""]
  [#assign error = fieldErrors[name]!""]
  <p class="field[#if error?has_content] field--error[/#if]">
    <label for="f-${name}">${label}[#if required] <span aria-hidden="true">*</span>[/#if]</label>
    [#if hint?has_content]<span class="field__hint" id="h-${name}">${hint}</span>[/#if]
    <input id="f-${name}" name="${name}" type="${type}"[#if type != "password"] value="${values[name]!""}"[/#if][#if required] required[/#if][#if error?has_content] aria-invalid="true" aria-describedby="e-${name}"[/#if]>
    [#if error?has_content]<span class="field__error" id="e-${name}">${error}</span>[/#if]
  </p>
[/#macro]
