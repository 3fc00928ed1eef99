package fr.usinesouvertes.events.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.booking.BookingRequest;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
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
        return SearchRequests.search(PLATFORM, query);
    }

    private static void awaitSearch(String query, Predicate<JsonNode> condition) throws InterruptedException {
        SearchRequests.awaitSearch(PLATFORM, query, condition);
    }
}
