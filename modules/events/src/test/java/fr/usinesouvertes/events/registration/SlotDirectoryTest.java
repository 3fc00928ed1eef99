package fr.usinesouvertes.events.registration;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.booking.BookingRequest;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.jcr.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlotDirectoryTest {

    private ContentRepository repository;
    private SlotDirectory slots;
    private String slotId;

    @BeforeEach
    void content() {
        repository = ContentRepository.open(new MemoryStoreBackend());
        slots = new SlotDirectory(repository, 10, java.time.ZoneId.of("Europe/Paris"));
        slotId = repository.write(session -> {
            Node company = session.getRootNode().addNode("companies", "mgnl:content").addNode("colas", "mgnl:content");
            company.setProperty("name", "Colas");
            Node site = session.getRootNode().addNode("sites", "mgnl:content").addNode("colas-santes", "mgnl:content");
            site.addMixin("mix:referenceable");
            site.setProperty("name", "Site de Santes");
            site.setProperty("company", company.getIdentifier());
            Node sheet = session.getRootNode().addNode("events", "mgnl:content").addNode("2026", "mgnl:folder")
                    .addNode("colas-santes", "mgnl:content");
            sheet.setProperty("site", site.getIdentifier());
            sheet.setProperty("status", "published");
            Node slot = sheet.addNode("slots", "mgnl:contentNode").addNode("0", "mgnl:contentNode");
            slot.setProperty("start", GregorianCalendar.from(ZonedDateTime.parse("2026-03-20T09:00:00+01:00")));
            slot.setProperty("end", GregorianCalendar.from(ZonedDateTime.parse("2026-03-20T11:00:00+01:00")));
            slot.setProperty("capacity", 20L);
            slot.setProperty("audiences", new String[] {"public"});
            return slot.getIdentifier();
        });
    }

    @AfterEach
    void close() {
        repository.close();
    }

    @Test
    void aSlotIsReadOnceAndKeptThroughBookings() {
        BookableSlot first = slots.find(slotId).orElseThrow();
        assertThat(first.visit().company()).isEqualTo("Colas");
        assertThat(first.visit().site()).isEqualTo("Site de Santes");
        assertThat(first.capacity()).isEqualTo(20);

        new SlotBooking(repository, Clock.systemUTC())
                .book(new BookingRequest(slotId, 2, "visitor", node -> node.setProperty("email", "v@example.org")));

        assertThat(slots.find(slotId).orElseThrow()).isSameAs(first);
        assertThat(slots.findAll(List.of(slotId)).get(slotId).orElseThrow()).isSameAs(first);
    }

    @Test
    void anEditOfTheSheetTheSiteOrTheCompanyIsSeenAtOnce() {
        slots.find(slotId).orElseThrow();

        edit("/events/2026/colas-santes/slots/0", "capacity", 25L);
        assertThat(slots.find(slotId).orElseThrow().capacity()).isEqualTo(25);

        edit("/sites/colas-santes", "name", "Usine de Santes");
        assertThat(slots.findAll(List.of(slotId)).get(slotId).orElseThrow().visit().site()).isEqualTo("Usine de Santes");

        edit("/companies/colas", "name", "Colas France");
        assertThat(slots.find(slotId).orElseThrow().visit().company()).isEqualTo("Colas France");
    }

    @Test
    void unknownAndMalformedIdsAreAbsent() {
        Map<String, Optional<BookableSlot>> found = slots.findAll(List.of("not-an-id", "0b6c5f3e-1d2a-4c9b-8e7f-123456789abc", slotId));

        assertThat(found.get("not-an-id")).isEmpty();
        assertThat(found.get("0b6c5f3e-1d2a-4c9b-8e7f-123456789abc")).isEmpty();
        assertThat(found.get(slotId)).isPresent();
        assertThat(slots.find("0b6c5f3e-1d2a-4c9b-8e7f-123456789abc")).isEmpty();
    }

    private void edit(String path, String property, Object value) {
        repository.write(session -> {
            Node node = session.getNode(path);
            if (value instanceof Long number) {
                node.setProperty(property, number);
            } else {
                node.setProperty(property, (String) value);
            }
            return null;
        });
    }
}
