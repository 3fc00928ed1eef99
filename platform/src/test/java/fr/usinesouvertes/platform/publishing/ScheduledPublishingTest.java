package fr.usinesouvertes.platform.publishing;

import static fr.usinesouvertes.platform.publishing.PublishingFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.testing.MutableClock;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Scheduled publication and unpublication fire when the platform clock reaches their time, through the cluster job. */
class ScheduledPublishingTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-02-10T09:00:00Z"),
            ZoneId.of("Europe/Paris"));

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(PublishingFixtures.LIGHT_MODULES)
            .inMemory().clock(CLOCK).setting("cluster-job-lease", "3"); // the job looks every second

    private static ContentRepository repository;
    private static Publishing publishing;

    @BeforeAll
    static void site() {
        repository = PLATFORM.platform().repository();
        publishing = PLATFORM.platform().publishing();
        PublishingFixtures.page(repository, "/site", "title", "Accueil");
        PublishingFixtures.page(repository, "/site/news", "title", "Actualités", "mgnl:template", "pub-site:pages/news-room");
        publishing.publish("editor", "website", "/site", true);
    }

    @Test
    void anEmbargoedItemStaysHiddenUntilItsTimeThenIsPublishedOnce() throws Exception {
        PublishingFixtures.news(repository, "embargo", "Dossier de presse");
        ScheduledAction action = publishing.schedule("editor", "news", "/embargo", Publishing.Action.PUBLISH,
                CLOCK.instant().plus(Duration.ofHours(1)), false);

        assertThat(publishing.status("news", "/embargo")).isEqualTo(PublicationStatus.SCHEDULED);
        assertThat(publishing.scheduled("news", "/embargo")).containsExactly(action);
        assertThat(publishing.runDueActions()).isZero();
        // the job looks at least once meanwhile: not due yet, the item stays hidden throughout
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(10))
                .until(() -> PLATFORM.get("/news/embargo").statusCode() == 404);
        assertThat(PLATFORM.get("/.rest/delivery/news/v1/embargo").statusCode()).isEqualTo(404);

        CLOCK.advance(Duration.ofHours(2));

        assertThat(awaitStatus("/news/embargo", 200)).isEqualTo(200);
        assertThat(text(PLATFORM.get("/news/embargo").body(), "item")).isEqualTo("Dossier de presse");
        assertThat(publishing.status("news", "/embargo")).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(publishing.scheduled()).doesNotContain(action);
        assertThat(publishing.versions("news", "/embargo")).hasSize(1)
                .allSatisfy(version -> assertThat(version.by()).isEqualTo("editor"));
        assertThat(publishing.runDueActions()).isZero();
    }

    @Test
    void aScheduledUnpublicationRemovesTheItemAtItsTime() throws Exception {
        PublishingFixtures.news(repository, "expiring", "Offre limitée");
        publishing.publish("editor", "news", "/expiring", false);
        assertThat(PLATFORM.get("/news/expiring").statusCode()).isEqualTo(200);
        publishing.schedule("editor", "news", "/expiring", Publishing.Action.UNPUBLISH,
                CLOCK.instant().plus(Duration.ofDays(1)), false);

        CLOCK.advance(Duration.ofDays(2));

        assertThat(awaitStatus("/news/expiring", 404)).isEqualTo(404);
        assertThat(publishing.status("news", "/expiring")).isEqualTo(PublicationStatus.DRAFT);
    }

    @Test
    void aCancelledScheduleNeverRuns() {
        PublishingFixtures.news(repository, "cancelled", "Annulé");
        ScheduledAction action = publishing.schedule("editor", "news", "/cancelled", Publishing.Action.PUBLISH,
                CLOCK.instant().plus(Duration.ofMinutes(30)), false);

        assertThat(publishing.cancelSchedule("editor", action.id())).isTrue();
        assertThat(publishing.cancelSchedule("editor", action.id())).isFalse();
        assertThat(publishing.cancelSchedule("editor", "not-an-id")).isFalse();
        CLOCK.advance(Duration.ofHours(1));

        assertThat(publishing.runDueActions()).isZero();
        assertThat(publishing.status("news", "/cancelled")).isEqualTo(PublicationStatus.DRAFT);
        assertThat(PLATFORM.get("/news/cancelled").statusCode()).isEqualTo(404);
    }

    private static int awaitStatus(String path, int expected) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> PLATFORM.get(path).statusCode(), status -> status == expected);
    }
}
