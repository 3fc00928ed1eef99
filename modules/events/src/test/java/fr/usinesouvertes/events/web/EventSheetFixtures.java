package fr.usinesouvertes.events.web;

import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Session;

/** Creates published 2026 event sheets with one slot each, laid out as the events model contract says. */
final class EventSheetFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private EventSheetFixtures() {
    }

    /** A published sheet of a new site in Hauts-de-France with one Friday-afternoon slot; returns the slot id. */
    static String slot(ContentRepository repository, long capacity, long maxPersons, String... audiences) {
        int n = SEQUENCE.incrementAndGet();
        return repository.write(session -> {
            Node company = folder(session, "companies").addNode("fixture-company-" + n, "mgnl:content");
            company.setProperty("name", "Fonderie d'essai " + n);
            Node site = folder(session, "sites").addNode("fixture-site-" + n, "mgnl:content");
            site.setProperty("company", company.getIdentifier());
            site.setProperty("name", "Site de Santes " + n);
            site.setProperty("address", "1 rue de l'Usine");
            site.setProperty("postalCode", "59211");
            site.setProperty("commune", "Santes");
            site.setProperty("region", "Hauts-de-France");
            Node year = session.getNode("/events/2026");
            Node sheet = year.addNode("fixture-site-" + n, "mgnl:content");
            sheet.setProperty("site", site.getIdentifier());
            sheet.setProperty("edition", 2026L);
            sheet.setProperty("status", "published");
            sheet.setProperty("registrationMode", "platform");
            sheet.setProperty("meetingPoint", "Poste de garde");
            Node slots = sheet.addNode("slots", "mgnl:contentNode");
            Node slot = slots.addNode("0", "mgnl:contentNode");
            slot.setProperty("start", GregorianCalendar.from(ZonedDateTime.parse("2026-03-20T14:00:00+01:00[Europe/Paris]")));
            slot.setProperty("end", GregorianCalendar.from(ZonedDateTime.parse("2026-03-20T16:00:00+01:00[Europe/Paris]")));
            slot.setProperty("capacity", capacity);
            slot.setProperty("maxPersonsPerRegistration", maxPersons);
            slot.setProperty("audiences", audiences);
            return slot.getIdentifier();
        });
    }

    /**
     * A published sheet of a new site with one Friday 20 March 2026 slot per capacity, the first at 14:00–16:00, the
     * next ones each 2 h 30 later (16:30–18:30, …); returns the slot ids in that order.
     */
    static List<String> sheet(ContentRepository repository, long maxPersons, List<String> audiences, long... capacities) {
        String first = slot(repository, capacities[0], maxPersons, audiences.toArray(String[]::new));
        return repository.write(session -> {
            Node slots = session.getNodeByIdentifier(first).getParent();
            List<String> ids = new java.util.ArrayList<>(List.of(first));
            for (int i = 1; i < capacities.length; i++) {
                Node slot = slots.addNode(String.valueOf(i), "mgnl:contentNode");
                ZonedDateTime start = ZonedDateTime.parse("2026-03-20T14:00:00+01:00[Europe/Paris]").plusMinutes(150L * i);
                slot.setProperty("start", GregorianCalendar.from(start));
                slot.setProperty("end", GregorianCalendar.from(start.plusHours(2)));
                slot.setProperty("capacity", capacities[i]);
                slot.setProperty("maxPersonsPerRegistration", maxPersons);
                slot.setProperty("audiences", audiences.toArray(String[]::new));
                ids.add(slot.getIdentifier());
            }
            return ids;
        });
    }

    /** Moves a slot's visit to {@code start} (two hours long), e.g. to make it started already. */
    static void reschedule(ContentRepository repository, String slotId, ZonedDateTime start) {
        repository.write(session -> {
            Node slot = session.getNodeByIdentifier(slotId);
            slot.setProperty("start", GregorianCalendar.from(start));
            slot.setProperty("end", GregorianCalendar.from(start.plusHours(2)));
            return null;
        });
    }

    /** A registration as stored, reduced to what the tests check. */
    record Stored(String id, String status, long persons, String email) {
    }

    /** Registrations stored for a slot, whatever their status. */
    static List<Stored> registrations(ContentRepository repository, String slotId) {
        return repository.read(session -> {
            String path = "/registrations/" + slotId;
            List<Stored> stored = new java.util.ArrayList<>();
            if (session.nodeExists(path)) {
                for (NodeIterator it = session.getNode(path).getNodes(); it.hasNext(); ) {
                    Node node = it.nextNode();
                    stored.add(new Stored(node.getIdentifier(), node.getProperty("status").getString(),
                            node.getProperty("persons").getLong(), node.getProperty("email").getString()));
                }
            }
            return stored;
        });
    }

    /** Persons booked on a slot by confirmed registrations, counted from the registrations themselves. */
    static long confirmedPersons(ContentRepository repository, String slotId) {
        return registrations(repository, slotId).stream().filter(r -> r.status().equals("confirmed"))
                .mapToLong(Stored::persons).sum();
    }

    private static Node folder(Session session, String name) throws javax.jcr.RepositoryException {
        return session.getRootNode().hasNode(name) ? session.getNode("/" + name)
                : session.getRootNode().addNode(name, "mgnl:folder");
    }
}
