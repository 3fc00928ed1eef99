[#-- The fixture page template: each line shows one feature, with an id the tests look for. --]
<!DOCTYPE html>
<html lang="${cmsfn.language()}">
<head>
[@cms.page /]
<title>${content.title!}</title>
${resfn.css(["/test-site/webresources/css/.*\\.css"])}
${resfn.js(".*/app\\.js")}
</head>
<body>
<h1 id="title">${content.title!}</h1>
<p id="name">${content.@name}|${content['@name']}|${content['@path']}|${content['@depth']}|${content['@nodeType']}</p>
<p id="values">[#list content.tags![] as t]${t};[/#list]|${(content.main['@nodeType'])!'-'}|${(content.main['0'].text)!'-'}</p>
[#if content.date??]<p id="date">${content.date?string("d MMMM yyyy")}</p>[/#if]
<p id="i18n">${i18n['site.welcome']}|${i18n.get('site.count', 400)}|${i18n['missing.key']}</p>
<p id="lang">${cmsfn.language()}|${lang}|${ctx.locale}|${state.locale}</p>
<p id="param">${ctx.getParameter('q')!'-'}|${ctx.contextPath}|${state.currentURI}</p>
<p id="def">${def.title!}|${def.parameters.color!'-'}|${def.id}</p>
[#if content.body??]<div id="body">${cmsfn.decode(content).body}</div>[/#if]
<p id="modes">${cmsfn.isEditMode()?c}|${cmsfn.editMode?c}|${cmsfn.isPublicInstance()?c}|${(model??)?c}</p>
<ul id="children">[#list cmsfn.children(content, "mgnl:page") as child]<li><a href="${cmsfn.link(child)}">${child.title!child.@name}</a></li>[/#list]</ul>
<div id="main">[@cms.area name="main" /]</div>
<div id="hero">[@cms.area name="hero" /]</div>
<div id="aside">[@cms.area name="aside" /]</div>
<div id="empty">[@cms.area name="empty" /]</div>
</body>
</html>
