package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.booking.RegistrationStatus;
import fr.usinesouvertes.events.booking.BookingOutcome;
import fr.usinesouvertes.events.booking.BookingRequest;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A company with a published 2026 sheet (Friday 9:30 school and France Travail slot of 25, Saturday 10:00 public slot
 * of 20, 6 per registration) and the registrations of the issue: a class of 20 on Friday, three families of 6 on
 * Saturday (18 seats) and a fourth family of 4 on its waiting list.
 */
public final class CancellationFixtures {

    private CancellationFixtures() {
    }

    /** A published company sheet. */
    public record PublishedSheet(Account account, String slug, String fridaySlot, String saturdaySlot) {
    }

    public static PublishedSheet publishedSheet(PlatformExtension platform, String companyName, String login, String siteName) {
        return publishedSheet(platform.platform(), companyName, login, siteName, CompanyFixtures.sheetValues());
    }

    /** A published sheet of {@code values} (see {@link CompanyFixtures#sheetValues()}) on a platform. */
    static PublishedSheet publishedSheet(fr.usinesouvertes.platform.Platform platform, String companyName, String login,
                                         String siteName, Map<String, String> values) {
        ContentRepository repository = platform.repository();
        Account account = CompanyAccessTestSupport.company(platform, companyName, login);
        CompanySession company = new AccountCompanySession(repository, account);
        String slug = new CompanySites(repository, CompanyGrants.PLATFORM).create(company,
                CompanyFixtures.site(siteName, "Santes", "Hauts-de-France"));
        EventSheets sheets = new EventSheets(repository, CompanyGrants.PLATFORM, EventSheetsTest.OCTOBER, EventSheetsTest.PARIS);
        sheets.save(company, slug, SheetForm.validate(values, sheets.currentEdition(), EventSheetsTest.PARIS, Lang.FR).form());
        repository.write(session -> {
            javax.jcr.Node sheet = session.getNode(EventSheets.ROOT + "/2026/" + slug);
            sheet.setProperty("status", EventSheets.PUBLISHED);
            RegistrationFolders.grantAll(session, sheet, account.company(), CompanyGrants.PLATFORM);
            return null;
        });
        List<SheetSummary.SlotSummary> slots = sheets.requireOwn(company, slug).slots();
        return new PublishedSheet(account, slug, slots.get(0).id(), slots.get(1).id());
    }

    /** The class of 20 (French), three families (French, English, French) and a waiting family (English). */
    public static void issueRegistrations(PlatformExtension platform, PublishedSheet sheet, String mailDomain) {
        SlotBooking booking = new SlotBooking(platform.platform().repository(), Clock.systemUTC());
        book(booking, sheet.fridaySlot(), 20, Map.of("audience", "school", "teacherName", "Mme Lefebvre",
                "schoolName", "Collège Jean Moulin", "email", "classe@" + mailDomain, "lang", "fr"));
        book(booking, sheet.saturdaySlot(), 6, Map.of("audience", "public", "name", "Famille Martin",
                "email", "martin@" + mailDomain, "lang", "fr"));
        book(booking, sheet.saturdaySlot(), 6, Map.of("audience", "public", "name", "Smith family",
                "email", "smith@" + mailDomain, "lang", "en"));
        book(booking, sheet.saturdaySlot(), 6, Map.of("audience", "public", "name", "Famille Nguyen",
                "email", "nguyen@" + mailDomain, "lang", "fr"));
        BookingOutcome waiting = book(booking, sheet.saturdaySlot(), 4, Map.of("audience", "public", "name", "Jones family",
                "email", "jones@" + mailDomain, "lang", "en"));
        if (waiting.status() != RegistrationStatus.WAITLISTED) {
            throw new IllegalStateException("The fourth family should wait");
        }
    }

    private static BookingOutcome book(SlotBooking booking, String slotId, int persons, Map<String, String> fields) {
        return booking.book(new BookingRequest(slotId, persons, UUID.randomUUID().toString(), node -> {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                node.setProperty(field.getKey(), field.getValue());
            }
            node.setProperty("declaredPersons", (long) persons);
        }));
    }

    /** The slot's registrations in booking order (the fixture's Martin, Smith, Nguyen, then the waiting Jones). */
    static List<String> registrationIds(PlatformExtension platform, String slotId) {
        return platform.platform().repository().read(session -> {
            List<javax.jcr.Node> nodes = new java.util.ArrayList<>();
            for (javax.jcr.NodeIterator it = session.getNode("/registrations/" + slotId).getNodes(); it.hasNext(); ) {
                javax.jcr.Node node = it.nextNode();
                if (node.isNodeType("mgnl:contentNode")) {
                    nodes.add(node);
                }
            }
            nodes.sort(fr.usinesouvertes.events.booking.BookingOrder.REGISTRATIONS);
            List<String> ids = new java.util.ArrayList<>();
            for (javax.jcr.Node node : nodes) {
                ids.add(node.getIdentifier());
            }
            return ids;
        });
    }

    /** Status of every registration of a slot. */
    static List<String> statuses(PlatformExtension platform, String slotId) {
        return platform.platform().repository().read(session -> {
            List<String> statuses = new java.util.ArrayList<>();
            if (session.nodeExists("/registrations/" + slotId)) {
                for (javax.jcr.NodeIterator it = session.getNode("/registrations/" + slotId).getNodes(); it.hasNext(); ) {
                    javax.jcr.Node node = it.nextNode();
                    if (node.hasProperty("status")) {
                        statuses.add(node.getProperty("status").getString());
                    }
                }
            }
            return statuses;
        });
    }

    static String sheetStatus(PlatformExtension platform, String slug) {
        return platform.platform().repository().read(session ->
                session.getNode(EventSheets.ROOT + "/2026/" + slug).getProperty("status").getString());
    }
}
