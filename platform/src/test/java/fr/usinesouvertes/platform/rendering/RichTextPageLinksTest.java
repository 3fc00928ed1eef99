package fr.usinesouvertes.platform.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Links to pages in rich text stamped with the page's id on save and written from it when shown. */
class RichTextPageLinksTest {

    static final String USINES = "0f8fad5b-d9cb-469f-a165-70867728950e";
    static final Map<String, String> IDS = Map.of("/usines", USINES);

    @Test
    void savingStampsLinksToPagesAndOnlyThem() {
        String html = "<p><a href=\"/usines/#carte\">les usines</a>, <a href=\"https://example.org/\">ailleurs</a>, "
                + "<a href=\"/dam/jcr:x/f.pdf\">un fichier</a>, <a href=\"/disparue\" data-page-id=\"" + USINES
                + "\">une page supprimée</a></p>";
        String stamped = RichTextPageLinks.stamp(html, address -> Optional.ofNullable(IDS.get(address)));
        assertThat(stamped).isEqualTo("<p><a href=\"/usines/#carte\" data-page-id=\"" + USINES + "\">les usines</a>, "
                + "<a href=\"https://example.org/\">ailleurs</a>, <a href=\"/dam/jcr:x/f.pdf\">un fichier</a>, "
                + "<a href=\"/disparue\">une page supprimée</a></p>");
        String plain = "<p>Sans lien</p>";
        assertThat(RichTextPageLinks.stamp(plain, address -> Optional.of(USINES))).isSameAs(plain);
    }

    @Test
    void showingWritesTheAddressFromThePageKeepingTheFragment() {
        String stored = "<p><a href=\"/usines#carte\" data-page-id=\"" + USINES + "\">les usines</a> "
                + "<a href=\"/ancienne\" data-page-id=\"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\">partie</a></p>";
        String shown = RichTextPageLinks.refresh(stored,
                id -> id.equals(USINES) ? Optional.of("/en/les-usines") : Optional.empty());
        assertThat(shown).contains("<a href=\"/en/les-usines#carte\" data-page-id=\"" + USINES + "\">les usines</a>")
                .contains("<a href=\"/ancienne\""); // a page gone keeps the address it had
    }

    @Test
    void theSanitizerKeepsAnIdAndDropsAnythingElseInTheAttribute() {
        assertThat(RichTextSanitizer.check("<a href=\"/usines\" data-page-id=\"" + USINES + "\">x</a>").html())
                .contains("data-page-id=\"" + USINES + "\"");
        assertThat(RichTextSanitizer.check("<a href=\"/usines\" data-page-id=\"javascript:alert(1)\">x</a>").html())
                .doesNotContain("data-page-id");
    }
}
