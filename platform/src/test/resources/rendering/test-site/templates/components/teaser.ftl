<div class="teaser">${content.title!}/${label!'no-label'}</div>
