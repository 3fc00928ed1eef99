<#-- A short page for refusals: unknown slot or link, expired form, too many submissions. -->
<#import "layout.ftl" as layout>
<@layout.page title=msg[messageKey]>
  <h1>${msg[messageKey]}</h1>
  <p><a href="${home}">${msg["message.home"]}</a></p>
</@layout.page>
