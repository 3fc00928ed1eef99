<aside data-count="${components?size}">[#list components as component][@cms.component content=component contextAttributes={"label": "L" + component?index} /][/#list]</aside>
