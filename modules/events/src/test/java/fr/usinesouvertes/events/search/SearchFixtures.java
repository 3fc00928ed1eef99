package fr.usinesouvertes.events.search;

import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.OffsetDateTime;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/** Writes companies, sites and event sheets in the layout of the events model contract. */
public final class SearchFixtures {

    private final ContentRepository repository;

    public SearchFixtures(ContentRepository repository) {
        this.repository = repository;
    }

    /** A slot: start (Europe/Paris offset included), capacity, booked persons and audiences. */
    public record Slot(String start, long capacity, long booked, List<String> audiences) {
    }

    public String company(String slug, String name, String sector) {
        return repository.write(session -> {
            Node company = folder(session, "companies").addNode(slug, "mgnl:content");
            company.setProperty("name", name);
            company.setProperty("sector", sector);
            company.setProperty("description", "<p>Entreprise " + name + "</p>");
            return company.getIdentifier();
        });
    }

    /** A site with its place; {@code latitude} NaN leaves the coordinates out. */
    public String site(String slug, String company, String name, String commune, String department, String region,
                String sector, double latitude, double longitude, String description) {
        return repository.write(session -> {
            Node site = folder(session, "sites").addNode(slug, "mgnl:content");
            site.setProperty("company", company);
            site.setProperty("name", name);
            site.setProperty("commune", commune);
            site.setProperty("department", department);
            site.setProperty("region", region);
            site.setProperty("sector", sector);
            site.setProperty("description", description);
            if (!Double.isNaN(latitude)) {
                site.setProperty("latitude", latitude);
                site.setProperty("longitude", longitude);
            }
            return site.getIdentifier();
        });
    }

    public void sheet(int year, String siteSlug, String siteId, String status, Slot... slots) {
        repository.write(session -> {
            Node events = folder(session, "events");
            Node yearFolder = events.hasNode(String.valueOf(year)) ? events.getNode(String.valueOf(year))
                    : events.addNode(String.valueOf(year), "mgnl:folder");
            Node sheet = yearFolder.addNode(siteSlug, "mgnl:content");
            sheet.setProperty("site", siteId);
            sheet.setProperty("edition", (long) year);
            sheet.setProperty("status", status);
            sheet.setProperty("registrationMode", "platform");
            sheet.setProperty("contactEmail", "contact@" + siteSlug + ".example");
            Node slotsNode = sheet.addNode("slots", "mgnl:contentNode");
            for (int i = 0; i < slots.length; i++) {
                Node slot = slotsNode.addNode(String.valueOf(i), "mgnl:contentNode");
                slot.setProperty("start", calendar(slots[i].start()));
                slot.setProperty("end", calendar(slots[i].start()));
                slot.setProperty("capacity", slots[i].capacity());
                repository.workspaces().ensureRoots(session, List.of(SlotBooking.WORKSPACE));
                SlotBooking.registrationsFolder(session, slot.getIdentifier()).setProperty("bookedPersons", slots[i].booked());
                slot.setProperty("audiences", slots[i].audiences().toArray(String[]::new));
            }
            return null;
        });
    }

    public void setStatus(int year, String siteSlug, String status) {
        repository.write(session -> {
            session.getNode("/events/" + year + "/" + siteSlug).setProperty("status", status);
            return null;
        });
    }

    /** A registration as SlotBooking stores it: personal data that search must never show. */
    public void registration(String slotPath, String email) {
        repository.write(session -> {
            Node registrations = folder(session, "registrations");
            Node registration = registrations.addNode("r" + System.nanoTime(), "mgnl:content");
            registration.setProperty("email", email);
            registration.setProperty("lastName", "Dupont-Secret");
            return null;
        });
    }

    private static Node folder(Session session, String name) throws RepositoryException {
        return session.getRootNode().hasNode(name) ? session.getNode("/" + name)
                : session.getRootNode().addNode(name, "mgnl:folder");
    }

    private static Calendar calendar(String offsetDateTime) {
        return GregorianCalendar.from(OffsetDateTime.parse(offsetDateTime).toZonedDateTime());
    }
}
