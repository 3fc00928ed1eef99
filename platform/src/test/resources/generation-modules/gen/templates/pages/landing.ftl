<main>[@cms.area name="main"/]</main>
