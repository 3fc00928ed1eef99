<h1>${content.title!}</h1>
