package fr.usinesouvertes.platform.admin.authoring.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Long operations in the background with a self-refreshing progress page. */
class TasksServletTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("src/test/resources/authoring-modules")).inMemory()
            .setting("login-rate-limit", "0");
    static final String PASSWORD = "correct horse battery";
    static AdminBrowser admin;

    @BeforeAll
    static void login() {
        PLATFORM.platform().accounts().create("admin@example.fr", "Admin", PASSWORD.toCharArray(), Set.of(Role.ADMIN), null);
        PLATFORM.platform().accounts().create("editrice@example.fr", "Élise", PASSWORD.toCharArray(), Set.of(Role.EDITOR), null);
        admin = AdminBrowser.on(PLATFORM);
        assertThat(admin.login("admin@example.fr", PASSWORD).statusCode()).isEqualTo(303);
    }

    @Test
    void anImportRunsInTheBackgroundAndItsPageShowsProgressUntilDone() throws Exception {
        admin.get("/admin/tasks/");
        String yaml = "'imported':\n  'jcr:primaryType': 'mgnl:content'\n  'name': 'Importé'\n";
        HttpResponse<String> started = upload("partners.yaml", yaml);
        assertThat(started.statusCode()).isEqualTo(303);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/admin/tasks/?task=");
        Document page = finished(location);
        assertThat(page.select("[role=status]").text()).startsWith("Terminé.").contains("/imported");
        assertThat(page.select("progress").attr("value")).isEqualTo("100");
        String name = PLATFORM.platform().repository().read(session ->
                session.getNode("/partners/imported").getProperty("name").getString());
        assertThat(name).isEqualTo("Importé");

        HttpResponse<String> broken = upload("partners.yaml", "'x': [unclosed");
        Document failed = finished(broken.headers().firstValue("Location").orElseThrow());
        assertThat(failed.select("[role=status]").text()).startsWith("Échec");
        assertThat(upload("notes.txt", "hello").statusCode()).isEqualTo(400);
    }

    @Test
    void reindexingRunsAndOnlyAdministratorsMayStartIt() throws Exception {
        admin.get("/admin/tasks/");
        HttpResponse<String> started = admin.post("/admin/tasks/reindex", Map.of());
        Document page = finished(started.headers().firstValue("Location").orElseThrow());
        assertThat(page.select("[role=status]").text()).startsWith("Terminé.");
        AdminBrowser editor = AdminBrowser.on(PLATFORM);
        editor.login("editrice@example.fr", PASSWORD);
        assertThat(editor.get("/admin/tasks/").statusCode()).isEqualTo(403);
    }

    private static Document finished(String location) {
        HttpResponse<String> done = await("the task ends").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    HttpResponse<String> progress = admin.get(location);
                    assertThat(progress.statusCode()).isEqualTo(200);
                    if (progress.headers().firstValue("Refresh").isPresent()) {
                        assertThat(Jsoup.parse(progress.body()).select("meta[http-equiv=refresh]")).hasSize(1);
                    }
                    return progress;
                }, progress -> progress.headers().firstValue("Refresh").isEmpty());
        Document page = Jsoup.parse(done.body());
        assertThat(page.select("meta[http-equiv=refresh]")).isEmpty();
        return page;
    }

    private static HttpResponse<String> upload(String fileName, String content) throws Exception {
        String boundary = "----uo" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + admin.csrf() + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/x-yaml\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(PLATFORM.uri("/admin/tasks/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", "uo_session=" + admin.cookie("uo_session"))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
