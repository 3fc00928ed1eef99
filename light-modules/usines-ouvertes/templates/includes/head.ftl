[#-- Document start: <html lang>, metadata for search engines and sharing (Open Graph), stylesheet. --]
<!DOCTYPE html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${pageTitle}[#if content["@path"] != homePath || item??] – ${i18n['site.name']}[/#if]</title>
  [#if description?has_content]
  <meta name="description" content="${description}">
  <meta property="og:description" content="${description}">
  [/#if]
  <meta property="og:title" content="${pageTitle}">
  <meta property="og:type" content="${(item??)?then('article', 'website')}">
  <meta property="og:site_name" content="${i18n['site.name']}">
  <meta property="og:locale" content="${(lang == 'en')?then('en_GB', 'fr_FR')}">
  <link rel="alternate" hreflang="fr" href="${frUrl}">
  <link rel="alternate" hreflang="en" href="${enUrl}">
  <link rel="icon" type="image/svg+xml" href="${base}/.resources/usines-ouvertes/webresources/img/logo.svg">
  <link rel="stylesheet" href="${base}/.resources/usines-ouvertes/webresources/css/site.css">
  <link rel="stylesheet" href="${base}/.resources/usines-ouvertes/webresources/css/directory.css">
  [@cms.page /]
</head>
