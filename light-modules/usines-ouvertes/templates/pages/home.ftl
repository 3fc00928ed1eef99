[#include "/usines-ouvertes/templates/includes/init.ftl"]
[#include "/usines-ouvertes/templates/includes/head.ftl"]
<body class="page-home">
[#include "/usines-ouvertes/templates/includes/header.ftl"]
<main id="contenu" class="site-main">
  <h1 class="visually-hidden">${content.title!i18n['site.name']}</h1>
  [@cms.area name="main" /]
</main>
[#include "/usines-ouvertes/templates/includes/footer.ftl"]
</body>
</html>
