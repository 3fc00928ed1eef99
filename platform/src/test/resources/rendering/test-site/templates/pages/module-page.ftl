[#-- A page a Java module serves itself (ModulePagesTest): the site's home page as content, the URL path
     without its language prefix, the module's own variable, the page variables of the site (navfn, cmsfn). --]
[#if ctx.getParameter("status")??]${ctx.response.setStatus(ctx.getParameter("status")?number)}[/#if]
[#if ctx.getParameter("fail")??]${missing.value}[/#if]
<!DOCTYPE html>
<html lang="${lang}">
<body>
<nav id="nav">[#list navfn.navItems(content) as navItem]<a href="${cmsfn.link(navItem)}">${navItem.title!}</a>[/#list]</nav>
<p id="home">${content.title!}</p>
<p id="path">${pagePath}</p>
<main><h1 id="greeting">${greeting}</h1></main>
</body>
</html>
