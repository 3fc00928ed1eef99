package fr.usinesouvertes.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final Router<String> router = Router.<String>builder()
            .get("/", "home")
            .get("/sites/nouveau", "new site")
            .get("/sites/{slug}", "site")
            .get("/sites/{slug}/photos/{name}", "photo")
            .post("/sites/{slug}", "save site")
            .build();

    @Test
    void findsTheFirstRouteThatMatchesWithItsSegments() {
        assertThat(router.find("GET", null).orElseThrow().handler()).isEqualTo("home");
        assertThat(router.find("GET", "/").orElseThrow().handler()).isEqualTo("home");
        assertThat(router.find("GET", "/sites/nouveau").orElseThrow().handler()).isEqualTo("new site");
        Router.Match<String> photo = router.find("GET", "/sites/forge/photos/atelier.jpg").orElseThrow();
        assertThat(photo.handler()).isEqualTo("photo");
        assertThat(photo.parameters()).isEqualTo(Map.of("slug", "forge", "name", "atelier.jpg"));
        assertThat(photo.get("slug")).isEqualTo("forge");
        assertThatThrownBy(() -> photo.get("other")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headIsServedByGetAndOtherMethodsAreToldApart() {
        assertThat(router.find("HEAD", "/sites/forge").orElseThrow().handler()).isEqualTo("site");
        assertThat(router.find("POST", "/sites/forge").orElseThrow().handler()).isEqualTo("save site");
        assertThat(router.find("DELETE", "/sites/forge")).isEmpty();
        assertThat(router.allowedMethods("/sites/forge")).containsExactly("GET", "HEAD", "POST");
        assertThat(router.allowedMethods("/nowhere")).isEmpty();
    }

    @Test
    void anEmptySegmentOrAnExtraSlashMatchesNoParameterRoute() {
        assertThat(router.find("GET", "/sites/")).isEmpty();
        assertThat(router.find("GET", "/sites//photos/x")).isEmpty();
        assertThat(router.find("GET", "/sites/forge/")).isEmpty();
        assertThat(router.find("GET", "/sites/forge/photos")).isEmpty();
    }

    @Test
    void malformedPatternsAreRefusedWhenDeclared() {
        assertThatThrownBy(() -> Router.<String>builder().get("/sites/x{slug}", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Router.<String>builder().get("/sites//x", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
