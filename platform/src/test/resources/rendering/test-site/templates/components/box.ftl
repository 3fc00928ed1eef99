<section class="box">[@cms.area name="items" /]</section>
