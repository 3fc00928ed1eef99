package fr.usinesouvertes.events.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.booking.BookingRequest;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import fr.usinesouvertes.platform.http.JsonMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The places left a search shows are today's, though a booking does not reindex the site. */
class SearchLivePlacesTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory()
            .setting("clock", "2026-06-01T10:00:00+02:00")
            .modules(new EventsModule());

    @Test
    void aBookingShowsAtOnceAndABookedUpSiteLeavesTheFilterOfSitesWithPlaces() throws Exception {
        ContentRepository repository = PLATFORM.platform().repository();
        SearchFixtures fixtures = new SearchFixtures(repository);
        String company = fixtures.company("colas", "Colas", "BTP");
        String site = fixtures.site("colas-santes", company, "Site de Santes", "Santes", "59", "Hauts-de-France",
                "BTP", 50.5936, 2.9606, "<p>Enrobés.</p>");
        fixtures.sheet(2026, "colas-santes", site, "published",
                new SearchFixtures.Slot("2026-10-09T09:00:00+02:00", 4, 0, List.of("public")));
        String slot = repository.read(session -> session.getNode("/events/2026/colas-santes/slots/0").getIdentifier());
        awaitSearch("placesLeft=any", answer -> answer.get("total").asInt() == 1);
        SlotBooking booking = new SlotBooking(repository, Clock.systemUTC());
        // the fixture writes counters on the slot, as earlier versions did: the first booking moves them once
        booking.book(new BookingRequest(slot, 1, "first", node -> node.setProperty("email", "first@example.org")));
        long changes = repository.changeCount("events");

        booking.book(new BookingRequest(slot, 2, "second", node -> node.setProperty("email", "second@example.org")));

        assertThat(repository.changeCount("events")).as("the booking left the public content alone").isEqualTo(changes);
        JsonNode result = search("").get("results").get(0);
        assertThat(result.get("placesLeft").asLong()).isEqualTo(1);
        assertThat(result.get("nextSlots").get(0).get("placesLeft").asLong()).isEqualTo(1);
        assertThat(result.has(SiteDocuments.SHEET_FULL)).isFalse();

        booking.book(new BookingRequest(slot, 1, "third", node -> node.setProperty("email", "third@example.org")));

        assertThat(search("").get("results").get(0).get("placesLeft").asLong()).isZero();
        awaitSearch("placesLeft=none", answer -> answer.get("total").asInt() == 1);
        assertThat(search("placesLeft=any").get("total").asInt()).isZero();
    }

    private static JsonNode search(String query) {
        HttpResponse<String> response = PLATFORM.get("/.rest/search/v1?" + query);
        assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
        try {
            return JsonMapper.mapper().readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private void awaitSearch(String query, java.util.function.Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.test(search(query))) {
            assertThat(System.nanoTime()).as("index updated within 15 s for " + query).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
