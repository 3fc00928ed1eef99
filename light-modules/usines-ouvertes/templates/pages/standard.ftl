[#include "/usines-ouvertes/templates/includes/init.ftl"]
[#include "/usines-ouvertes/templates/includes/head.ftl"]
<body class="page-standard">
[#include "/usines-ouvertes/templates/includes/header.ftl"]
<main id="contenu" class="site-main">
  <div class="container"><h1 class="page-title">${content.title!content["@name"]}</h1></div>
  [@cms.area name="main" /]
</main>
[#include "/usines-ouvertes/templates/includes/footer.ftl"]
</body>
</html>
