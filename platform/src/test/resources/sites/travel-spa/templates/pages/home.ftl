<!DOCTYPE html><html><body><h1>${content.title!}</h1><p id="site">${sitefn.site().name}</p>
<p id="current">${cmsfn.isCurrentLocale("de-CH")?c}</p>
<p id="links">[#list cmsfn.localizedLinks() as language, url]${language}=${url};[/#list]</p>
<p id="pages">[#list cmsfn.contentListByTemplateId(content, "travel-spa:pages/home") as page]${page.title!};[/#list]</p>
<p id="renditions">${damfn.getAssetLink("jcr:3a0c0a47-9c4e-4d6b-8a59-7f1e5d2c9b01", "small")!};${damfn.getRendition("3a0c0a47-9c4e-4d6b-8a59-7f1e5d2c9b01", "hero").link!};${damfn.getAssetLink("jcr:3a0c0a47-9c4e-4d6b-8a59-7f1e5d2c9b01", "original")!}</p>
<p id="search">[#list cmsfn.search("website", "SELECT * FROM [mgnl:page] WHERE ISDESCENDANTNODE('/travel') ORDER BY [title]", "JCR-SQL2") as page]${page.title!};[/#list]</p>
<p id="search-type">[#list cmsfn.asContentMapList(cmsfn.search("website", "SELECT * FROM [nt:base] WHERE [title] = 'About us'", "JCR-SQL2", "mgnl:page")) as page]${page.@path};[/#list]</p>
<p id="greeting">${i18n['travel.greeting']}</p></body></html>
