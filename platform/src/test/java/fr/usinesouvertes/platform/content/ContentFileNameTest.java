package fr.usinesouvertes.platform.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentFileNameTest {

    @Test
    void readsWorkspaceAndPath() {
        ContentFileName name = ContentFileName.parse("website.journees-usines-ouvertes.presse.yaml");

        assertThat(name.workspace()).isEqualTo("website");
        assertThat(name.path()).isEqualTo("/journees-usines-ouvertes/presse");
        assertThat(name.parentPathFor(List.of("presse"))).isEqualTo("/journees-usines-ouvertes");
        assertThat(name).hasToString("website.journees-usines-ouvertes.presse.yaml");
    }

    @Test
    void wholeWorkspaceFilePutsItsNodesUnderTheRoot() {
        ContentFileName name = ContentFileName.parse("website.yaml");

        assertThat(name.path()).isEqualTo("/");
        assertThat(name.parentPathFor(List.of("a", "b"))).isEqualTo("/");
    }

    @Test
    void nodeNameWithDotsIsFoundFromTheFileContent() {
        ContentFileName name = ContentFileName.of("dam", "/logos/colas.png");

        assertThat(name).hasToString("dam.logos.colas.png.yaml");
        assertThat(ContentFileName.parse("dam.logos.colas.png.yaml").parentPathFor(List.of("colas.png")))
                .isEqualTo("/logos");
    }

    @Test
    void fileNamingANodeWhoseChildrenItHoldsPutsThemUnderIt() {
        assertThat(ContentFileName.parse("website.home.yaml").parentPathFor(List.of("news", "events")))
                .isEqualTo("/home");
    }
}
