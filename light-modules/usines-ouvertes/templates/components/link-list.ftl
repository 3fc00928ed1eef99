[#-- A list of links (label, URL or site path, optional description) stored as the child items of "links". --]
<section class="link-list">
  <div class="container">
    [#if content.title?has_content]<h2>${content.title}</h2>[/#if]
    [#if content.links?? && content.links?is_hash]
      <ul class="links">
        [#list cmsfn.children(content.links, "mgnl:contentNode") as link]
          [#if link.url?has_content]
            [#assign href = link.url?starts_with("/")?then(((ctx.contextPath)!"") + link.url, link.url)]
            <li><a href="${href}">${link.label!link.url}</a>[#if link.description?has_content] <span class="link-description">${link.description}</span>[/#if]</li>
          [/#if]
        [/#list]
      </ul>
    [/#if]
  </div>
</section>
