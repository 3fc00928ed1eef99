<div class="text">${content.text!}</div>
