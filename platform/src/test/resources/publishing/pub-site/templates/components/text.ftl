<p class="text">${content.text!}</p>
