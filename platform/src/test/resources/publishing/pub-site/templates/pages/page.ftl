[#-- The publishing tests' page: each element shows one thing the public may or may not see. --]
<!DOCTYPE html>
<html lang="fr">
<head><title>${content.title!}</title></head>
<body>
<h1 id="title">${content.title!}</h1>
<p id="mode">${cmsfn.isPreviewMode()?c}|${cmsfn.isPublicInstance()?c}</p>
<p id="id">${content['@id']}</p>
<p id="image">[#if content.image?has_content]${damfn.getAssetLink(content.image)!'none'}[#else]none[/#if]</p>
<p id="related">[#assign related = (content.related?has_content)?then(cmsfn.contentById(content.related)!'', '')][#if related?has_content]${cmsfn.link(related)}[#else]none[/#if]</p>
<ul id="children">[#list cmsfn.children(content, "mgnl:page") as child]<li>${child.title!}</li>[/#list]</ul>
<div id="main">[@cms.area name="main" /]</div>
[#if item??]<article id="item">${item.title!}</article>[/#if]
</body>
</html>
