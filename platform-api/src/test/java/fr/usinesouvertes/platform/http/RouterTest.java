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
        assertThat(apps.find("GET", "/news").orElseThrow().handler()).isEqualTo("app");
        Router.Match<String> slash = apps.find("GET", "/news/").orElseThrow();
        assertThat(slash.handler()).isEqualTo("app with slash");
        assertThat(slash.get("app")).isEqualTo("news");
        assertThat(apps.find("GET", "/news/edit").orElseThrow().handler()).isEqualTo("action");
        assertThat(apps.find("GET", "/news/edit/")).isEmpty();
    }

    @Test
    void aRestSegmentTakesTheRestOfThePathSlashesKept() {
        Router<String> files = Router.<String>builder()
                .get("/draft/{path...}", "draft")
                .get("/{name}", "page")
                .build();
        assertThat(files.find("GET", "/draft/a/b/c.pdf").orElseThrow().get("path")).isEqualTo("a/b/c.pdf");
        assertThat(files.find("GET", "/draft/c.pdf").orElseThrow().get("path")).isEqualTo("c.pdf");
        assertThat(files.find("GET", "/draft/").orElseThrow().get("path")).isEmpty();
        assertThat(files.find("GET", "/draft/a//b/").orElseThrow().get("path")).isEqualTo("a//b/");
        assertThat(files.find("GET", "/draft").orElseThrow().handler()).isEqualTo("page"); // one segment or more
        assertThat(files.find("GET", "/").isEmpty()).isTrue();
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
