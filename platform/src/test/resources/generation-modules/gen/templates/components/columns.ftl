<div class="columns">[@cms.area name="left"/]</div>
