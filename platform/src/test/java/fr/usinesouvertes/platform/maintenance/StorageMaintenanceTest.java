package fr.usinesouvertes.platform.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.MutableClock;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The nightly revision collection on the segment store, and the back office's button (after it). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StorageMaintenanceTest {

    private static final String PASSWORD = "correct horse battery";

    /** 03:10 in Paris: inside tonight's window when the platform starts. */
    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .clock(new MutableClock(Instant.parse("2026-03-10T02:10:00Z"), ZoneId.of("Europe/Paris")))
            .setting("revision-gc-at", "03:00")
            .setting("revision-gc-reclaim-after", "1")
            .setting("login-rate-limit", "0");

    @BeforeAll
    static void accounts() {
        PLATFORM.platform().accounts().create("admin@example.fr", "Admin", PASSWORD.toCharArray(), Set.of(Role.ADMIN), null);
        PLATFORM.platform().accounts().create("editeur@example.fr", "Éditeur", PASSWORD.toCharArray(), Set.of(Role.EDITOR), null);
    }

    @Test
    @Order(1)
    void theNightlyCollectionRunsOnceInItsWindowAndIsRecorded() {
        StorageMaintenance maintenance = PLATFORM.platform().maintenance();

        await().atMost(Duration.ofSeconds(60)).until(() -> maintenance.status().last() != null
                && !maintenance.status().collecting());

        StorageMaintenance.Run run = maintenance.status().last();
        assertThat(run.by()).isEqualTo("nightly schedule");
        assertThat(run.error()).isNull();
        assertThat(run.report().completed()).isTrue();
        assertThat(run.report().summary()).startsWith("segment store: ").contains(" MB → ");
        Instant recorded = PLATFORM.platform().repository().read(session ->
                session.getNode("/config/maintenance/revision-gc").getProperty("lastRun").getDate().toInstant());
        assertThat(recorded).isEqualTo(Instant.parse("2026-03-10T02:10:00Z"));
        assertThat(maintenance.status().nextScheduled()).isEqualTo(Instant.parse("2026-03-11T02:00:00Z"));

        // a second later, the generation the collection kept for readers of the state before it is reclaimed
        await().atMost(Duration.ofSeconds(60)).until(() -> maintenance.status().last().reclaimed() != null);
        assertThat(maintenance.status().last().reclaimed().completed()).isTrue();
        assertThat(maintenance.status().last().reclaimed().summary()).startsWith("segment store: ").contains(" MB → ");
    }

    @Test
    @Order(2)
    void administratorsStartACollectionFromTheBackOffice() {
        AdminBrowser editor = AdminBrowser.on(PLATFORM);
        editor.login("editeur@example.fr", PASSWORD);
        assertThat(editor.get("/admin/storage/").statusCode()).isEqualTo(403);

        AdminBrowser admin = AdminBrowser.on(PLATFORM);
        assertThat(admin.login("admin@example.fr", PASSWORD).statusCode()).isEqualTo(303);
        HttpResponse<String> page = admin.get("/admin/storage/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("segment store in", "Taille sur disque", "Nettoyer les anciennes révisions");
        assertThat(admin.postRaw("/admin/storage/revision-gc", Map.of()).statusCode()).isEqualTo(403); // no CSRF token
        await().atMost(Duration.ofSeconds(60)).until(() -> !PLATFORM.platform().maintenance().status().collecting());

        HttpResponse<String> started = admin.post("/admin/storage/revision-gc", Map.of());

        assertThat(started.statusCode()).isEqualTo(303);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            StorageMaintenance.Run last = PLATFORM.platform().maintenance().status().last();
            return last != null && last.by().equals("admin@example.fr");
        });
        assertThat(admin.get("/admin/storage/").body()).contains("Dernier nettoyage sur ce nœud", "(admin@example.fr)",
                "segment store: ");
    }
}
