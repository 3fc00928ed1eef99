[#-- The after-visit survey (SurveyPagesServlet), reached by the signed link of its e-mail: the questions of the
     registration's audience, the answer given so far, each refused field named next to it. --]
[#include "/events/templates/registration/layout.ftl"]
[#macro errorOf name]
  [#if (fieldErrors[name]!"")?has_content]<span class="field__error" id="e-${name}">${fieldErrors[name]}</span>[/#if]
[/#macro]
[#macro invalid name][#if (fieldErrors[name]!"")?has_content] aria-invalid="true" aria-describedby="e-${name}"[/#if][/#macro]
[#macro choice name legend options labelPrefix]
  <fieldset class="field[#if (fieldErrors[name]!"")?has_content] field--error[/#if]" id="f-${name}">
    <legend>${legend}</legend>
    [#list options as option]
      <label><input type="radio" name="${name}" value="${option}"[#if (values[name]!"") == option] checked[/#if][@invalid name /]> ${msg[labelPrefix + option]}</label>
    [/#list]
    [@errorOf name /]
  </fieldset>
[/#macro]
[@page title=msg["survey.title"]]
  <h1>${msg["survey.title"]}</h1>
  [#if notice?has_content]<p role="status" class="notice">${notice}</p>[/#if]
  [@visit slot=slot /]
  [#if fieldErrors?has_content]
    <div class="form-errors" role="alert" tabindex="-1">
      <h2>${msg["survey.refused"]}</h2>
      <ul>[#list fieldErrors as field, error]<li><a href="#f-${field}">${error}</a></li>[/#list]</ul>
    </div>
  [/#if]
  <p>${msg["survey.intro"]}</p>
  <form method="post" action="${action}" class="survey-form" novalidate>
    <input type="hidden" name="csrf" value="${csrf}">
    [@choice name="rating" legend=msg["survey.rating"] options=["1", "2", "3", "4", "5"] labelPrefix="survey.rating." /]
    [@choice name="recommend" legend=msg["survey.recommend"] options=["yes", "no"] labelPrefix="survey." /]
    [#if orientation][@choice name="orientation" legend=msg["survey.orientation"] options=["yes", "no"] labelPrefix="survey." /][/#if]
    [#if jobInterest][@choice name="jobInterest" legend=msg["survey.jobInterest"] options=jobInterestOptions labelPrefix="survey.jobInterest." /][/#if]
    <fieldset class="field[#if (fieldErrors["interests"]!"")?has_content] field--error[/#if]" id="f-interests">
      <legend>${msg["survey.interests"]}</legend>
      [#assign chosen = values["interests"]![]]
      [#list interestOptions as option]
        <label><input type="checkbox" name="interests" value="${option}"[#if chosen?seq_contains(option)] checked[/#if][@invalid "interests" /]> ${msg["survey.interests." + option]}</label>
      [/#list]
      [@errorOf "interests" /]
    </fieldset>
    <p class="field[#if (fieldErrors["comment"]!"")?has_content] field--error[/#if]">
      <label for="f-comment">${msg["survey.comment"]}</label>
      <textarea id="f-comment" name="comment" rows="5" maxlength="${maxComment?c}"[@invalid "comment" /]>${values["comment"]!""}</textarea>
      [@errorOf "comment" /]
    </p>
    <p><button type="submit">${msg[values?has_content?then("survey.update", "survey.submit")]}</button></p>
  </form>
[/@page]
