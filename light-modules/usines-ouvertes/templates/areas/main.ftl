[#-- Main area: components in the editors' order. --]
[#list components as component]
  [@cms.component content=component /]
[/#list]
