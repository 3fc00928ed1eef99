[#-- Footer of the module's own frame. --]
<footer class="site-footer"><p><a href="${homeUrl}">${homePage.title!homePage["@name"]}</a></p></footer>
