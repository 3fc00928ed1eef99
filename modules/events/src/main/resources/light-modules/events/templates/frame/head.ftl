[#-- Document start of the module's own frame: language, title, description, the module's stylesheet. --]
<!DOCTYPE html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${pageTitle}</title>
  [#if robots?has_content]<meta name="robots" content="${robots}">[#elseif description?has_content]<meta name="description" content="${description}">[/#if]
  <link rel="stylesheet" href="${base}${resfn.cachedLink("/events/webresources/css/frame.css")}">
  [@cms.page /]
</head>
