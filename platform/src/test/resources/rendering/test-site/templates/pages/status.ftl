[#-- Sets the status named by the request's `status` parameter, as a page refusing a form value does. --]
[#if ctx.getParameter("status")??]${ctx.response.setStatus(ctx.getParameter("status")?number)}[/#if]
<!DOCTYPE html>
<html lang="${lang}">
<body>
<main>
<h1 id="title">${content.title!}</h1>
[#if ctx.response.status == 400]<p id="refused">[#if lang == "en"]This value is refused.[#else]Cette valeur est refusée.[/#if]</p>[/#if]
</main>
</body>
</html>
