package fr.usinesouvertes.events.schools;

import fr.usinesouvertes.events.edition.Regions;
import fr.usinesouvertes.events.export.ExcelCsv;
import fr.usinesouvertes.events.mail.MailKind;
import fr.usinesouvertes.events.mail.MailQueue;
import fr.usinesouvertes.events.mail.PreparedMail;
import fr.usinesouvertes.events.mail.QueuedMail;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.apache.jackrabbit.commons.JcrUtils;
import org.apache.jackrabbit.util.Text;

/**
 * The transport-funding requests of an edition's school registrations, as cases for the organisers: each school
 * registration (not cancelled) that asked for help, with the amount asked, the head count and the estimated way from
 * the school (found by its UAI in the directory) to the site ({@link TravelTime}: an estimate). The organisers approve
 * one with an amount or refuse it with a message; the teacher is e-mailed either way through the {@link MailQueue}, in
 * the decision's commit. Decisions are kept at {@code /schools/funding/<year>/<registration id>}, the budget of each
 * region at {@code /schools/funding/<year>} (euros, by region).
 */
public final class TransportFunding {

    static final String FUNDING = "/" + SchoolDirectory.WORKSPACE + "/funding";
    public static final int MAX_MESSAGE = 2_000;
    private static final String BUDGET = "budget-";

    /** Where a case stands. */
    public enum Decision { PENDING, APPROVED, REFUSED }

    /**
     * A request.
     *
     * @param km      estimated distance, or a negative number when the school is not in the directory
     * @param minutes estimated travel time, or a negative number likewise
     */
    public record Case(String id, String school, String uai, String commune, String teacher, String email, String site,
                       String siteName, String region, long persons, long adults, long asked, double km, int minutes,
                       Decision decision, long granted, String message) {
    }

    /** A region's totals against its budget, in euros. */
    public record RegionTotals(String region, long budget, long asked, long granted, long remaining, int cases,
                               int pending) {
    }

    private final ContentRepository repository;
    private final SchoolsNearSites near;
    private final MailQueue queue;
    private final Runnable wakeMailer;
    private final String publicUrl;
    private final Clock clock;

    public TransportFunding(ContentRepository repository, SchoolsNearSites near, MailQueue queue, Runnable wakeMailer,
                            String publicUrl, Clock clock) {
        this.repository = repository;
        this.near = near;
        this.queue = queue;
        this.wakeMailer = wakeMailer;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** Every request of the edition, by region then school. */
    public List<Case> cases(int year) {
        Map<String, School> byUai = new HashMap<>();
        near.schools().forEach(school -> byUai.put(school.uai(), school));
        List<Case> cases = repository.read(session -> {
            List<Case> found = new ArrayList<>();
            for (SchoolRegistrations.Found registration : SchoolRegistrations.found(session, year)) {
                toCase(session, year, registration, byUai).ifPresent(found::add);
            }
            return found;
        });
        java.text.Collator collator = java.text.Collator.getInstance(java.util.Locale.FRENCH);
        List<Case> sorted = new ArrayList<>(cases);
        sorted.sort((a, b) -> a.region().equals(b.region()) ? collator.compare(a.school(), b.school())
                : collator.compare(a.region(), b.region()));
        return sorted;
    }

    private Optional<Case> toCase(Session session, int year, SchoolRegistrations.Found found, Map<String, School> byUai)
            throws RepositoryException {
        Node registration = found.registration();
        if (!JcrUtils.getBooleanProperty(registration, "transportFunding", false)
                || "cancelled".equals(JcrUtils.getStringProperty(registration, "status", ""))) {
            return Optional.empty();
        }
        String sitePath = "/sites/" + found.site();
        Node site = session.nodeExists(sitePath) ? session.getNode(sitePath) : null;
        String uai = JcrUtils.getStringProperty(registration, "uai", "");
        School school = byUai.get(uai);
        TravelTime.Estimate estimate = school != null && site != null && site.hasProperty("latitude")
                ? near.estimate(school, site.getProperty("latitude").getDouble(), site.getProperty("longitude").getDouble())
                : new TravelTime.Estimate(-1, -1);
        String decisionPath = FUNDING + "/" + year + "/" + registration.getName();
        Node decision = session.nodeExists(decisionPath) ? session.getNode(decisionPath) : null;
        return Optional.of(new Case(registration.getName(), text(registration, "schoolName"), uai,
                text(registration, "commune"), text(registration, "teacherName"), text(registration, "email"),
                found.site(), site == null ? found.site() : text(site, "name"), site == null ? "" : text(site, "region"),
                JcrUtils.getLongProperty(registration, "declaredPersons", 0),
                JcrUtils.getLongProperty(registration, "accompanyingAdults", 0),
                JcrUtils.getLongProperty(registration, "transportAmount", 0), estimate.km(), estimate.minutes(),
                decision == null ? Decision.PENDING : Decision.valueOf(text(decision, "decision")),
                decision == null ? 0 : JcrUtils.getLongProperty(decision, "amount", 0),
                decision == null ? "" : text(decision, "message")));
    }

    /** The case {@code id} of the edition. */
    public Optional<Case> find(int year, String id) {
        return cases(year).stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Approves a case with {@code amount} euros; the teacher is told. */
    public void approve(int year, Case request, long amount, String by) {
        decide(year, request, Decision.APPROVED, amount, "", by, new PreparedMail(request.email(),
                "Journées Usines Ouvertes : aide au transport accordée", "Bonjour " + request.teacher() + ",\n\n"
                + "Votre demande d'aide au financement du transport pour la visite de « " + request.siteName()
                + " » (" + request.school() + ") est acceptée : " + amount + " € vous sont accordés.\n\n"
                + "L'équipe des Journées Usines Ouvertes", List.of()));
    }

    /** Refuses a case with the organisers' message, e-mailed to the teacher. */
    public void refuse(int year, Case request, String message, String by) {
        decide(year, request, Decision.REFUSED, 0, message, by, new PreparedMail(request.email(),
                "Journées Usines Ouvertes : votre demande d'aide au transport", "Bonjour " + request.teacher() + ",\n\n"
                + "Votre demande d'aide au financement du transport pour la visite de « " + request.siteName()
                + " » (" + request.school() + ") n'a pas pu être acceptée :\n\n" + message + "\n\n"
                + "Votre inscription à la visite reste valable.\n\nL'équipe des Journées Usines Ouvertes", List.of()));
    }

    private void decide(int year, Case request, Decision decision, long amount, String message, String by,
                        PreparedMail mail) {
        repository.write(session -> {
            Node node = JcrUtils.getOrCreateByPath(FUNDING + "/" + year + "/" + request.id(), "oak:Unstructured",
                    "oak:Unstructured", session, false);
            node.setProperty("decision", decision.name());
            node.setProperty("amount", amount);
            node.setProperty("message", message);
            node.setProperty("by", by);
            node.setProperty("at", GregorianCalendar.from(clock.instant().atZone(clock.getZone())));
            queue.enqueue(session, QueuedMail.of(MailKind.PREPARED, "transport funding " + year + "/" + request.id(),
                    publicUrl, null, mail.toDetails()));
            return null;
        });
        wakeMailer.run();
    }

    /** The budget of each region for the edition, in euros (absent: none set). */
    public Map<String, Long> budgets(int year) {
        return repository.read(session -> {
            Map<String, Long> budgets = new LinkedHashMap<>();
            String path = FUNDING + "/" + year;
            if (session.nodeExists(path)) {
                for (javax.jcr.PropertyIterator it = session.getNode(path).getProperties(BUDGET + "*"); it.hasNext(); ) {
                    javax.jcr.Property property = it.nextProperty();
                    budgets.put(Text.unescapeIllegalJcrChars(property.getName().substring(BUDGET.length())),
                            property.getLong());
                }
            }
            return budgets;
        });
    }

    /** Sets a region's budget. */
    public void budget(int year, String region, long euros) {
        repository.write(session -> {
            JcrUtils.getOrCreateByPath(FUNDING + "/" + year, "oak:Unstructured", "oak:Unstructured", session, false)
                    .setProperty(property(region), euros);
            return null;
        });
    }

    /** By region (every region with a budget or a case): budget, asked, granted, remaining, cases and pending ones. */
    public List<RegionTotals> totals(int year, List<Case> cases) {
        Map<String, Long> budgets = budgets(year);
        java.util.Set<String> regions = new java.util.TreeSet<>(java.text.Collator.getInstance(java.util.Locale.FRENCH));
        regions.addAll(budgets.keySet());
        cases.stream().map(Case::region).filter(region -> budgets.keySet().stream()
                .noneMatch(known -> Regions.same(known, region))).forEach(regions::add);
        List<RegionTotals> totals = new ArrayList<>();
        for (String region : regions) {
            List<Case> mine = cases.stream().filter(c -> Regions.same(c.region(), region)).toList();
            long budget = budgets.getOrDefault(region, 0L);
            long granted = mine.stream().mapToLong(Case::granted).sum();
            totals.add(new RegionTotals(region, budget, mine.stream().mapToLong(Case::asked).sum(), granted,
                    budget - granted, mine.size(), (int) mine.stream().filter(c -> c.decision() == Decision.PENDING).count()));
        }
        return totals;
    }

    /** The approved cases, for payment, as Excel-friendly CSV; returns the row count. */
    public int exportApproved(int year, OutputStream out) {
        ExcelCsv csv = ExcelCsv.open(out, List.of("Région", "Établissement", "UAI", "Commune", "Enseignant", "E-mail",
                "Site visité", "Élèves", "Accompagnateurs", "Montant demandé (€)", "Montant accordé (€)",
                "Distance estimée (km)", "Temps estimé (min)", "Inscription"));
        int rows = 0;
        for (Case c : cases(year)) {
            if (c.decision() == Decision.APPROVED) {
                csv.row(List.of(c.region(), c.school(), c.uai(), c.commune(), c.teacher(), c.email(), c.siteName(),
                        Long.toString(c.persons()), Long.toString(c.adults()), Long.toString(c.asked()),
                        Long.toString(c.granted()), c.km() < 0 ? "" : Double.toString(c.km()),
                        c.minutes() < 0 ? "" : Integer.toString(c.minutes()), c.id()));
                rows++;
            }
        }
        csv.flush();
        return rows;
    }

    private static String property(String region) {
        return BUDGET + Text.escapeIllegalJcrChars(region);
    }

    private static String text(Node node, String name) throws RepositoryException {
        return JcrUtils.getStringProperty(node, name, "");
    }
}
