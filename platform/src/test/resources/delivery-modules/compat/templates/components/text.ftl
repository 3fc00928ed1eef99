<p class="component">${content["@id"]}</p>
