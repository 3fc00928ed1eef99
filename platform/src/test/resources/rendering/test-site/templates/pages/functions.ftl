[#assign home = cmsfn.contentByPath("/home")]
<p id="byPath">${home.title}|${cmsfn.content("/home/news").title}|${(cmsfn.contentByPath("/nothing")??)?c}</p>
<p id="byId">${cmsfn.contentById(home['@id']).title}|${cmsfn.contentById(home['@id'], "website")['@path']}|${(cmsfn.contentById("jcr:00000000-0000-0000-0000-000000000000")??)?c}</p>
<p id="parent">${cmsfn.parent(content).title}|${cmsfn.parent(content, "mgnl:page")['@path']}|${cmsfn.page(content)['@path']}|${cmsfn.root(content, "mgnl:page")['@path']}</p>
<p id="ancestors">[#list cmsfn.ancestors(content) as a]${a['@path']};[/#list]</p>
<p id="link">${cmsfn.link(content)}|${cmsfn.link(home)}|${cmsfn.link(cmsfn.contentByPath("/home/news/2026"))}</p>
<p id="asset">${damfn.getAssetLink(content.image)}|${damfn.getAsset(content.image).title}|${damfn.getAsset(content.image).mimeType}|${damfn.getAsset(content.image).link}|${(damfn.getAsset("jcr:nope")??)?c}</p>
<p id="nav">[#assign root = navfn.rootPage(content)]${root['@path']}|[#list navfn.navItems(root) as item]${item['@name']}:${navfn.isActive(content, item)?c}:${navfn.isOpen(content, item)?c};[/#list]</p>
<p id="site">${sitefn.site().name}|[#list sitefn.site().i18n.locales as l]${l};[/#list]|[#list sitefn.theme(sitefn.site()).cssFiles as f]${f.link};[/#list]</p>
<p id="misc">${cmsfn.fileExtension("logo.svg")}|${cmsfn.abbreviateString("Journées Usines Ouvertes", 12, "…")}|${cmsfn.externalLink(content, "website")}|${cmsfn.metaData(content, "mgnl:template")}|${cmsfn.queryStringAndFragment("/a?b=1#c")}</p>
<p id="attr"${cmsfn.createHtmlAttribute("data-x", "a\"b")}>attr</p>
<p id="modules">${eventsfn.hello("usine")}</p>
<p id="itemLinks">${cmsfn.link(cmsfn.contentByPath("/salon", "events"))}|${cmsfn.link(cmsfn.contentByPath("/juillet", "press-releases"))}|${cmsfn.link("website", home['@id'])}|${(cmsfn.contentByPath("/", "jcr:system")??)?c}</p>
<p id="localized">[#list cmsfn.localizedLinks() as language, url]${language}=${url};[/#list]</p>
<p id="family">[#list cmsfn.siblings(content) as s]${s['@name']};[/#list]|${cmsfn.root(content)['@path']}|${cmsfn.isInherited(content)?c}|${cmsfn.isFromCurrentPage(home)?c}|[#list cmsfn.inheritList(cmsfn.contentByPath("/home/news/2026"), "footer") as c]${c.title};[/#list]</p>
