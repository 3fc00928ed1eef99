<p class="teaser">${content.title!}</p>
