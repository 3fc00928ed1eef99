[#-- Document start: <html lang>, metadata for search engines and sharing (Open Graph), stylesheet. --]
<!DOCTYPE html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${pageTitle}[#if relPath?has_content] – ${i18n['site.name']}[/#if]</title>
  [#if robots?has_content]<meta name="robots" content="${robots}">[/#if]
  [#-- a page kept out of search engines (a personal page, e.g. reached by a signed link) shares neither its address nor its metadata --]
  [#if !robots?has_content]
  [#if description?has_content]
  <meta name="description" content="${description}">
  <meta property="og:description" content="${description}">
  [/#if]
  <meta property="og:title" content="${pageTitle}">
  <meta property="og:type" content="${(item?? && item.date??)?then('article', 'website')}">
  <meta property="og:site_name" content="${i18n['site.name']}">
  <meta property="og:locale" content="${(lang == 'en')?then('en_GB', 'fr_FR')}">
  <meta property="og:locale:alternate" content="${(lang == 'en')?then('fr_FR', 'en_GB')}">
  <meta property="og:url" content="${canonicalUrl}">
  [#if item?? && item.date?? && item.date?is_date]
  <meta property="article:published_time" content="${item.date?string("yyyy-MM-dd'T'HH:mm:ssXXX")}">
  [/#if]
  <meta property="og:image" content="${siteUrl}${base}/.resources/usines-ouvertes/webresources/img/og-image.png">
  <meta property="og:image:width" content="1200">
  <meta property="og:image:height" content="630">
  <meta property="og:image:alt" content="${i18n['site.name']}">
  <link rel="canonical" href="${canonicalUrl}">
  <link rel="alternate" hreflang="fr" href="${siteUrl}${frUrl}">
  <link rel="alternate" hreflang="en" href="${siteUrl}${enUrl}">
  <link rel="alternate" hreflang="x-default" href="${siteUrl}${frUrl}">
  [/#if]
  [#if feedBase??]
  <link rel="alternate" type="application/rss+xml" title="${i18n['press.feedRss']}" href="${siteUrl}${feedBase}.rss">
  <link rel="alternate" type="application/atom+xml" title="${i18n['press.feedAtom']}" href="${siteUrl}${feedBase}.atom">
  [/#if]
  <link rel="icon" type="image/svg+xml" href="${base}/.resources/usines-ouvertes/webresources/img/logo.svg">
  <link rel="stylesheet" href="${base}${resfn.cachedLink("/usines-ouvertes/webresources/css/site.css")}">
  <link rel="stylesheet" href="${base}${resfn.cachedLink("/usines-ouvertes/webresources/css/directory.css")}">
  [@cms.page /]
</head>
