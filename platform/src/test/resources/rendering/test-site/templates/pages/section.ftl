<h1 id="title">${content.title!}</h1>
<div id="footer">[@cms.area name="footer" /]</div>
<div id="promo">[@cms.area name="promo" /]</div>
<p id="inherited">${cmsfn.inheritProperty(content, "slogan")!'-'}</p>
