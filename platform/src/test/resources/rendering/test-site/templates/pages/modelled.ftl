<p id="model">${(model??)?c}</p>
<div id="bad">[@cms.area name="bad" /]</div>
<p id="after">after</p>
