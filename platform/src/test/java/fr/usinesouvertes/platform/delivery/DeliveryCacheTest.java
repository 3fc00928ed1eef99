package fr.usinesouvertes.platform.delivery;

import static fr.usinesouvertes.platform.delivery.DeliveryFixtures.endpoint;
import static fr.usinesouvertes.platform.delivery.DeliveryFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.jcr.Session;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeliveryCacheTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory();

    @BeforeAll
    static void content() {
        DeliveryFixtures.createSite(PLATFORM.platform().repository());
        PLATFORM.platform().definitions().replace(DefinitionRegistry.builder()
                .endpoint(endpoint("delivery/pages/v1", "website").nodeTypes("mgnl:page").build()).build());
        PLATFORM.publishAll();
    }

    @Test
    void cachedAnswersAreReusedUntilSomethingChanges() {
        DeliveryCache cache = new DeliveryCache(10, 1_000);
        AtomicInteger computed = new AtomicInteger();
        cache.get("a", () -> CachedAnswer.of(new byte[] {(byte) computed.incrementAndGet()}));
        CachedAnswer again = cache.get("a", () -> CachedAnswer.of(new byte[] {(byte) computed.incrementAndGet()}));
        assertThat(computed.get()).isEqualTo(1);
        assertThat(again.body()).containsExactly(1);
        cache.clear();
        cache.get("a", () -> CachedAnswer.of(new byte[] {(byte) computed.incrementAndGet()}));
        assertThat(computed.get()).isEqualTo(2);
    }

    @Test
    void theCacheStaysWithinItsByteBudget() {
        DeliveryCache cache = new DeliveryCache(10, 1_000);
        for (int i = 0; i < 5; i++) {
            cache.get("k" + i, () -> CachedAnswer.of(new byte[240]));
        }
        assertThat(cache.size()).isLessThanOrEqualTo(4);
        cache.get("huge", () -> CachedAnswer.of(new byte[600]));
        assertThat(cache.get("huge", () -> CachedAnswer.of(new byte[1])).body()).hasSize(1); // never kept
    }

    @Test
    void anAnswerComputedDuringAChangeIsNotKept() {
        DeliveryCache cache = new DeliveryCache(10, 1_000);
        cache.get("a", () -> {
            cache.clear(); // a change lands while the answer is computed
            return CachedAnswer.of(new byte[] {1});
        });
        assertThat(cache.size()).isZero();
    }

    @Test
    void definitionChangesAreServedAtOnce() {
        assertThat(json(PLATFORM.get("/.rest/delivery/pages/v1/home").body()).get("@nodes").size()).isZero();
        PLATFORM.platform().definitions().replace(DefinitionRegistry.builder()
                .endpoint(endpoint("delivery/pages/v1", "website").nodeTypes("mgnl:page").depth(1)
                        .childNodeTypes("mgnl:area").build()).build());
        assertThat(json(PLATFORM.get("/.rest/delivery/pages/v1/home").body()).get("@nodes").size()).isOne();
    }

    @Test
    void commitsOutsideThePlatformsWritesReachTheAnswersThroughObservation() throws Exception {
        assertThat(json(PLATFORM.get("/.rest/delivery/pages/v1/about").body()).get("title").asText())
                .isEqualTo("À propos");
        Session session = PLATFORM.platform().repository().loginSystem();
        try {
            session.getNode("/live/website/about").setProperty("title", "Qui sommes-nous"); // the published copy
            session.save();
        } finally {
            session.logout();
        }
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                assertThat(json(PLATFORM.get("/.rest/delivery/pages/v1/about").body()).get("title").asText())
                        .isEqualTo("Qui sommes-nous"));
    }
}
