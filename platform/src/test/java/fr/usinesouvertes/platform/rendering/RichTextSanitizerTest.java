package fr.usinesouvertes.platform.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rich-text allow-list: what the back office's editor produces is kept, the rest is removed and said. */
class RichTextSanitizerTest {

    private static RichTextSanitizer.Result check(String html) {
        return RichTextSanitizer.check(html);
    }

    @Test
    void whatTheEditorProducesIsKeptWhole() {
        String html = "<h2>Titre</h2><h3>Sous-titre</h3><h4>Détail</h4>"
                + "<p><strong>Gras</strong> et <em>italique</em>, x<sub>2</sub> y<sup>3</sup><br>ligne</p>"
                + "<ul><li>un</li></ul><ol><li>deux</li></ol><blockquote><p>Citation</p></blockquote>"
                + "<p><a href=\"/salle-de-presse\">page</a> <a href=\"#haut\">ancre</a> "
                + "<a href=\"https://example.org/a?b=c\" title=\"Exemple\">site</a> <a href=\"mailto:presse@example.fr\">e-mail</a> "
                + "<a href=\"/dam/jcr:1234/dossier.pdf\">PDF</a></p>"
                + "<p><img src=\"/dam/jcr:5678/usine.jpg\" alt=\"Une usine\" width=\"800\" height=\"600\"></p>"
                + "<p><img src=\"/dam/jcr:5678/w800/usine.jpg\" alt=\"\"></p>"
                + "<table><caption>Chiffres</caption><thead><tr><th scope=\"col\">Année</th><th scope=\"col\" colspan=\"2\">Usines</th></tr></thead>"
                + "<tbody><tr><th scope=\"row\">2026</th><td rowspan=\"2\">400</td><td>+10 %</td></tr></tbody>"
                + "<tfoot><tr><td colspan=\"3\">Source : organisateurs</td></tr></tfoot></table>";

        RichTextSanitizer.Result result = check(html);

        assertThat(result.removed()).isEmpty();
        assertThat(result.html()).isEqualTo(html);
    }

    @Test
    void scriptsHandlersAndStylesAreRemovedAndSaid() {
        RichTextSanitizer.Result result = check("<p style=\"color:red\" class=\"MsoNormal\" onclick=\"steal()\">Bonjour"
                + "<script>alert(1)</script> <span lang=\"fr\">usine</span></p><p style=\"margin:0\">x</p>");

        assertThat(result.html()).isEqualTo("<p>Bonjour usine</p><p>x</p>");
        assertThat(result.removed()).containsExactly("style (<p>) ×2", "class (<p>)", "onclick (<p>)", "<script>",
                "<span>");
    }

    @Test
    void linksOnlyToPagesAnchorsHttpsAndMailto() {
        RichTextSanitizer.Result result = check("<p><a href=\"javascript:alert(1)\">a</a><a href=\"http://example.org\">b</a>"
                + "<a href=\"//evil.example/x\">c</a><a href=\"/\\evil.example\">d</a><a href=\"data:text/html,x\">e</a>"
                + "<a href=\"/usines\" target=\"_blank\">f</a></p>");

        assertThat(result.html()).isEqualTo("<p><a>a</a><a>b</a><a>c</a><a>d</a><a>e</a><a href=\"/usines\">f</a></p>");
        assertThat(result.removed()).contains("href=\"javascript:alert(1)\" (<a>)", "href=\"http://example.org\" (<a>)",
                "href=\"//evil.example/x\" (<a>)", "target (<a>)");
    }

    @Test
    void imagesFromOutsideTheMediaLibraryGoWhole() {
        RichTextSanitizer.Result result = check("<p>a<img src=\"https://tracker.example/p.gif\" alt=\"x\">"
                + "<img src=\"data:image/png;base64,AAAA\">b<img src=\"/dam/jcr:1/x.png\" alt=\"ok\" onerror=\"x()\"></p>");

        assertThat(result.html()).isEqualTo("<p>ab<img src=\"/dam/jcr:1/x.png\" alt=\"ok\"></p>");
        assertThat(result.removed()).containsExactly("<img src=\"https://tracker.example/p.gif\">",
                "<img src=\"data:image/png;base64,AAAA\">", "onerror (<img>)");
    }

    @Test
    void headingsOutsideTwoToFourAndBadTableAttributesAreSaid() {
        RichTextSanitizer.Result result = check("<h1>Grand</h1><h5>Petit</h5><table><tr>"
                + "<th scope=\"everything\" colspan=\"x\">a</th><td rowspan=\"0\" style=\"width:50%\">b</td></tr></table>");

        assertThat(result.html()).isEqualTo("GrandPetit<table><tbody><tr><th>a</th><td>b</td></tr></tbody></table>");
        assertThat(result.removed()).containsExactly("<h1>", "<h5>", "scope (<th>)", "colspan (<th>)",
                "rowspan (<td>)", "style (<td>)");
    }

    @Test
    void theCachedSanitizerCleansAlike() {
        String html = "<p onclick=\"x()\">Texte <img src=\"/dam/jcr:9/a.png\" alt=\"a\"></p>";
        assertThat(new RichTextSanitizer().clean(html)).isEqualTo(check(html).html())
                .isEqualTo(RichTextSanitizer.uncached().clean(html));
    }
}
