<ul>[#list components as component]<li>${components[5].title}</li>[/#list]</ul>
