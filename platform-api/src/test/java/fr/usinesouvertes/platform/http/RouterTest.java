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
        assertThat(router.hasRoutesFor("POST")).isTrue();
        assertThat(router.hasRoutesFor("HEAD")).isTrue();
        assertThat(router.hasRoutesFor("DELETE")).isFalse();
    }

    @Test
    void anEmptySegmentOrAnExtraSlashMatchesNoParameterRoute() {
        assertThat(router.find("GET", "/sites/")).isEmpty();
        assertThat(router.find("GET", "/sites//photos/x")).isEmpty();
        assertThat(router.find("GET", "/sites/forge/")).isEmpty();
        assertThat(router.find("GET", "/sites/forge/photos")).isEmpty();
    }

    @Test
    void aTrailingSlashIsPartOfThePattern() {
        Router<String> apps = Router.<String>builder()
                .get("/{app}", "app")
                .get("/{app}/", "app with slash")
                .get("/{app}/{action}", "action")
                .build();
        assertThat(apps.find("GET", "/news").map(Router.Match::handler)).hasValue("app");
        assertThat(apps.find("GET", "/news/")).hasValueSatisfying(match -> {
            assertThat(match.handler()).isEqualTo("app with slash");
            assertThat(match.get("app")).isEqualTo("news");
        });
        assertThat(apps.find("GET", "/news/edit").map(Router.Match::handler)).hasValue("action");
        assertThat(apps.find("GET", "/news/edit/")).isEmpty();
    }

    @Test
    void aRestSegmentTakesTheRestOfThePathSlashesKept() {
        Router<String> files = Router.<String>builder().get("/draft/{path...}", "draft").get("/{name}", "page").build();
        Map<String, String> rests = Map.of("/draft/a/b/c.pdf", "a/b/c.pdf", "/draft/c.pdf", "c.pdf", "/draft/", "",
                "/draft/a//b/", "a//b/");
        rests.forEach((path, rest) -> assertThat(files.find("GET", path).map(match -> match.get("path"))).hasValue(rest));
        assertThat(files.find("GET", "/draft").map(Router.Match::handler)).hasValue("page"); // one segment or more
        assertThat(files.find("GET", "/")).isEmpty();
        assertThat(files.allowedMethods("/draft/x")).containsExactly("GET", "HEAD");
    }

    @Test
    void malformedPatternsAreRefusedWhenDeclared() {
        assertThatThrownBy(() -> Router.<String>builder().get("/files/{path...}/x", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Router.<String>builder().get("/files/{...}", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Router.<String>builder().get("/sites/x{slug}", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Router.<String>builder().get("/sites//x", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
