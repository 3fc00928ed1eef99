<div class="broken">${content.doesNotExist.nested}</div>
