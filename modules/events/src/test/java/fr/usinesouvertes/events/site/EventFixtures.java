package fr.usinesouvertes.events.site;

import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/** Writes companies, sites, event sheets and slots per the events model contract, for tests. */
public final class EventFixtures {

    private final ContentRepository repository;

    public EventFixtures(ContentRepository repository) {
        this.repository = repository;
    }

    /** Creates {@code /companies/<slug>} and returns its jcr:uuid. */
    public String company(String slug, String name) {
        return repository.write(session -> {
            Node company = root(session, "companies").addNode(slug, "mgnl:content");
            company.addMixin("mix:referenceable");
            company.setProperty("name", name);
            company.setProperty("sector", "Industrie");
            company.setProperty("website", "https://www." + slug + ".example");
            company.setProperty("description", "<p>" + name + "</p>");
            return company.getIdentifier();
        });
    }

    /** Creates {@code /sites/<slug>} of a company. */
    public String site(String slug, String companyId, String name, String commune, String department, String region) {
        return repository.write(session -> {
            Node site = root(session, "sites").addNode(slug, "mgnl:content");
            site.addMixin("mix:referenceable");
            site.setProperty("company", companyId);
            site.setProperty("name", name);
            site.setProperty("address", "1 rue de l'Usine");
            site.setProperty("postalCode", department + "000");
            site.setProperty("commune", commune);
            site.setProperty("inseeCode", department + "001");
            site.setProperty("department", department);
            site.setProperty("region", region);
            site.setProperty("latitude", 50.58);
            site.setProperty("longitude", 2.96);
            site.setProperty("sector", "Travaux publics");
            site.setProperty("description", "<p>Une centrale <strong>d'enrobage</strong></p><script>alert(1)</script>");
            return site.getIdentifier();
        });
    }

    /** Creates {@code /events/<year>/<siteSlug>} with a status and practical information. */
    public void sheet(int year, String siteSlug, String siteId, String status) {
        repository.write(session -> {
            Node events = root(session, "events");
            Node folder = events.hasNode(Integer.toString(year)) ? events.getNode(Integer.toString(year))
                    : events.addNode(Integer.toString(year), "mgnl:folder");
            Node sheet = folder.addNode(siteSlug, "mgnl:content");
            sheet.setProperty("site", siteId);
            sheet.setProperty("edition", (long) year);
            sheet.setProperty("status", status);
            sheet.setProperty("registrationMode", "platform");
            sheet.setProperty("contactEmail", "contact@" + siteSlug + ".example");
            sheet.setProperty("meetingPoint", "Accueil du site, entrée B");
            sheet.setProperty("access", "Bus 12, arrêt Zone industrielle");
            sheet.setProperty("parking", "Parking visiteurs");
            sheet.setProperty("safetyEquipment", "Chaussures fermées");
            sheet.setProperty("minimumAge", 12L);
            sheet.setProperty("reducedMobilityAccess", true);
            sheet.setProperty("languages", new String[] {"fr", "en"});
            sheet.setProperty("description", "<p>Visite de la centrale</p>");
            sheet.addNode("slots", "mgnl:contentNode");
            return null;
        });
    }

    /** Adds a time slot to a sheet and returns its id (jcr:uuid). */
    public String slot(int year, String siteSlug, ZonedDateTime start, ZonedDateTime end, long capacity,
                       List<String> audiences) {
        return repository.write(session -> {
            Node slots = session.getNode("/events/" + year + "/" + siteSlug + "/slots");
            Node slot = slots.addNode(Long.toString(slots.getNodes().getSize()), "mgnl:contentNode");
            slot.addMixin("mix:referenceable");
            slot.setProperty("start", calendar(start));
            slot.setProperty("end", calendar(end));
            slot.setProperty("capacity", capacity);
            slot.setProperty("audiences", audiences.toArray(String[]::new));
            slot.setProperty("maxPersonsPerRegistration", 6L);
            return slot.getIdentifier();
        });
    }

    /** Adds a recruitment need under the sheet. */
    public void recruitmentNeed(int year, String siteSlug, String job, long count, String contract) {
        repository.write(session -> {
            Node sheet = session.getNode("/events/" + year + "/" + siteSlug);
            Node needs = sheet.hasNode("recruitmentNeeds") ? sheet.getNode("recruitmentNeeds")
                    : sheet.addNode("recruitmentNeeds", "mgnl:contentNode");
            Node need = needs.addNode(Long.toString(needs.getNodes().getSize()), "mgnl:contentNode");
            need.setProperty("job", job);
            need.setProperty("count", count);
            need.setProperty("contractType", contract);
            return null;
        });
    }

    public static ZonedDateTime paris(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, ZoneId.of("Europe/Paris"));
    }

    private static Calendar calendar(ZonedDateTime time) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(time.getZone()));
        calendar.setTimeInMillis(time.toInstant().toEpochMilli());
        return calendar;
    }

    private static Node root(Session session, String workspace) throws RepositoryException {
        return session.getRootNode().hasNode(workspace) ? session.getNode("/" + workspace)
                : session.getRootNode().addNode(workspace, "nt:unstructured");
    }
}
